import type { AdFilter, WatchFilter } from './ad-filter.js';
import type { AdChange } from './diff-ads.js';
import { type CompiledFilter, compileFilter, filterAd } from './filter-ad.js';

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
    if (verdict.keep) screened.changes.push(change);
    else screened.filtered.push({ change, rule: verdict.rule });
  }
  return screened;
}
