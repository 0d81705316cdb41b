import { describe, expect, it } from 'vitest';
import {
  describeMinimumChange,
  parseMinimumChange,
  plainDecimal,
  writeMinimumChange,
} from '../../src/domain/minimum-change.js';
import { validateRules, validateWatchRules } from '../../src/domain/validate-rules.js';
import { sameRules, writeRules } from '../../src/domain/written-rules.js';

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

describe('writeMinimumChange', () => {
  it.each([
    [{ percent: 5 }, '5%'],
    [{ percent: 2.5 }, '2.5%'],
    [{ percent: 100 }, '100%'],
    [{ percent: 1e-7 }, '0.0000001%'],
    [{ percent: 1.25e-7 }, '0.000000125%'],
    [{ forints: 2000 }, 2000],
    [{ forints: 999_999_999 }, 999_999_999],
  ] as const)('writes %j as %j, which reads back the same', (change, written) => {
    expect(writeMinimumChange(change)).toBe(written);
    expect(validateRules({ minDrop: written }, 'rules')).toEqual({ ok: true, rules: { minDrop: change } });
  });

  it('reads a tiny share written as a mapping, which used to be refused for its exponent', () => {
    expect(validateRules({ minDrop: { percent: 1e-7 } }, 'rules')).toEqual({
      ok: true,
      rules: { minDrop: { percent: 1e-7 } },
    });
  });

  it.each([
    [1e-7, '0.0000001'],
    [-2.5e-8, '-0.000000025'],
    [0.5, '0.5'],
    [42, '42'],
  ])('writes %d as plain digits %j', (value, text) => {
    expect(plainDecimal(value)).toBe(text);
    expect(Number(text)).toBe(value);
  });
});

describe('validateWatchRules', () => {
  it("accepts a watch's digest choice beside the config file's rules", () => {
    expect(validateWatchRules({ minDrop: '5%', digest: 'daily' }, 'watches.0.rules')).toEqual({
      ok: true,
      rules: { minDrop: { percent: 5 }, digest: 'daily' },
    });
    expect(validateWatchRules({ digest: 'off' }, 'r')).toEqual({ ok: true, rules: { digest: 'off' } });
  });

  it('refuses a digest the watch cannot choose, and names digest among the known rules', () => {
    expect(validateWatchRules({ digest: 'weekly', quiet: true }, 'r')).toEqual({
      ok: false,
      problems: [
        'r.digest: expected hourly, daily, off',
        'r.quiet: unknown rule; known ones are priceChanges, minDrop, below, lifecycle, reposts, digest',
      ],
    });
  });

  it("keeps refusing a digest in the config file's rules, where digests are set per target", () => {
    expect(validateRules({ digest: 'daily' }, 'rules')).toEqual({
      ok: false,
      problems: ['rules.digest: unknown rule; known ones are priceChanges, minDrop, below, lifecycle, reposts'],
    });
  });
});

describe('writeRules', () => {
  it('writes only the rules a watch sets, in a fixed order, in the shape the config file takes', () => {
    const written = writeRules({
      digest: 'hourly',
      reposts: 'skip',
      lifecycle: { gone: true, reactivated: false },
      below: null,
      minDrop: { percent: 5 },
      priceChanges: 'all',
    });
    expect(JSON.stringify(written)).toBe(
      '{"priceChanges":"all","minDrop":"5%","below":null,"lifecycle":{"reactivated":false,"gone":true},"reposts":"skip","digest":"hourly"}',
    );
    expect(validateWatchRules(written, 'r')).toEqual({
      ok: true,
      rules: {
        priceChanges: 'all',
        minDrop: { percent: 5 },
        below: null,
        lifecycle: { reactivated: false, gone: true },
        reposts: 'skip',
        digest: 'hourly',
      },
    });
  });

  it('writes nothing for a watch without rules, nor for an empty lifecycle', () => {
    expect(writeRules({})).toEqual({});
    expect(writeRules({ lifecycle: {} })).toEqual({});
    expect(writeRules({ minDrop: null, below: 2000 })).toEqual({ minDrop: null, below: 2000 });
  });

  it('compares rules by what they say', () => {
    expect(sameRules({ below: 1, minDrop: { forints: 5 } }, { minDrop: { forints: 5 }, below: 1 })).toBe(true);
    expect(sameRules({ minDrop: { forints: 5 } }, { minDrop: { percent: 5 } })).toBe(false);
    expect(sameRules({ minDrop: null }, {})).toBe(false);
    expect(sameRules({ lifecycle: {} }, {})).toBe(true);
  });
});
