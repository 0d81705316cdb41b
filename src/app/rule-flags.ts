import type { LifecycleRules, MinimumChange, PriceChangeRule, RepostRule, WatchRules } from '../domain/watch-rules.js';

/** Rule options as commander hands them over (see cli/rule-options.ts); `default` only comes from `edit`. */
export interface RuleFlags {
  priceChanges?: PriceChangeRule | 'default';
  minDrop?: MinimumChange | 'none' | 'default';
  below?: number | 'none' | 'default';
  notifyReactivated?: boolean;
  notifyReappeared?: boolean;
  notifyGone?: boolean;
  reposts?: RepostRule | 'default';
  clearRules?: boolean;
}

/** True when any rule option was given. */
export function hasRuleFlags(flags: RuleFlags): boolean {
  return (
    [
      flags.priceChanges,
      flags.minDrop,
      flags.below,
      flags.notifyReactivated,
      flags.notifyReappeared,
      flags.notifyGone,
      flags.reposts,
    ].some((value) => value !== undefined) || flags.clearRules === true
  );
}

/** Apply rule options to a watch's own rules: clearing first, then each option given replaces its rule. */
export function applyRuleFlags(current: WatchRules, flags: RuleFlags): WatchRules {
  // The digest choice is how news is delivered, not which news: `--digest` sets it, and clearing rules keeps it.
  const kept: WatchRules = current.digest === undefined ? {} : { digest: current.digest };
  const rules: WatchRules = flags.clearRules ? kept : { ...current };
  const lifecycle: LifecycleRules = flags.clearRules ? {} : { ...current.lifecycle };
  if (flags.priceChanges === 'default') delete rules.priceChanges;
  else if (flags.priceChanges !== undefined) rules.priceChanges = flags.priceChanges;
  if (flags.minDrop === 'default') delete rules.minDrop;
  else if (flags.minDrop !== undefined) rules.minDrop = flags.minDrop === 'none' ? null : flags.minDrop;
  if (flags.below === 'default') delete rules.below;
  else if (flags.below !== undefined) rules.below = flags.below === 'none' ? null : flags.below;
  if (flags.reposts === 'default') delete rules.reposts;
  else if (flags.reposts !== undefined) rules.reposts = flags.reposts;
  if (flags.notifyReactivated !== undefined) lifecycle.reactivated = flags.notifyReactivated;
  if (flags.notifyReappeared !== undefined) lifecycle.reappeared = flags.notifyReappeared;
  if (flags.notifyGone !== undefined) lifecycle.gone = flags.notifyGone;
  if (Object.keys(lifecycle).length > 0) rules.lifecycle = lifecycle;
  else delete rules.lifecycle;
  return rules;
}
