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
  /** The lowest fixed price (Ft) this watch has seen for the ad, the new one included; absent when none was fixed. */
  lowestPrice?: number;
  /** The watch's `below` target (Ft) the price fell under with this change. */
  crossedBelow?: number;
  /** For a price drop: where the new price stands among the watch's recent prices. */
  context?: PriceContext;
}

/** A new ad that repeats an earlier listing of the same item by the same seller (the watch reports re-posts apart). */
export interface RepostedEvent {
  type: 'reposted';
  watch: WatchRef;
  ad: Ad;
  repost: RepostContext;
  context?: PriceContext;
  /** False when the watch skips re-posts: the event is kept in the watch's history and sent to no target. */
  notified: boolean;
}

/** An ad the seller had iced ("jegelve") is active again. */
export interface ReactivatedEvent {
  type: 'reactivated';
  watch: WatchRef;
  ad: Ad;
}

/** An ad recorded as gone is listed again. */
export interface ReappearedEvent {
  type: 'reappeared';
  watch: WatchRef;
  ad: Ad;
  /** When the ad was recorded as gone (ISO 8601). */
  goneAt: string | null;
}

/** An ad left the search (sold, withdrawn or expired): the ad as last seen, with its last price. */
export interface GoneEvent {
  type: 'gone';
  watch: WatchRef;
  ad: Ad;
  /** When this watch first and last saw the ad listed (ISO 8601): how long it was listed. */
  firstSeenAt: string;
  lastSeenAt: string;
}

/** What happened to an ad already known, beyond its price. */
export type LifecycleEvent = ReactivatedEvent | ReappearedEvent | GoneEvent;

/** Events that are delivered to notification targets. */
export type AdEvent = NewAdEvent | PriceChangedEvent | RepostedEvent | LifecycleEvent;

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
