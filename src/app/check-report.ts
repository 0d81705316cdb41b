import type { Ad } from '../domain/ad.js';
import type { PriceContext, RepostContext } from '../domain/ad-insight.js';
import type { WatchRef } from '../domain/events.js';

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
      context?: PriceContext;
    }
  /** A re-post the watch notifies apart (`notified`) or only records. */
  | { type: 'reposted'; watch: WatchRef; ad: Ad; repost: RepostContext; context?: PriceContext; notified: boolean }
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
  /** New ads and price changes that a filter held back (recorded, not notified). */
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
