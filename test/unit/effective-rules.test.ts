import { describe, expect, it } from 'vitest';
import { describeOwnRules, describeRules } from '../../src/app/describe-rules.js';
import { applyRuleFlags, hasRuleFlags } from '../../src/app/rule-flags.js';
import { DEFAULT_RULES, effectiveRules, ruleSource } from '../../src/domain/effective-rules.js';
import type { WatchRules } from '../../src/domain/watch-rules.js';

describe('effectiveRules', () => {
  it('gives the built-in defaults when neither the watch nor the config sets a rule', () => {
    expect(effectiveRules({}, {})).toEqual({
      priceChanges: 'drops',
      minDrop: null,
      below: null,
      lifecycle: { reactivated: true, reappeared: false, gone: false },
      reposts: 'label',
    });
    expect(effectiveRules({}, {})).toEqual(DEFAULT_RULES);
  });

  const global: WatchRules = {
    priceChanges: 'all',
    minDrop: { percent: 5 },
    below: 100_000,
    lifecycle: { gone: true },
    reposts: 'skip',
  };

  it('takes each rule from the watch first, then the config file, then the defaults', () => {
    const own: WatchRules = { minDrop: { forints: 2000 }, lifecycle: { reactivated: false } };
    expect(effectiveRules(own, global)).toEqual({
      priceChanges: 'all',
      minDrop: { forints: 2000 },
      below: 100_000,
      lifecycle: { reactivated: false, reappeared: false, gone: true },
      reposts: 'skip',
    });
    expect(ruleSource(own, global, 'minDrop')).toBe('watch');
    expect(ruleSource(own, global, 'priceChanges')).toBe('global');
    expect(ruleSource(own, global, 'reappeared')).toBe('default');
    expect(ruleSource(own, global, 'reactivated')).toBe('watch');
  });

  it("lets a watch say 'none' to the config file's minimum drop and target", () => {
    const rules = effectiveRules({ minDrop: null, below: null }, global);
    expect(rules.minDrop).toBeNull();
    expect(rules.below).toBeNull();
    expect(ruleSource({ minDrop: null }, global, 'minDrop')).toBe('watch');
  });

  it('switches each lifecycle event on and off independently', () => {
    for (const event of ['reactivated', 'reappeared', 'gone'] as const) {
      const on = effectiveRules({ lifecycle: { [event]: true } }, { lifecycle: { [event]: false } });
      const off = effectiveRules({}, { lifecycle: { [event]: false } });
      expect(on.lifecycle[event]).toBe(true);
      expect(off.lifecycle[event]).toBe(false);
    }
  });
});

describe('describeRules', () => {
  it('lists every rule in effect in words, with its source', () => {
    expect(describeRules({ minDrop: { percent: 5 } }, { below: 150_000 })).toEqual([
      { name: 'priceChanges', value: 'drops', source: 'default' },
      { name: 'minDrop', value: '5 %', source: 'watch' },
      { name: 'below', value: '150 000 Ft', source: 'global' },
      { name: 'reactivated', value: 'on', source: 'default' },
      { name: 'reappeared', value: 'off', source: 'default' },
      { name: 'gone', value: 'off', source: 'default' },
      { name: 'reposts', value: 'label', source: 'default' },
    ]);
    expect(describeOwnRules({ below: null, lifecycle: { gone: true } })).toEqual(['below none', 'gone on']);
  });
});

describe('rule options', () => {
  it('sees no option when none is given', () => {
    expect(hasRuleFlags({})).toBe(false);
    expect(hasRuleFlags({ notifyGone: false })).toBe(true);
    expect(hasRuleFlags({ clearRules: true })).toBe(true);
  });

  it("sets, replaces, forgets ('default') and clears a watch's own rules", () => {
    const current: WatchRules = { priceChanges: 'all', minDrop: { percent: 5 }, lifecycle: { gone: true } };
    expect(applyRuleFlags(current, { minDrop: { forints: 2000 }, notifyReappeared: true })).toEqual({
      priceChanges: 'all',
      minDrop: { forints: 2000 },
      lifecycle: { gone: true, reappeared: true },
    });
    expect(applyRuleFlags(current, { priceChanges: 'default', minDrop: 'none', below: 90_000 })).toEqual({
      minDrop: null,
      below: 90_000,
      lifecycle: { gone: true },
    });
    expect(applyRuleFlags(current, { clearRules: true, reposts: 'notify' })).toEqual({ reposts: 'notify' });
    expect(applyRuleFlags(current, { clearRules: true })).toEqual({});
  });

  it('keeps the digest choice when the rules are cleared', () => {
    expect(applyRuleFlags({ priceChanges: 'none', digest: 'daily' }, { clearRules: true })).toEqual({
      digest: 'daily',
    });
  });
});
