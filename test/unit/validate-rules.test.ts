import { describe, expect, it } from 'vitest';
import { validateRules } from '../../src/domain/validate-rules.js';

const problemsOf = (value: unknown) => {
  const checked = validateRules(value, 'rules');
  return checked.ok ? [] : checked.problems;
};

describe('validateRules: the rules as a whole', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a list', []],
    ['a string', 'drops'],
    ['a number', 5],
  ])('refuses %s in place of a mapping', (_label, value) => {
    expect(problemsOf(value)).toEqual(['rules: expected a mapping of notification rules']);
  });

  it('accepts an empty mapping as no rules, and names the place it was given', () => {
    expect(validateRules({}, 'rules')).toEqual({ ok: true, rules: {} });
    expect(validateRules({ quiet: 1 }, 'watches[2].rules')).toEqual({
      ok: false,
      problems: [
        'watches[2].rules.quiet: unknown rule; known ones are priceChanges, minDrop, below, lifecycle, reposts',
      ],
    });
  });
});

describe('validateRules: priceChanges and reposts', () => {
  it.each(['drops', 'all', 'none'])('accepts priceChanges %j', (value) => {
    expect(validateRules({ priceChanges: value }, 'rules')).toEqual({ ok: true, rules: { priceChanges: value } });
  });

  it.each(['notify', 'label', 'skip'])('accepts reposts %j', (value) => {
    expect(validateRules({ reposts: value }, 'rules')).toEqual({ ok: true, rules: { reposts: value } });
  });

  it('refuses other spellings of either', () => {
    expect(problemsOf({ priceChanges: 'Drops' })).toEqual(['rules.priceChanges: expected drops, all, none']);
    expect(problemsOf({ priceChanges: null })).toEqual(['rules.priceChanges: expected drops, all, none']);
    expect(problemsOf({ reposts: 'label ' })).toEqual(['rules.reposts: expected notify, label, skip']);
  });
});

describe('validateRules: below', () => {
  it.each([1, 150_000, 999_999_999])('accepts %d Ft', (below) => {
    expect(validateRules({ below }, 'rules')).toEqual({ ok: true, rules: { below } });
  });

  it.each<[string, unknown]>([
    ['zero', 0],
    ['a negative amount', -5],
    ['one forint over the largest amount', 1_000_000_000],
    ['a fraction', 1.5],
    ['a number written as text', '150000'],
    ['a switch', true],
  ])('refuses %s', (_label, below) => {
    expect(problemsOf({ below })).toEqual([
      'rules.below: expected a whole number of forints from 1 to 999999999, or null',
    ]);
  });
});

describe('validateRules: minDrop', () => {
  it.each<[unknown, unknown]>([
    ['5%', { percent: 5 }],
    ['2 000 Ft', { forints: 2000 }],
    [2000, { forints: 2000 }],
    [{ percent: 2.5 }, { percent: 2.5 }],
    [{ forints: 1500 }, { forints: 1500 }],
  ])('accepts %j', (minDrop, read) => {
    expect(validateRules({ minDrop }, 'rules')).toEqual({ ok: true, rules: { minDrop: read } });
  });

  const shape = 'rules.minDrop: expected a share such as "5%" or an amount in forints such as 2000, or null';
  it.each<[string, unknown]>([
    ['a switch', true],
    ['a list', [5]],
    ['an empty mapping', {}],
    ['a mapping with both a share and an amount', { percent: 5, forints: 2000 }],
    ['a share written as text', { percent: '5' }],
    ['an amount written as text', { forints: '2000' }],
    ['a mapping of another key', { amount: 2000 }],
  ])('refuses %s', (_label, minDrop) => {
    expect(problemsOf({ minDrop })).toEqual([shape]);
  });

  it('passes on what is wrong with a value of the right shape', () => {
    expect(problemsOf({ minDrop: { percent: 150 } })).toEqual([
      'rules.minDrop: a share of the old price must be over 0 % and at most 100 %, got "150%"',
    ]);
    expect(problemsOf({ minDrop: -3 })).toEqual(['rules.minDrop: an amount must be from 1 to 999999999 Ft, got "-3"']);
  });
});

describe('validateRules: lifecycle', () => {
  it('accepts each event switched on or off', () => {
    const lifecycle = { reactivated: true, reappeared: false, gone: true };
    expect(validateRules({ lifecycle }, 'rules')).toEqual({ ok: true, rules: { lifecycle } });
    expect(validateRules({ lifecycle: {} }, 'rules')).toEqual({ ok: true, rules: { lifecycle: {} } });
  });

  it.each<[string, unknown]>([
    ['a switch', true],
    ['null', null],
    ['a list', ['gone']],
  ])('refuses %s in place of a mapping', (_label, lifecycle) => {
    expect(problemsOf({ lifecycle })).toEqual([
      'rules.lifecycle: expected a mapping of reactivated, reappeared, gone to true or false',
    ]);
  });

  it('names every wrong event, and keeps none of the right ones when one is wrong', () => {
    expect(problemsOf({ lifecycle: { reactivated: 1, reappeared: 'no', gone: true } })).toEqual([
      'rules.lifecycle.reactivated: expected true or false',
      'rules.lifecycle.reappeared: expected true or false',
    ]);
  });

  it('reports problems in every rule together with those of the events', () => {
    expect(problemsOf({ lifecycle: { sold: true }, below: 0 })).toEqual([
      'rules.lifecycle.sold: unknown event; known ones are reactivated, reappeared, gone',
      'rules.below: expected a whole number of forints from 1 to 999999999, or null',
    ]);
  });
});
