import type { Ad } from './ad.js';
import type { AdFilter, WatchFilter } from './ad-filter.js';
import type { AdChange } from './diff-ads.js';
import { type CompiledFilter, comparablePrice, compileFilter, filterAd } from './filter-ad.js';

/** A change a filter held back: recorded, never notified. */
export interface FilteredChange {
  change: AdChange;
  rule: string;
}

/** The changes to notify and the ones the filters dropped, in scrape order. */
export interface ScreenedChanges {
  changes: AdChange[];
  filtered: FilteredChange[];
}

/** The compiled filters that apply to a watch: the global one (unless it opts out), then its own. */
export function watchFilters(globalFilter: AdFilter | null, watch: WatchFilter): CompiledFilter[] {
  const filters: CompiledFilter[] = [];
  if (globalFilter !== null && watch.useGlobal) filters.push(compileFilter(globalFilter, 'global'));
  filters.push(compileFilter(watch.own, 'watch'));
  return filters;
}

/**
 * Split a check's changes into those worth a notification and those the filters drop. A price change is judged on
 * the ad as it is now, so an ad that was dropped for its price and now passes the bounds is notified: that is what
 * the user was waiting for.
 */
export function screenChanges(filters: readonly CompiledFilter[], changes: readonly AdChange[]): ScreenedChanges {
  const screened: ScreenedChanges = { changes: [], filtered: [] };
  for (const change of changes) {
    const verdict = filterAd(filters, change.ad);
    if (!verdict.keep) screened.filtered.push({ change, rule: verdict.rule });
    else if (change.type === 'new_ad') screened.changes.push(change);
    else {
      const limit = crossedMaxPrice(filters, change.previous, change.ad);
      screened.changes.push(limit === null ? change : { ...change, nowUnderLimit: limit });
    }
  }
  return screened;
}

/** The lowest maxPrice the ad's old price was over and its new price is under, or null when it crossed none. */
function crossedMaxPrice(
  filters: readonly CompiledFilter[],
  previous: Pick<Ad, 'price' | 'priceKind'>,
  now: Pick<Ad, 'price' | 'priceKind'>,
): number | null {
  const before = comparablePrice(previous);
  const after = comparablePrice(now);
  if (before === null || after === null) return null;
  let crossed: number | null = null;
  for (const { filter } of filters) {
    const limit = filter.maxPrice;
    if (limit !== undefined && before > limit && after <= limit) crossed = Math.min(crossed ?? limit, limit);
  }
  return crossed;
}
