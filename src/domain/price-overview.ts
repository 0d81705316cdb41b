import { binPrices, type PriceHistogram } from './price-histogram.js';
import { type PriceSummary, summarisePrices } from './price-stats.js';
import { latestPrice, type PricedListing } from './priced-listing.js';
import { type WeeklyMedian, weeklyMedians } from './weekly-medians.js';

/** What `pyhabot stats` tells about a watch's prices over a window of days. */
export interface PriceOverview {
  days: number;
  /** Start of the window (ISO 8601). */
  since: string;
  /** Ads listed during the window that asked a forint price, each at its latest price. */
  summary: PriceSummary | null;
  /** Ads listed during the window without a forint price (wanted, swap, free, unreadable). */
  unpriced: number;
  weeks: WeeklyMedian[];
  /** The prices active ads ask now. */
  histogram: PriceHistogram;
}

/** Sum up the listings of a window: quartiles of their latest prices, the weekly median, the current spread. */
export function buildPriceOverview(
  listings: readonly PricedListing[],
  options: { now: Date; days: number },
): PriceOverview {
  const since = options.now.getTime() - options.days * 86_400_000;
  const inWindow = listings.filter((listing) => Date.parse(listing.lastSeenAt) >= since);
  const prices: number[] = [];
  let unpriced = 0;
  for (const listing of inWindow) {
    const price = latestPrice(listing);
    if (price === null) unpriced += 1;
    else prices.push(price);
  }
  const current = inWindow
    .filter((listing) => listing.active)
    .map(latestPrice)
    .filter((price): price is number => price !== null);
  return {
    days: options.days,
    since: new Date(since).toISOString(),
    summary: summarisePrices(prices),
    unpriced,
    weeks: weeklyMedians(inWindow, { until: options.now, days: options.days }),
    histogram: binPrices(current),
  };
}
