import type { AlertItem } from '../../domain/alert-events.js';
import type { NotificationItem } from '../../domain/events.js';
import type { Channel, TargetOf } from '../../domain/targets/target.js';
import type { ServiceProtocol } from '../answer.js';
import type { RenderedMessage, RenderOptions } from '../message.js';

/** What pyhabot needs to send to one service: how to write a message, and how to read its answer. */
export interface ChannelAdapter<C extends Channel> {
  /** Render one watch's pending items for this service. */
  render(items: readonly NotificationItem[], options: RenderOptions, target: TargetOf<C>): RenderedMessage[];
  /** Render one alert (a watch failing or recovering, a target dead or back) as a plain message. */
  renderAlert(item: AlertItem, options: RenderOptions, target: TargetOf<C>): RenderedMessage;
  readonly protocol: ServiceProtocol;
  /** Whether bodies carry the webhook secret's signature; only the JSON receiver contract documents one. */
  readonly signsBodies: boolean;
}
