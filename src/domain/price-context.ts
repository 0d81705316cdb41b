/**
 * Price context: where an asking price stands among the prices a watch recorded recently. The sample is one price
 * per ad (its latest asking price), so a seller who lowers a price five times weighs as much as any other seller.
 */
import type { PriceContext } from './ad-insight.js';
import { percentileRank, quantile, trimSorted } from './price-stats.js';

/** Default look-back, in days. */
export const DEFAULT_PRICE_CONTEXT_DAYS = 90;
/** Default least number of priced ads for a context: fewer say nothing a buyer can trust. */
export const DEFAULT_PRICE_CONTEXT_MIN_SAMPLE = 8;

/** One ad's latest asking price in the sample. */
export interface SamplePrice {
  adId: number;
  price: number;
}

/** A price sample read once for every price a check sets in context: its prices in order, and each ad's price. */
export interface PreparedSample {
  sorted: readonly number[];
  /** `sorted` trimmed, for the usual case of an ad that is not part of the sample itself. */
  trimmed: readonly number[];
  priceOf: ReadonlyMap<number, number>;
}

/** Sort a sample once; every new ad and price drop of a check is then set against it without sorting again. */
export function prepareSample(sample: readonly SamplePrice[]): PreparedSample {
  const sorted = sample.map((entry) => entry.price).sort((a, b) => a - b);
  return { sorted, trimmed: trimSorted(sorted), priceOf: new Map(sample.map((entry) => [entry.adId, entry.price])) };
}

/**
 * The context of `price` against `sample`, leaving out the ads in `exclude` (the ad itself, and the earlier
 * listing of a re-post: comparing an item with itself says nothing); null when fewer than `minSample` remain.
 */
export function priceContextOf(
  price: number,
  sample: readonly SamplePrice[],
  options: { days: number; minSample: number; exclude?: ReadonlySet<number> },
): PriceContext | null {
  return priceContextIn(prepareSample(sample), price, options);
}

/** `priceContextOf` against a prepared sample: linear in the sample at worst, never a sort. */
export function priceContextIn(
  sample: PreparedSample,
  price: number,
  options: { days: number; minSample: number; exclude?: ReadonlySet<number> },
): PriceContext | null {
  const prices = withoutPricesOf(sample, options.exclude);
  if (prices.length < options.minSample || prices.length === 0) return null;
  const kept = prices === sample.sorted ? sample.trimmed : trimSorted(prices);
  return {
    median: Math.round(quantile(kept, 0.5)),
    percentile: Math.round(percentileRank(kept, price)),
    sample: prices.length,
    days: options.days,
  };
}

/** The sorted prices less one occurrence of each excluded ad's price; the shared array when none is in the sample. */
function withoutPricesOf(sample: PreparedSample, exclude: ReadonlySet<number> | undefined): readonly number[] {
  const removed: number[] = [];
  for (const adId of exclude ?? []) {
    const value = sample.priceOf.get(adId);
    if (value !== undefined) removed.push(value);
  }
  if (removed.length === 0) return sample.sorted;
  const prices = [...sample.sorted];
  for (const value of removed) prices.splice(prices.indexOf(value), 1);
  return prices;
}

/** How a price compares with the median, as a whole percentage, and which quarter of the sample it falls in. */
export interface PriceStanding {
  /** 'at' when within half a percent of the median. */
  direction: 'below' | 'above' | 'at';
  percent: number;
  quarter: 'cheapest' | 'dearest' | null;
}

/** Read a context for display: "12 % below the median", "in the cheapest quarter". */
export function priceStanding(price: number, context: PriceContext): PriceStanding {
  const percent = context.median === 0 ? 0 : Math.round((Math.abs(price - context.median) / context.median) * 100);
  const direction = percent === 0 ? 'at' : price < context.median ? 'below' : 'above';
  const quarter = context.percentile < 25 ? 'cheapest' : context.percentile > 75 ? 'dearest' : null;
  return { direction, percent, quarter };
}
