import { writeMinimumChange } from './minimum-change.js';
import type { DigestChoice } from './quiet-hours.js';
import type { LifecycleRules, PriceChangeRule, RepostRule, WatchRules } from './watch-rules.js';

/** A watch's own rules in the shape the config file's `rules` key takes, plus its digest choice. */
export interface WrittenRules {
  priceChanges?: PriceChangeRule;
  /** "5%" or 2000, as a user writes it; null: no minimum for this watch. */
  minDrop?: string | number | null;
  below?: number | null;
  lifecycle?: LifecycleRules;
  reposts?: RepostRule;
  digest?: DigestChoice;
}

const LIFECYCLE_ORDER = ['reactivated', 'reappeared', 'gone'] as const;

/**
 * Write a watch's rules for a file a user may read and edit: only the rules it sets, always in the same order, a
 * minimum change as "5%" or 2000. Empty when it sets none.
 */
export function writeRules(rules: WatchRules): WrittenRules {
  const written: WrittenRules = {};
  if (rules.priceChanges !== undefined) written.priceChanges = rules.priceChanges;
  if (rules.minDrop !== undefined) written.minDrop = rules.minDrop === null ? null : writeMinimumChange(rules.minDrop);
  if (rules.below !== undefined) written.below = rules.below;
  const lifecycle: LifecycleRules = {};
  for (const event of LIFECYCLE_ORDER) {
    const value = rules.lifecycle?.[event];
    if (value !== undefined) lifecycle[event] = value;
  }
  if (Object.keys(lifecycle).length > 0) written.lifecycle = lifecycle;
  if (rules.reposts !== undefined) written.reposts = rules.reposts;
  if (rules.digest !== undefined) written.digest = rules.digest;
  return written;
}

/** True when two sets of a watch's rules say the same, however their keys were ordered. */
export function sameRules(a: WatchRules, b: WatchRules): boolean {
  return JSON.stringify(writeRules(a)) === JSON.stringify(writeRules(b));
}
