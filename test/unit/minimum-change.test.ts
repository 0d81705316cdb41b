import { describe, expect, it } from 'vitest';
import { describeMinimumChange, parseMinimumChange } from '../../src/domain/minimum-change.js';
import { validateRules } from '../../src/domain/validate-rules.js';

describe('parseMinimumChange', () => {
  it.each([
    ['5%', { percent: 5 }],
    ['5 %', { percent: 5 }],
    [' 2.5% ', { percent: 2.5 }],
    ['2,5 %', { percent: 2.5 }],
    ['100%', { percent: 100 }],
    ['2000', { forints: 2000 }],
    ['2 000', { forints: 2000 }],
    ['2\u00a0000', { forints: 2000 }],
    ['2000 Ft', { forints: 2000 }],
    ['2 000 ft', { forints: 2000 }],
    ['1', { forints: 1 }],
  ])('reads %j', (text, value) => {
    expect(parseMinimumChange(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['0', 'an amount must be from 1 to'],
    ['0%', 'over 0 % and at most 100 %'],
    ['-5', 'an amount must be from 1 to'],
    ['-5%', 'over 0 % and at most 100 %'],
    ['100.5%', 'over 0 % and at most 100 %'],
    ['abc', 'is not a minimum change: write a share of the old price such as 5%'],
    ['5%%', 'is not a minimum change'],
    ['', 'is not a minimum change'],
    ['5 EUR', 'is not a minimum change'],
  ])('refuses %j with a hint', (text, problem) => {
    const parsed = parseMinimumChange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });

  it('writes a minimum back for people', () => {
    expect(describeMinimumChange({ percent: 5 })).toBe('5 %');
    expect(describeMinimumChange({ forints: 2000 })).toBe('2 000 Ft');
  });
});

describe('validateRules', () => {
  it('accepts every rule in its written forms', () => {
    expect(
      validateRules(
        {
          priceChanges: 'all',
          minDrop: '5%',
          below: 150000,
          lifecycle: { reactivated: false, gone: true },
          reposts: 'skip',
        },
        'rules',
      ),
    ).toEqual({
      ok: true,
      rules: {
        priceChanges: 'all',
        minDrop: { percent: 5 },
        below: 150000,
        lifecycle: { reactivated: false, gone: true },
        reposts: 'skip',
      },
    });
    expect(validateRules({ minDrop: 2000 }, 'rules')).toEqual({ ok: true, rules: { minDrop: { forints: 2000 } } });
    expect(validateRules({ minDrop: { percent: 3 } }, 'rules')).toEqual({
      ok: true,
      rules: { minDrop: { percent: 3 } },
    });
    expect(validateRules({ minDrop: null, below: null }, 'rules')).toEqual({
      ok: true,
      rules: { minDrop: null, below: null },
    });
  });

  it('names the key of every problem', () => {
    const checked = validateRules(
      {
        priceChanges: 'rises',
        minDrop: '0',
        below: -1,
        lifecycle: { gone: 'yes', sold: true },
        reposts: 1,
        quiet: true,
      },
      'rules',
    );
    expect(checked).toEqual({
      ok: false,
      problems: [
        'rules.priceChanges: expected drops, all, none',
        'rules.minDrop: an amount must be from 1 to 999999999 Ft, got "0"',
        'rules.below: expected a whole number of forints from 1 to 999999999, or null',
        'rules.lifecycle.gone: expected true or false',
        'rules.lifecycle.sold: unknown event; known ones are reactivated, reappeared, gone',
        'rules.reposts: expected notify, label, skip',
        'rules.quiet: unknown rule; known ones are priceChanges, minDrop, below, lifecycle, reposts',
      ],
    });
    expect(validateRules([], 'rules')).toEqual({
      ok: false,
      problems: ['rules: expected a mapping of notification rules'],
    });
  });
});
