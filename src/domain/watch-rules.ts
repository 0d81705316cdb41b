import type { DigestChoice } from './quiet-hours.js';

/** Which price changes of a watch's ads are worth a notification. */
export type PriceChangeRule = 'drops' | 'all' | 'none';

/** The smallest price change that notifies: a share of the old price, or forints. */
export type MinimumChange = { percent: number } | { forints: number };

/** What a re-posted ad becomes: a notification, a labelled new-ad notification, or nothing. */
export type RepostRule = 'notify' | 'label' | 'skip';

/** Ad lifecycle events a watch can opt in to or out of. */
export interface LifecycleRules {
  reactivated?: boolean;
  reappeared?: boolean;
  gone?: boolean;
}

/**
 * A watch's own notification rules. Every field is optional: an unset field takes the global default from the
 * config file, and then the built-in default.
 */
export interface WatchRules {
  priceChanges?: PriceChangeRule;
  /** null: no minimum for this watch, even when the config file sets one. */
  minDrop?: MinimumChange | null;
  /**
   * Notify when an ad's price first falls under this many forints, whatever the size of the drop; null: no target
   * for this watch, even when the config file sets one.
   */
  below?: number | null;
  lifecycle?: LifecycleRules;
  reposts?: RepostRule;
  /** Send this watch's notifications as a digest on a schedule; `off` sends them at once even to a digest target. */
  digest?: DigestChoice;
}
