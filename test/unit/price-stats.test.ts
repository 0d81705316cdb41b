import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileRank, quantile, summarisePrices, trimmedSorted } from '../../src/domain/price-stats.js';

const prices = fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 200 });

describe('trimmedSorted', () => {
  it('keeps every price of a sample under 20 prices, sorted', () => {
    expect(trimmedSorted([30, 10, 20])).toEqual([10, 20, 30]);
  });

  it('drops 5 % of the sample from each end', () => {
    const sample = Array.from({ length: 40 }, (_, i) => (i + 1) * 1000);
    const kept = trimmedSorted([...sample].reverse());
    expect(kept).toHaveLength(36);
    expect(kept[0]).toBe(3000);
    expect(kept.at(-1)).toBe(38_000);
  });
});

describe('quantile', () => {
  it('interpolates between neighbours', () => {
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([10, 20, 30, 40], 0.25)).toBe(17.5);
    expect(quantile([10, 20, 30, 40], 0)).toBe(10);
    expect(quantile([10, 20, 30, 40], 1)).toBe(40);
  });

  it('refuses an empty sample', () => {
    expect(() => quantile([], 0.5)).toThrow(new RangeError('quantile of an empty sample'));
  });
});

describe('summarisePrices', () => {
  it('is null for no prices', () => {
    expect(summarisePrices([])).toBeNull();
  });

  it('ignores one absurd price among twenty', () => {
    const sample = [...Array.from({ length: 19 }, () => 40_000), 9_999_999];
    expect(summarisePrices(sample)).toEqual({
      count: 20,
      kept: 18,
      min: 40_000,
      q1: 40_000,
      median: 40_000,
      q3: 40_000,
      max: 40_000,
    });
  });

  it('gives the price itself as every quartile of constant prices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1, max: 100 }), (price, count) => {
        const summary = summarisePrices(Array.from({ length: count }, () => price));
        expect(summary).toMatchObject({ min: price, q1: price, median: price, q3: price, max: price, count });
      }),
    );
  });

  it('keeps min ≤ q1 ≤ median ≤ q3 ≤ max, all within the sample', () => {
    fc.assert(
      fc.property(prices, (sample) => {
        const s = summarisePrices(sample);
        if (s === null) throw new Error('a non-empty sample has a summary');
        expect(s.min).toBeLessThanOrEqual(s.q1);
        expect(s.q1).toBeLessThanOrEqual(s.median);
        expect(s.median).toBeLessThanOrEqual(s.q3);
        expect(s.q3).toBeLessThanOrEqual(s.max);
        expect(s.min).toBeGreaterThanOrEqual(Math.min(...sample));
        expect(s.max).toBeLessThanOrEqual(Math.max(...sample));
      }),
    );
  });
});

describe('percentileRank', () => {
  it('counts equal prices as half', () => {
    expect(percentileRank([10, 20, 30, 40], 25)).toBe(50);
    expect(percentileRank([10, 20, 30, 40], 20)).toBe(37.5);
    expect(percentileRank([10, 20, 30, 40], 5)).toBe(0);
    expect(percentileRank([10, 20, 30, 40], 50)).toBe(100);
    expect(percentileRank([7, 7, 7], 7)).toBe(50);
  });

  it('never ranks a higher price lower', () => {
    fc.assert(
      fc.property(
        prices,
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        (sample, a, b) => {
          const sorted = [...sample].sort((x, y) => x - y);
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(percentileRank(sorted, low)).toBeLessThanOrEqual(percentileRank(sorted, high));
        },
      ),
    );
  });

  it('refuses an empty sample', () => {
    expect(() => percentileRank([], 1)).toThrow(new RangeError('percentile rank in an empty sample'));
  });
});
