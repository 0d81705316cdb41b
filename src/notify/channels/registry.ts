import type { NotificationItem } from '../../domain/events.js';
import type { Channel, NotificationTarget, TargetOf } from '../../domain/targets/target.js';
import type { ServiceProtocol } from '../answer.js';
import type { RenderedMessage, RenderOptions } from '../message.js';
import { renderDiscord } from './discord/render.js';
import { discordProtocol } from './discord/responses.js';
import { renderJson } from './json/render.js';
import { jsonProtocol } from './json/responses.js';
import { renderNtfy } from './ntfy/render.js';
import { ntfyProtocol } from './ntfy/responses.js';
import { renderSlack } from './slack/render.js';
import { slackProtocol } from './slack/responses.js';
import { renderTelegram } from './telegram/render.js';
import { telegramProtocol } from './telegram/responses.js';

/** What pyhabot needs to send to one service: how to write a message, and how to read its answer. */
export interface ChannelAdapter<C extends Channel> {
  /** Render one watch's pending items for this service. */
  render(items: readonly NotificationItem[], options: RenderOptions, target: TargetOf<C>): RenderedMessage[];
  readonly protocol: ServiceProtocol;
  /** Whether bodies carry the webhook secret's signature; only the JSON receiver contract documents one. */
  readonly signsBodies: boolean;
}

/** Every channel's renderer and answer rules; target syntax lives in domain/targets, which quick commands load. */
export const channels = {
  discord: { render: renderDiscord, protocol: discordProtocol, signsBodies: false },
  slack: { render: renderSlack, protocol: slackProtocol, signsBodies: false },
  telegram: {
    render: (items, options, target) => renderTelegram(items, options, target.chatId),
    protocol: telegramProtocol,
    signsBodies: false,
  },
  ntfy: {
    render: (items, options, target) => renderNtfy(items, options, target.topic),
    protocol: ntfyProtocol,
    signsBodies: false,
  },
  json: { render: renderJson, protocol: jsonProtocol, signsBodies: true },
} satisfies { [C in Channel]: ChannelAdapter<C> };

/** The adapter for a target's channel. */
export function channelFor<T extends NotificationTarget>(target: T): ChannelAdapter<T['channel']> {
  // The registry's type pairs each channel with its own adapter; TypeScript cannot follow that through an index.
  return channels[target.channel] as ChannelAdapter<T['channel']>;
}
