import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import { judgePriceChange, type PriceRules } from '../../src/domain/price-rules.js';

const fixed = (price: number): Pick<Ad, 'price' | 'priceKind'> => ({ price, priceKind: 'fixed' });
const rules = (overrides: Partial<PriceRules>): PriceRules => ({
  priceChanges: 'drops',
  minDrop: null,
  below: null,
  ...overrides,
});

describe('judgePriceChange: the below target', () => {
  it('is crossed only by a fall to under the target, not by a drop that stays over it or lands on it', () => {
    expect(judgePriceChange(fixed(120_000), fixed(110_000), rules({ below: 100_000 }))).toEqual({
      notify: true,
      crossedBelow: null,
    });
    expect(judgePriceChange(fixed(120_000), fixed(100_000), rules({ below: 100_000 }))).toEqual({
      notify: true,
      crossedBelow: null,
    });
    expect(judgePriceChange(fixed(120_000), fixed(99_999), rules({ below: 100_000 }))).toEqual({
      notify: true,
      crossedBelow: 100_000,
    });
  });

  it('lets a drop that stays over the target be held by the minimum drop', () => {
    const verdict = judgePriceChange(
      fixed(120_000),
      fixed(119_000),
      rules({ below: 100_000, minDrop: { percent: 5 } }),
    );
    expect(verdict).toEqual({ notify: false, rule: 'rules: drop of 1 000 Ft (0.8 %) under minDrop 5 %' });
  });
});

describe('judgePriceChange: a price of 0 Ft before', () => {
  it('names a change from 0 Ft held by an amount without a share, which 0 Ft has none of', () => {
    expect(judgePriceChange(fixed(0), fixed(500), rules({ priceChanges: 'all', minDrop: { forints: 1000 } }))).toEqual({
      notify: false,
      rule: 'rules: rise of 500 Ft under minDrop 1 000 Ft',
    });
  });

  it('lets any change from 0 Ft reach a minimum share', () => {
    expect(judgePriceChange(fixed(0), fixed(1), rules({ priceChanges: 'all', minDrop: { percent: 100 } }))).toEqual({
      notify: true,
      crossedBelow: null,
    });
  });
});
