import { describe, expect, it } from 'vitest';
import { priceContextOf, priceStanding } from '../../src/domain/price-context.js';

describe('priceContextOf: edge cases', () => {
  it('gives no context from an empty sample, even when no least sample is asked for', () => {
    expect(priceContextOf(40_000, [], { days: 90, minSample: 0 })).toBeNull();
    expect(
      priceContextOf(40_000, [{ adId: 1, price: 40_000 }], { days: 90, minSample: 0, exclude: new Set([1]) }),
    ).toBeNull();
  });

  it('gives a context from a single price when one is enough', () => {
    expect(priceContextOf(40_000, [{ adId: 1, price: 50_000 }], { days: 30, minSample: 1 })).toEqual({
      median: 50_000,
      percentile: 0,
      sample: 1,
      days: 30,
    });
  });
});

describe('priceStanding: edge cases', () => {
  it('reads any price as at a median of 0 Ft, which no share can be taken of', () => {
    expect(priceStanding(1_000, { median: 0, percentile: 100, sample: 8, days: 90 })).toEqual({
      direction: 'at',
      percent: 0,
      quarter: 'dearest',
    });
  });
});
