import type { NotificationItem } from '../../domain/events.js';
import type { Channel, TargetOf } from '../../domain/targets/target.js';
import type { ServiceProtocol } from '../answer.js';
import type { RenderedMessage, RenderOptions } from '../message.js';

/** What pyhabot needs to send to one service: how to write a message, and how to read its answer. */
export interface ChannelAdapter<C extends Channel> {
  /** Render one watch's pending items for this service. */
  render(items: readonly NotificationItem[], options: RenderOptions, target: TargetOf<C>): RenderedMessage[];
  readonly protocol: ServiceProtocol;
  /** Whether bodies carry the webhook secret's signature; only the JSON receiver contract documents one. */
  readonly signsBodies: boolean;
}
