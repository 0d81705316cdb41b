import type { Channel, NotificationTarget } from '../../domain/targets/target.js';
import type { ChannelAdapter } from './adapter.js';
import { discordChannel } from './discord/channel.js';
import { jsonChannel } from './json/channel.js';
import { ntfyChannel } from './ntfy/channel.js';
import { slackChannel } from './slack/channel.js';
import { telegramChannel } from './telegram/channel.js';

/**
 * Every channel's renderer and answer rules, one folder each. Target syntax lives in domain/targets, so that
 * commands which only show targets never load this.
 */
export const channels = {
  discord: discordChannel,
  slack: slackChannel,
  telegram: telegramChannel,
  ntfy: ntfyChannel,
  json: jsonChannel,
} satisfies { [C in Channel]: ChannelAdapter<C> };

/** The adapter for a target's channel. */
export function channelFor<T extends NotificationTarget>(target: T): ChannelAdapter<T['channel']> {
  // The registry's type pairs each channel with its own adapter; TypeScript cannot follow that through an index.
  return channels[target.channel] as ChannelAdapter<T['channel']>;
}
