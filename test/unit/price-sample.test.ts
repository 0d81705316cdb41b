import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareSample, priceContextIn, type SamplePrice } from '../../src/domain/price-context.js';
import { percentileRank, quantile, trimmedSorted } from '../../src/domain/price-stats.js';

/** Where a price falls, counted the plain way: every price compared. */
function rankByCounting(sorted: readonly number[], price: number): number {
  const below = sorted.filter((value) => value < price).length;
  const equal = sorted.filter((value) => value === price).length;
  return ((below + equal / 2) / sorted.length) * 100;
}

/** The price context computed the plain way: filter, sort, trim, count. */
function contextByCounting(
  price: number,
  sample: readonly SamplePrice[],
  exclude: ReadonlySet<number>,
  minSample: number,
) {
  const prices = sample.filter((entry) => !exclude.has(entry.adId)).map((entry) => entry.price);
  if (prices.length < minSample || prices.length === 0) return null;
  const kept = trimmedSorted(prices);
  return {
    median: Math.round(quantile(kept, 0.5)),
    percentile: Math.round(rankByCounting(kept, price)),
    sample: prices.length,
    days: 90,
  };
}

// Few distinct prices, so that equal prices, and prices equal to the one ranked, are common.
const price = fc.integer({ min: 1, max: 12 }).map((n) => n * 5000);
const sample = fc
  .uniqueArray(fc.integer({ min: 1, max: 80 }), { maxLength: 60 })
  .chain((ids) => fc.tuple(...ids.map((adId) => price.map((value) => ({ adId, price: value })))));

describe('percentileRank', () => {
  it('is the share of prices below, equal ones counted half, as counting every price gives', () => {
    fc.assert(
      fc.property(fc.array(price, { minLength: 1, maxLength: 80 }), price, (prices, ranked) => {
        const sorted = [...prices].sort((a, b) => a - b);
        expect(percentileRank(sorted, ranked)).toBe(rankByCounting(sorted, ranked));
      }),
      { numRuns: 300 },
    );
  });
});

describe('priceContextIn', () => {
  it('gives what filtering, sorting and trimming the sample for each price gives, with any ads left out', () => {
    fc.assert(
      fc.property(
        sample,
        price,
        fc.uniqueArray(fc.integer({ min: 1, max: 90 }), { maxLength: 3 }),
        fc.integer({ min: 1, max: 30 }),
        (entries, ranked, excluded, minSample) => {
          const exclude = new Set(excluded);
          const prepared = prepareSample(entries);
          const options = { days: 90, minSample, exclude };
          expect(priceContextIn(prepared, ranked, options)).toEqual(
            contextByCounting(ranked, entries, exclude, minSample),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves the prepared sample as it was, so the next price of the check is set against all of it', () => {
    const entries = Array.from({ length: 30 }, (_, n) => ({ adId: n + 1, price: (n + 1) * 1000 }));
    const prepared = prepareSample(entries);
    const before = [...prepared.sorted];
    priceContextIn(prepared, 5000, { days: 90, minSample: 8, exclude: new Set([1, 2]) });
    expect(prepared.sorted).toEqual(before);
    expect(priceContextIn(prepared, 5000, { days: 90, minSample: 8 })).toMatchObject({ sample: 30 });
  });
});
