import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import type { AdChange } from '../../src/domain/diff-ads.js';
import { DEFAULT_RULES } from '../../src/domain/effective-rules.js';
import { applyPriceRules, judgePriceChange, type PriceRules } from '../../src/domain/price-rules.js';
import { screenChanges, watchFilters } from '../../src/domain/screen-changes.js';
import { testAd } from '../helpers/test-ad.js';

const fixed = (price: number): Pick<Ad, 'price' | 'priceKind'> => ({ price, priceKind: 'fixed' });
const swap: Pick<Ad, 'price' | 'priceKind'> = { price: null, priceKind: 'swap' };
const rules = (overrides: Partial<PriceRules> = {}): PriceRules => ({
  priceChanges: DEFAULT_RULES.priceChanges,
  minDrop: DEFAULT_RULES.minDrop,
  below: DEFAULT_RULES.below,
  ...overrides,
});

describe('judgePriceChange', () => {
  const cases: Array<[string, Pick<Ad, 'price' | 'priceKind'>, Pick<Ad, 'price' | 'priceKind'>, PriceRules, string]> = [
    ['drops: a drop notifies', fixed(100_000), fixed(90_000), rules(), 'notify'],
    ['drops: a rise is held', fixed(90_000), fixed(100_000), rules(), 'rules: price rise (priceChanges drops)'],
    ['drops: a kind change is held', swap, fixed(50_000), rules(), 'rules: price kind change (priceChanges drops)'],
    ['all: a rise notifies', fixed(90_000), fixed(100_000), rules({ priceChanges: 'all' }), 'notify'],
    ['all: a kind change notifies', fixed(50_000), swap, rules({ priceChanges: 'all' }), 'notify'],
    [
      'none: a drop is held',
      fixed(100_000),
      fixed(50_000),
      rules({ priceChanges: 'none' }),
      'rules: priceChanges none',
    ],
    [
      'none: a kind change is held',
      fixed(100_000),
      swap,
      rules({ priceChanges: 'none' }),
      'rules: price kind change (priceChanges none)',
    ],
    // 5 % of 100 000 Ft is 5 000 Ft: exactly the minimum notifies, a forint less does not.
    ['min 5 %: exactly 5 % notifies', fixed(100_000), fixed(95_000), rules({ minDrop: { percent: 5 } }), 'notify'],
    [
      'min 5 %: just under 5 % is held',
      fixed(100_000),
      fixed(95_001),
      rules({ minDrop: { percent: 5 } }),
      'rules: drop of 4 999 Ft (4.9 %) under minDrop 5 %',
    ],
    [
      'min 2 000 Ft: exactly 2 000 Ft notifies',
      fixed(50_000),
      fixed(48_000),
      rules({ minDrop: { forints: 2000 } }),
      'notify',
    ],
    [
      'min 2 000 Ft: 1 999 Ft is held',
      fixed(50_000),
      fixed(48_001),
      rules({ minDrop: { forints: 2000 } }),
      'rules: drop of 1 999 Ft (3.9 %) under minDrop 2 000 Ft',
    ],
    [
      'all with a minimum: a small rise is held too',
      fixed(50_000),
      fixed(50_500),
      rules({ priceChanges: 'all', minDrop: { forints: 1000 } }),
      'rules: rise of 500 Ft (1 %) under minDrop 1 000 Ft',
    ],
    [
      'min 2.5 %: a share with decimals',
      fixed(200_000),
      fixed(195_000),
      rules({ minDrop: { percent: 2.5 } }),
      'notify',
    ],
  ];

  it.each(cases)('%s', (_name, before, after, given, expected) => {
    const verdict = judgePriceChange(before, after, given);
    expect(verdict.notify ? 'notify' : verdict.rule).toBe(expected);
  });

  describe('below: a fall under the target notifies once per crossing', () => {
    const target = rules({ priceChanges: 'none', below: 100_000 });

    it.each([
      ['from over to under', 120_000, 99_000, 100_000],
      ['from exactly the target to under', 100_000, 99_999, 100_000],
    ])('notifies a fall %s, whatever its size, and names the target', (_name, from, to, crossed) => {
      expect(judgePriceChange(fixed(from), fixed(to), target)).toEqual({ notify: true, crossedBelow: crossed });
    });

    it('does not notify a later drop that stays under it, nor a rise back over it', () => {
      expect(judgePriceChange(fixed(99_000), fixed(90_000), target).notify).toBe(false);
      expect(judgePriceChange(fixed(90_000), fixed(110_000), target).notify).toBe(false);
    });

    it('treats a new fall after a rise back over as a new crossing', () => {
      const prices = [120_000, 95_000, 90_000, 105_000, 98_000, 97_000];
      const notified = prices.slice(1).map((price, index) => {
        const verdict = judgePriceChange(fixed(prices[index] as number), fixed(price), target);
        return verdict.notify;
      });
      expect(notified).toEqual([true, false, false, true, false]);
    });

    it('passes the minimum drop: a 1 Ft fall under the target notifies', () => {
      const strict = rules({ minDrop: { percent: 10 }, below: 100_000 });
      expect(judgePriceChange(fixed(100_000), fixed(99_999), strict).notify).toBe(true);
      expect(judgePriceChange(fixed(99_999), fixed(99_998), strict).notify).toBe(false);
    });

    it('does not count a change of kind as a crossing', () => {
      expect(judgePriceChange(swap, fixed(50_000), target).notify).toBe(false);
    });
  });
});

describe('applyPriceRules', () => {
  function ad(id: number, price: number): Ad {
    const seller = { name: 's', url: null, rating: 1, business: false };
    return testAd(id, { title: `Ad ${id}`, price, cities: [], timeText: '', seller });
  }
  const repriced = (id: number, from: number, to: number): AdChange => ({
    type: 'price_changed',
    ad: ad(id, to),
    previous: { price: from, priceKind: 'fixed', priceText: `${from} Ft` },
  });

  it('runs after the filters: a filtered change keeps its filter rule, a held one records the price rule', () => {
    const filters = watchFilters(null, { own: { maxPrice: 100_000 }, useGlobal: true });
    const changes: AdChange[] = [
      { type: 'new_ad', ad: ad(1, 50_000) },
      repriced(2, 300_000, 200_000),
      repriced(3, 90_000, 95_000),
      repriced(4, 90_000, 80_000),
      repriced(5, 99_000, 98_500),
    ];
    const screened = applyPriceRules(screenChanges(filters, changes), rules({ minDrop: { forints: 1000 } }));
    expect(screened.changes.map((change) => change.ad.id)).toEqual([1, 4]);
    expect(screened.filtered.map(({ change, rule }) => [change.ad.id, rule])).toEqual([
      [2, 'watch: over maxPrice 100000 Ft'],
      [3, 'rules: price rise (priceChanges drops)'],
      [5, 'rules: drop of 500 Ft (0.5 %) under minDrop 1 000 Ft'],
    ]);
  });

  it("always passes a change that brought the ad under a filter's maxPrice, however small", () => {
    const filters = watchFilters(null, { own: { maxPrice: 100_000 }, useGlobal: true });
    const screened = applyPriceRules(
      screenChanges(filters, [repriced(1, 100_500, 100_000), repriced(2, 100_000, 99_500)]),
      rules({ minDrop: { percent: 5 } }),
    );
    expect(screened.changes).toMatchObject([{ ad: { id: 1 }, nowUnderLimit: 100_000 }]);
    expect(screened.filtered.map(({ change }) => change.ad.id)).toEqual([2]);
  });

  it('marks the change that crossed the target', () => {
    const screened = applyPriceRules(
      { changes: [repriced(1, 120_000, 99_000), repriced(2, 99_000, 90_000)], filtered: [] },
      rules({ below: 100_000 }),
    );
    expect(screened.changes).toMatchObject([{ ad: { id: 1 }, crossedBelow: 100_000 }, { ad: { id: 2 } }]);
    expect(screened.changes[1]).not.toHaveProperty('crossedBelow');
  });
});
