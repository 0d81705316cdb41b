import type { Ad } from '../domain/ad.js';
import type { PriceContext, RepostContext } from '../domain/ad-insight.js';
import type { AlertEvent } from '../domain/alert-events.js';
import type { LifecycleEvent, WatchRef } from '../domain/events.js';

/** Everything a check run reports, in the order it happens; `--json` prints these as NDJSON. */
export type CheckRecord =
  | { type: 'baseline'; watch: WatchRef; ads: number }
  | { type: 'new_ad'; watch: WatchRef; ad: Ad; repost?: RepostContext; context?: PriceContext }
  | {
      type: 'price_changed';
      watch: WatchRef;
      ad: Ad;
      oldPrice: number | null;
      newPrice: number | null;
      oldPriceText: string;
      newPriceText: string;
      /** New minus old price in forints, and as a share of the old one (%); null unless both are amounts. */
      changeForints: number | null;
      changePercent: number | null;
      /** The lowest amount this watch has seen the ad at, the new one included; null when it never had one. */
      lowestPrice: number | null;
      /** The watch's `below` target the price fell under with this change. */
      crossedBelow?: number;
      /** For a price drop: where the new price stands among the watch's recent prices. */
      context?: PriceContext;
    }
  /** A re-post the watch reports apart, as its own notification (`notified`) or only recorded (skip). */
  | { type: 'reposted'; watch: WatchRef; ad: Ad; repost: RepostContext; context?: PriceContext; notified: boolean }
  /** An iced ad active again, an ad back after it was recorded gone, an ad that left the search. */
  | LifecycleEvent
  | { type: 'filtered'; watch: WatchRef; change: 'new_ad' | 'price_changed'; ad: Ad; rule: string }
  | {
      type: 'watch_error';
      watch: WatchRef;
      /** `hint` is what the user can do about it, when something helps. */
      error: { kind: string; message: string; hint?: string | undefined; consecutiveFailures: number };
    }
  /**
   * One per target and run: the notifications that died, or (not dead) the ones left waiting because the target
   * failed; `watch` and `attempts` are those of the message that failed last.
   */
  | {
      type: 'delivery_failed';
      target: string;
      watch: WatchRef | null;
      notifications: number;
      dead: boolean;
      attempts: number;
      error: string;
      /** When the first waiting notification is tried again; null for dead ones. */
      nextAttemptAt: string | null;
    }
  /** One per target with notifications held for quiet hours or a digest, after the run's deliveries. */
  | { type: 'held'; target: string; notifications: number; releasedAt: string }
  /** A failure or recovery alert was recorded; `targets` (masked) are the ones it is sent to. */
  | { type: 'alert'; event: AlertEvent; targets: string[] }
  | CheckSummary;

/** The last record of a run. */
export interface CheckSummary {
  type: 'summary';
  dryRun: boolean;
  watches: number;
  watchesFailed: number;
  newAds: number;
  priceDrops: number;
  priceRises: number;
  priceChanges: number;
  baselines: number;
  /** Lifecycle events notified: iced ads active again, gone ads listed again, ads that left the search. */
  reactivated: number;
  reappeared: number;
  gone: number;
  /** New ads and price changes that a filter or a price rule held back (recorded, not notified). */
  filtered: number;
  /** Re-posts reported apart from new ads (a watch that labels re-posts counts them as new ads). */
  reposts: number;
  delivered: number;
  deliveryRetries: number;
  deliveriesDead: number;
  interrupted: boolean;
  durationMs: number;
  exitCode: number;
}
