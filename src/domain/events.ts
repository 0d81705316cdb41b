import type { Ad, PriceKind } from './ad.js';
import type { PriceContext, RepostContext } from './ad-insight.js';

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
  /** Set when the ad repeats an earlier listing and the watch labels re-posts rather than notifying them apart. */
  repost?: RepostContext;
  /** Where the asking price stands among the watch's recent prices, when there are enough of them. */
  context?: PriceContext;
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
  /** For a price drop: where the new price stands among the watch's recent prices. */
  context?: PriceContext;
}

/** A new ad that repeats an earlier listing of the same item by the same seller (the watch notifies re-posts apart). */
export interface RepostedEvent {
  type: 'reposted';
  watch: WatchRef;
  ad: Ad;
  repost: RepostContext;
  context?: PriceContext;
}

/** Events that are delivered to notification targets. */
export type AdEvent = NewAdEvent | PriceChangedEvent | RepostedEvent;

/** One pending notification: an event bound for one target, with the key receivers use to drop repeats. */
export interface NotificationItem {
  /** Outbox row id. */
  id: number;
  idempotencyKey: string;
  event: AdEvent;
  /** When the event was detected (ISO 8601). */
  createdAt: string;
}
