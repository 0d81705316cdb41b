import type { AdFilter } from '../domain/ad-filter.js';
import type { NotedChange } from '../domain/ad-insight.js';
import type { AdEvent, WatchRef } from '../domain/events.js';
import type { CompiledFilter } from '../domain/filter-ad.js';
import { type FilteredChange, watchFilters } from '../domain/screen-changes.js';
import { getWatchFilter } from '../store/filters-repo.js';
import type { Db } from '../store/open-db.js';
import type { CheckRecord } from './check-report.js';

/** The compiled filters a check screens a watch's changes with: the global one (unless it opts out), then its own. */
export function filtersOfWatch(db: Db, globalFilter: AdFilter | null, watchId: number): CompiledFilter[] {
  return watchFilters(globalFilter, getWatchFilter(db, watchId));
}

/** Report each change the filters held back; returns how many there were. */
export function reportFiltered(
  watch: WatchRef,
  filtered: readonly FilteredChange[],
  report: (record: CheckRecord) => void,
): number {
  for (const { change, rule } of filtered)
    report({ type: 'filtered', watch, change: change.type, ad: change.ad, rule });
  return filtered.length;
}

/**
 * The event a change that passed the screening is notified as, with its re-post and price context; a price change
 * may carry the bound it crossed.
 */
export function changeEvent(watch: WatchRef, change: NotedChange): AdEvent {
  const context = change.context === undefined ? {} : { context: change.context };
  if (change.type === 'new_ad') {
    return {
      type: 'new_ad',
      watch,
      ad: change.ad,
      ...(change.repost === undefined ? {} : { repost: change.repost }),
      ...context,
    };
  }
  if (change.type === 'reposted') {
    return { type: 'reposted', watch, ad: change.ad, repost: change.repost, ...context, notified: change.notify };
  }
  return {
    type: 'price_changed',
    watch,
    ad: change.ad,
    oldPrice: change.previous.price,
    newPrice: change.ad.price,
    oldPriceKind: change.previous.priceKind,
    newPriceKind: change.ad.priceKind,
    oldPriceText: change.previous.priceText,
    ...(change.nowUnderLimit === undefined ? {} : { nowUnderLimit: change.nowUnderLimit }),
    ...context,
  };
}
