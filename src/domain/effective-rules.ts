import type { LifecycleRules, MinimumChange, PriceChangeRule, RepostRule, WatchRules } from './watch-rules.js';

/** A watch's notification rules with every gap filled: what a check applies. */
export interface EffectiveRules {
  priceChanges: PriceChangeRule;
  minDrop: MinimumChange | null;
  below: number | null;
  lifecycle: Required<LifecycleRules>;
  reposts: RepostRule;
}

/** The rules of a watch that sets none, under a config file that sets none. */
export const DEFAULT_RULES: EffectiveRules = {
  priceChanges: 'drops',
  minDrop: null,
  below: null,
  lifecycle: { reactivated: true, reappeared: false, gone: false },
  reposts: 'label',
};

/** Every rule by name, as `show` lists them. */
export const RULE_NAMES = ['priceChanges', 'minDrop', 'below', 'reactivated', 'reappeared', 'gone', 'reposts'] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** Where a rule in effect was set. */
export type RuleSource = 'watch' | 'global' | 'default';

/** A watch's rules in effect: its own, else the config file's `rules`, else the built-in defaults. */
export function effectiveRules(own: WatchRules, global: WatchRules): EffectiveRules {
  const pick = <T>(name: RuleName, fallback: T): T => {
    const source = ruleSource(own, global, name);
    return source === 'default' ? fallback : (readRule(source === 'watch' ? own : global, name) as T);
  };
  return {
    priceChanges: pick('priceChanges', DEFAULT_RULES.priceChanges),
    minDrop: pick('minDrop', DEFAULT_RULES.minDrop),
    below: pick('below', DEFAULT_RULES.below),
    lifecycle: {
      reactivated: pick('reactivated', DEFAULT_RULES.lifecycle.reactivated),
      reappeared: pick('reappeared', DEFAULT_RULES.lifecycle.reappeared),
      gone: pick('gone', DEFAULT_RULES.lifecycle.gone),
    },
    reposts: pick('reposts', DEFAULT_RULES.reposts),
  };
}

/** Which layer sets a rule: the watch, the config file, or neither. */
export function ruleSource(own: WatchRules, global: WatchRules, name: RuleName): RuleSource {
  if (readRule(own, name) !== undefined) return 'watch';
  if (readRule(global, name) !== undefined) return 'global';
  return 'default';
}

/** The value a rule has in one layer, undefined when that layer leaves it unset. */
export function readRule(rules: WatchRules, name: RuleName): unknown {
  switch (name) {
    case 'reactivated':
    case 'reappeared':
    case 'gone':
      return rules.lifecycle?.[name];
    default:
      return rules[name];
  }
}
