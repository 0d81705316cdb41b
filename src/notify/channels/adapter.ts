import type { AlertItem } from '../../domain/alert-events.js';
import type { DeliveryOutcome } from '../../domain/delivery.js';
import type { NotificationItem } from '../../domain/events.js';
import type { Channel, TargetOf } from '../../domain/targets/target.js';
import type { ServiceProtocol } from '../answer.js';
import type { RenderedMessage, RenderOptions } from '../message.js';
import type { Language } from '../strings.js';

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

/** What a feed file needs besides the pending items. */
export interface FileDeliveryOptions {
  language: Language;
  now: Date;
  /** The events recorded for a target, newest first; the file is rewritten from them. */
  history?: ((target: string) => NotificationItem[]) | undefined;
}

/** A channel that keeps a file on this machine up to date instead of sending requests. */
export interface FileChannelAdapter {
  /** Bring the file up to date; one outcome for all the items. */
  deliver(
    target: TargetOf<'file'>,
    items: readonly NotificationItem[],
    options: FileDeliveryOptions,
  ): Promise<DeliveryOutcome[]>;
}

/** The adapter each channel has. */
export type AdapterOf<C extends Channel> = C extends 'file' ? FileChannelAdapter : ChannelAdapter<C>;
