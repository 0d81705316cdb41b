import { trimmedSorted } from './price-stats.js';
import { roundStep } from './round-step.js';

/** One bar of a price histogram: the ads asking from `from` up to `to` forints (`to` itself only in the last bar). */
export interface PriceBin {
  from: number;
  to: number;
  count: number;
}

/** A histogram of prices, and how many extreme prices it leaves out (the share price statistics trim). */
export interface PriceHistogram {
  bins: PriceBin[];
  leftOut: number;
}

/**
 * Count prices in at most `maxBins` bins of a round width. The extremes that statistics trim are left out, so one
 * 1 Ft or 9 999 999 Ft ad cannot squash every other bar into one; equal prices make one bin.
 */
export function binPrices(prices: readonly number[], maxBins = 10): PriceHistogram {
  const kept = trimmedSorted(prices);
  const leftOut = prices.length - kept.length;
  const low = kept[0];
  const high = kept.at(-1);
  if (low === undefined || high === undefined) return { bins: [], leftOut };
  if (low === high) return { bins: [{ from: low, to: low, count: kept.length }], leftOut };
  const step = roundStep((high - low) / Math.max(1, maxBins));
  let first = Math.floor(low / step) * step;
  // Rounding the first edge down can leave the top price one bin too many away; then the bins start at the lowest.
  if (Math.ceil((high - first) / step) > maxBins) first = low;
  const binCount = Math.ceil((high - first) / step);
  const bins: PriceBin[] = Array.from({ length: binCount }, (_, index) => ({
    from: first + index * step,
    to: first + (index + 1) * step,
    count: 0,
  }));
  for (const price of kept) {
    const bin = bins[Math.min(binCount - 1, Math.floor((price - first) / step))];
    if (bin !== undefined) bin.count += 1;
  }
  return { bins, leftOut };
}
