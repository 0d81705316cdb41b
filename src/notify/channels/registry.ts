import type { Channel, WebTarget } from '../../domain/targets/target.js';
import type { AdapterOf, ChannelAdapter } from './adapter.js';
import { discordChannel } from './discord/channel.js';
import { fileChannel } from './file/channel.js';
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
  file: fileChannel,
} satisfies { [C in Channel]: AdapterOf<C> };

/** The adapter for a web target's channel. */
export function channelFor<T extends WebTarget>(target: T): ChannelAdapter<T['channel']> {
  // The registry's type pairs each channel with its own adapter; TypeScript cannot follow that through an index.
  return channels[target.channel] as ChannelAdapter<T['channel']>;
}
