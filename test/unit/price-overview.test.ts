import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binPrices } from '../../src/domain/price-histogram.js';
import { buildPriceOverview } from '../../src/domain/price-overview.js';
import { type PricedListing, priceAt } from '../../src/domain/priced-listing.js';
import { roundStep } from '../../src/domain/round-step.js';
import { weeklyMedians } from '../../src/domain/weekly-medians.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;

/** An ad listed from `fromDaysAgo` until `untilDaysAgo` (0: still listed), asking each price from its day on. */
function listing(
  adId: number,
  prices: Array<[daysAgo: number, price: number | null]>,
  untilDaysAgo = 0,
): PricedListing {
  const at = (daysAgo: number): string => new Date(NOW.getTime() - daysAgo * DAY).toISOString();
  return {
    adId,
    firstSeenAt: at(prices[0]?.[0] ?? 0),
    lastSeenAt: at(untilDaysAgo),
    active: untilDaysAgo === 0,
    prices: prices.map(([daysAgo, price]) => ({ price, seenAt: at(daysAgo) })),
  };
}

const overview = (listings: PricedListing[], days = 90) => buildPriceOverview(listings, { now: NOW, days });

describe('buildPriceOverview', () => {
  it('counts nothing and draws nothing for a watch without priced ads, instead of NaN', () => {
    const result = overview([listing(1, [[3, null]])]);
    expect(result.summary).toBeNull();
    expect(result.unpriced).toBe(1);
    expect(result.histogram).toEqual({ bins: [], leftOut: 0 });
    expect(result.weeks.every((week) => week.median === null && week.count === 0)).toBe(true);
    expect(JSON.stringify(result)).not.toContain('NaN');
  });

  it('sums up one ad as its own price everywhere', () => {
    const result = overview([listing(1, [[10, 45_000]])]);
    expect(result.summary).toMatchObject({ count: 1, kept: 1, min: 45_000, q1: 45_000, median: 45_000, q3: 45_000 });
    expect(result.histogram.bins).toEqual([{ from: 45_000, to: 45_000, count: 1 }]);
    expect(result.weeks.at(-1)).toMatchObject({ count: 1, median: 45_000 });
    expect(result.weeks.at(-3)).toMatchObject({ count: 0, median: null });
  });

  it('takes each ad at its latest price, and leaves out ads gone before the window', () => {
    const result = overview([
      listing(1, [
        [20, 50_000],
        [5, 40_000],
      ]),
      listing(2, [[200, 10_000]], 120),
      listing(3, [[30, 60_000]], 10),
    ]);
    expect(result.summary).toMatchObject({ count: 2, median: 50_000, min: 40_000, max: 60_000 });
    // Only the active ad is asking a price now.
    expect(result.histogram.bins).toEqual([{ from: 40_000, to: 40_000, count: 1 }]);
  });

  it('property: the median of constant prices is that price, and nothing is NaN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 60 }), (price, count) => {
        const listings = Array.from({ length: count }, (_, index) => listing(index, [[index % 80, price]]));
        const result = overview(listings);
        expect(result.summary?.median).toBe(price);
        expect(result.summary?.q1).toBe(price);
        expect(result.summary?.q3).toBe(price);
        expect(result.weeks.filter((week) => week.median !== null).every((week) => week.median === price)).toBe(true);
        expect(result.histogram.bins).toEqual([{ from: price, to: price, count: count - result.histogram.leftOut }]);
        expect(JSON.stringify(result)).not.toContain('NaN');
      }),
    );
  });

  it('property: min ≤ q1 ≤ median ≤ q3 ≤ max, and every week median within the prices', () => {
    const ads = fc.array(
      fc.record({ daysAgo: fc.integer({ min: 0, max: 89 }), price: fc.integer({ min: 1, max: 2_000_000 }) }),
      { minLength: 1, maxLength: 80 },
    );
    fc.assert(
      fc.property(ads, (drawn) => {
        const result = overview(drawn.map((ad, index) => listing(index, [[ad.daysAgo, ad.price]])));
        const summary = result.summary;
        expect(summary).not.toBeNull();
        if (summary === null) return;
        expect(summary.min).toBeLessThanOrEqual(summary.q1);
        expect(summary.q1).toBeLessThanOrEqual(summary.median);
        expect(summary.median).toBeLessThanOrEqual(summary.q3);
        expect(summary.q3).toBeLessThanOrEqual(summary.max);
        const prices = drawn.map((ad) => ad.price);
        for (const week of result.weeks) {
          if (week.median === null) continue;
          expect(week.median).toBeGreaterThanOrEqual(Math.min(...prices));
          expect(week.median).toBeLessThanOrEqual(Math.max(...prices));
        }
      }),
    );
  });
});

describe('weeklyMedians', () => {
  it('counts an ad in every week it was listed, at the price it asked by the end of each week', () => {
    const ad = listing(1, [
      [20, 100_000],
      [9, 80_000],
    ]);
    const weeks = weeklyMedians([ad], { until: NOW, days: 28 });
    expect(weeks.map((week) => week.median)).toEqual([null, 100_000, 80_000, 80_000]);
    expect(weeks.at(-1)?.end).toBe(NOW.toISOString());
    expect(weeks[0]?.start).toBe(new Date(NOW.getTime() - 28 * DAY).toISOString());
  });

  it('leaves out a week in which the ad was already gone', () => {
    const weeks = weeklyMedians([listing(1, [[20, 100_000]], 10)], { until: NOW, days: 14 });
    expect(weeks.map((week) => week.count)).toEqual([1, 0]);
  });
});

describe('priceAt', () => {
  it('is the last price seen before the moment, null before the first', () => {
    const ad = listing(1, [
      [20, 100_000],
      [10, null],
    ]);
    expect(priceAt(ad, NOW.getTime() - 30 * DAY)).toBeNull();
    expect(priceAt(ad, NOW.getTime() - 15 * DAY)).toBe(100_000);
    expect(priceAt(ad, NOW.getTime())).toBeNull();
  });
});

describe('binPrices', () => {
  it('puts prices into round bins, the top price in the last one', () => {
    expect(binPrices([10_000, 12_000, 19_000, 20_000, 40_000], 4)).toEqual({
      bins: [
        { from: 10_000, to: 20_000, count: 3 },
        { from: 20_000, to: 30_000, count: 1 },
        { from: 30_000, to: 40_000, count: 1 },
      ],
      leftOut: 0,
    });
  });

  it('leaves out the extremes statistics trim, so one absurd price cannot squash the rest', () => {
    const prices = [...Array.from({ length: 19 }, (_, index) => 40_000 + index * 1000), 9_999_999];
    const histogram = binPrices(prices, 8);
    expect(histogram.leftOut).toBe(2);
    expect(histogram.bins.at(-1)?.to).toBeLessThan(100_000);
  });

  it('property: no more bins than asked, every kept price counted once, bins contiguous', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 12 }),
        (prices, maxBins) => {
          const { bins, leftOut } = binPrices(prices, maxBins);
          expect(bins.length).toBeGreaterThan(0);
          expect(bins.length).toBeLessThanOrEqual(maxBins);
          expect(bins.reduce((total, bin) => total + bin.count, 0) + leftOut).toBe(prices.length);
          for (const [index, bin] of bins.entries()) {
            if (index > 0) expect(bin.from).toBe(bins[index - 1]?.to);
          }
        },
      ),
    );
  });
});

describe('roundStep', () => {
  it.each([
    [0.3, 1],
    [7, 10],
    [9987, 10_000],
    [12_000, 20_000],
    [21_000, 25_000],
    [30_000, 50_000],
    [62_337, 100_000],
  ])('rounds %d up to %d', (raw, step) => {
    expect(roundStep(raw)).toBe(step);
  });
});
