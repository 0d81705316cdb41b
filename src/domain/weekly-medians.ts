import { summarisePrices } from './price-stats.js';
import { type PricedListing, priceAt } from './priced-listing.js';

/** One week of a watch's market: the median asking price of the ads listed during it. */
export interface WeeklyMedian {
  /** Start of the week (ISO 8601, inclusive). */
  start: string;
  /** End of the week (ISO 8601, exclusive). */
  end: string;
  /** Priced ads listed at some time during the week. */
  count: number;
  /** Trimmed median of their prices at the end of the week; null for a week without a priced ad. */
  median: number | null;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * The median asking price week by week, over the `days` before `until`: weeks end at `until`, so the last one is
 * the current week. An ad counts in every week it was listed, at the price it asked by that week's end.
 */
export function weeklyMedians(
  listings: readonly PricedListing[],
  options: { until: Date; days: number },
): WeeklyMedian[] {
  const end = options.until.getTime();
  const weekCount = Math.max(1, Math.ceil(options.days / 7));
  const weeks: WeeklyMedian[] = [];
  for (let index = weekCount - 1; index >= 0; index -= 1) {
    const weekEnd = end - index * WEEK_MS;
    const weekStart = weekEnd - WEEK_MS;
    const prices: number[] = [];
    for (const listing of listings) {
      if (Date.parse(listing.firstSeenAt) >= weekEnd || Date.parse(listing.lastSeenAt) < weekStart) continue;
      const price = priceAt(listing, weekEnd);
      if (price !== null) prices.push(price);
    }
    weeks.push({
      start: new Date(weekStart).toISOString(),
      end: new Date(weekEnd).toISOString(),
      count: prices.length,
      median: summarisePrices(prices)?.median ?? null,
    });
  }
  return weeks;
}
