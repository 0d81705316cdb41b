import {
  type EffectiveRules,
  effectiveRules,
  RULE_NAMES,
  type RuleName,
  type RuleSource,
  readRule,
  ruleSource,
} from '../domain/effective-rules.js';
import { formatForint } from '../domain/forint.js';
import { describeMinimumChange } from '../domain/minimum-change.js';
import type { MinimumChange, WatchRules } from '../domain/watch-rules.js';

/** One rule in effect for a watch, with where it was set. */
export interface RuleRow {
  name: RuleName;
  /** The value in words: "drops", "5 %", "150 000 Ft", "on", "none". */
  value: string;
  source: RuleSource;
}

/** A watch's rules for `show --json`: its own as stored, the effective ones, and where each comes from. */
export interface RulesJson {
  own: WatchRules;
  effective: EffectiveRules;
  sources: Record<RuleName, RuleSource>;
}

/** Every rule in effect for a watch, in a fixed order, with its source. */
export function describeRules(own: WatchRules, global: WatchRules | null): RuleRow[] {
  const effective = effectiveRules(own, global ?? {});
  return RULE_NAMES.map((name) => ({
    name,
    value: describeValue(name, effective),
    source: ruleSource(own, global ?? {}, name),
  }));
}

/** The JSON form of a watch's rules. */
export function rulesToJson(own: WatchRules, global: WatchRules | null): RulesJson {
  const sources = Object.fromEntries(RULE_NAMES.map((name) => [name, ruleSource(own, global ?? {}, name)]));
  return { own, effective: effectiveRules(own, global ?? {}), sources: sources as Record<RuleName, RuleSource> };
}

/** The watch's own rules in short phrases ("minDrop 5 %"); empty when it sets none. */
export function describeOwnRules(own: WatchRules): string[] {
  return RULE_NAMES.filter((name) => readRule(own, name) !== undefined).map(
    (name) => `${name} ${describeRaw(name, readRule(own, name))}`,
  );
}

function describeValue(name: RuleName, rules: EffectiveRules): string {
  switch (name) {
    case 'reactivated':
    case 'reappeared':
    case 'gone':
      return describeRaw(name, rules.lifecycle[name]);
    default:
      return describeRaw(name, rules[name]);
  }
}

function describeRaw(name: RuleName, value: unknown): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (name === 'minDrop') return describeMinimumChange(value as MinimumChange);
  if (name === 'below') return formatForint(value as number);
  return String(value);
}
