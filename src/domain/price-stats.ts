/**
 * Robust price statistics: quantiles of a sample trimmed of its extremes, so one mistyped 1 Ft or 9 999 999 Ft ad
 * does not move the figures a buyer reads.
 */

/** The share of a sample dropped from each end before quantiles are taken. */
export const TRIM_FRACTION = 0.05;

/** Count and quartiles of a trimmed price sample (Ft; quantiles may fall between two prices). */
export interface PriceSummary {
  /** Prices in the sample before trimming. */
  count: number;
  /** Prices left after trimming, which the quantiles describe. */
  kept: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Ascending copy of the prices without the TRIM_FRACTION share at each end (nothing dropped under 20 prices). */
export function trimmedSorted(prices: readonly number[], fraction = TRIM_FRACTION): number[] {
  return trimSorted(
    [...prices].sort((a, b) => a - b),
    fraction,
  );
}

/** `trimmedSorted` of prices already in ascending order, without sorting them again. */
export function trimSorted(sorted: readonly number[], fraction = TRIM_FRACTION): number[] {
  const drop = Math.floor(sorted.length * fraction);
  return sorted.slice(drop, sorted.length - drop);
}

/** The q-quantile (0 ≤ q ≤ 1) of an ascending, non-empty sample, interpolated between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty sample');
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const lower = sorted[below] as number;
  const upper = sorted[above] as number;
  return lower + (upper - lower) * (position - below);
}

/** Count and quartiles of the trimmed sample; null for an empty one. */
export function summarisePrices(prices: readonly number[]): PriceSummary | null {
  const kept = trimmedSorted(prices);
  if (kept.length === 0) return null;
  return {
    count: prices.length,
    kept: kept.length,
    min: kept[0] as number,
    q1: quantile(kept, 0.25),
    median: quantile(kept, 0.5),
    q3: quantile(kept, 0.75),
    max: kept[kept.length - 1] as number,
  };
}

/**
 * Where a price falls in an ascending sample, 0–100: the share of prices below it, counting equal prices as half
 * (so a price equal to every price in the sample sits at 50, and a higher price never ranks lower).
 */
export function percentileRank(sorted: readonly number[], price: number): number {
  if (sorted.length === 0) throw new RangeError('percentile rank in an empty sample');
  // Two binary searches: a check ranks every new ad of a watch against the same sample of thousands of prices.
  const below = firstIndexWhere(sorted, (value) => value >= price);
  const equal = firstIndexWhere(sorted, (value) => value > price) - below;
  return ((below + equal / 2) / sorted.length) * 100;
}

/** The first index of an ascending array whose value passes `test` (a test that, once passed, stays passed). */
function firstIndexWhere(sorted: readonly number[], test: (value: number) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(sorted[middle] as number)) high = middle;
    else low = middle + 1;
  }
  return low;
}
