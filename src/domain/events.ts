import type { Ad, PriceKind } from './ad.js';

/** How a watch is named in every event and payload. */
export interface WatchRef {
  id: number;
  name: string;
  url: string;
}

/** An ad this watch has never seen before. */
export interface NewAdEvent {
  type: 'new_ad';
  watch: WatchRef;
  ad: Ad;
}

/** An ad whose price or price kind differs from the last one this watch saw. */
export interface PriceChangedEvent {
  type: 'price_changed';
  watch: WatchRef;
  ad: Ad;
  oldPrice: number | null;
  newPrice: number | null;
  oldPriceKind: PriceKind;
  newPriceKind: PriceKind;
  oldPriceText: string;
  /** The filter's maxPrice (Ft) this ad was over and now is under: what the user waited for. */
  nowUnderLimit?: number;
}

/** Events that are delivered to notification targets. */
export type AdEvent = NewAdEvent | PriceChangedEvent;

/** One pending notification: an event bound for one target, with the key receivers use to drop repeats. */
export interface NotificationItem {
  /** Outbox row id. */
  id: number;
  idempotencyKey: string;
  event: AdEvent;
  /** When the event was detected (ISO 8601). */
  createdAt: string;
  /** Every watch that found this same event, when several did (one message names them all). */
  watches?: WatchRef[];
  /** Held for quiet hours or a digest, and now sent with the others that waited. */
  digest?: boolean;
}
