import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceContextOf, priceStanding, type SamplePrice } from '../../src/domain/price-context.js';

const sampleOf = (prices: number[]): SamplePrice[] => prices.map((price, index) => ({ adId: index + 1, price }));
const options = { days: 90, minSample: 8 };

describe('priceContextOf', () => {
  it('says nothing under the least sample', () => {
    expect(
      priceContextOf(40_000, sampleOf([40_000, 42_000, 45_000, 47_000, 50_000, 52_000, 55_000]), options),
    ).toBeNull();
  });

  it('counts the sample after leaving out the ad itself and its earlier listing', () => {
    const sample = sampleOf([40_000, 42_000, 45_000, 47_000, 50_000, 52_000, 55_000, 60_000, 62_000]);
    expect(priceContextOf(40_000, sample, options)?.sample).toBe(9);
    expect(priceContextOf(40_000, sample, { ...options, exclude: new Set([1]) })?.sample).toBe(8);
    expect(priceContextOf(40_000, sample, { ...options, exclude: new Set([1, 2]) })).toBeNull();
  });

  it('gives the median, the percentile rank and the window', () => {
    const sample = sampleOf([30_000, 40_000, 40_000, 45_000, 50_000, 50_000, 55_000, 60_000, 70_000, 80_000]);
    expect(priceContextOf(44_000, sample, options)).toEqual({ median: 50_000, percentile: 30, sample: 10, days: 90 });
  });

  it('trims one absurd price in twenty: a price above every real one ranks at the top', () => {
    const sample = sampleOf([...Array.from({ length: 19 }, (_, i) => 40_000 + i * 100), 9_999_999]);
    expect(priceContextOf(41_900, sample, options)).toEqual({ median: 40_950, percentile: 100, sample: 20, days: 90 });
  });

  it('ranks a higher price never lower (same sample)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 8, maxLength: 60 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (prices, price, raise) => {
          const low = priceContextOf(price, sampleOf(prices), options);
          const high = priceContextOf(price + raise, sampleOf(prices), options);
          expect(high?.percentile).toBeGreaterThanOrEqual(low?.percentile ?? 0);
        },
      ),
    );
  });
});

describe('priceStanding', () => {
  const context = { median: 50_000, percentile: 20, sample: 37, days: 90 };

  it('is 12 % below the median in the cheapest quarter', () => {
    expect(priceStanding(44_000, context)).toEqual({ direction: 'below', percent: 12, quarter: 'cheapest' });
  });

  it('is at the median within half a percent', () => {
    expect(priceStanding(50_200, { ...context, percentile: 50 })).toEqual({
      direction: 'at',
      percent: 0,
      quarter: null,
    });
  });

  it('is above the median in the dearest quarter', () => {
    expect(priceStanding(60_000, { ...context, percentile: 90 })).toEqual({
      direction: 'above',
      percent: 20,
      quarter: 'dearest',
    });
  });

  it('puts the quarter boundaries at 25 and 75', () => {
    expect(priceStanding(45_000, { ...context, percentile: 25 }).quarter).toBeNull();
    expect(priceStanding(45_000, { ...context, percentile: 24 }).quarter).toBe('cheapest');
    expect(priceStanding(55_000, { ...context, percentile: 75 }).quarter).toBeNull();
    expect(priceStanding(55_000, { ...context, percentile: 76 }).quarter).toBe('dearest');
  });
});
