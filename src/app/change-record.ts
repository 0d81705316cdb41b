import type { NotedChange } from '../domain/ad-insight.js';
import type { WatchRef } from '../domain/events.js';
import type { CheckRecord } from './check-report.js';

/** The counters of a check run that its reported changes move. */
export interface ChangeCounters {
  newAds: number;
  reposts: number;
  priceChanges: number;
  priceDrops: number;
  priceRises: number;
}

/** Count one reported change in the run's summary. */
export function countChange(counters: ChangeCounters, change: NotedChange): void {
  if (change.type === 'new_ad') counters.newAds += 1;
  else if (change.type === 'reposted') counters.reposts += 1;
  else {
    counters.priceChanges += 1;
    const oldPrice = change.previous.price;
    const newPrice = change.ad.price;
    if (oldPrice !== null && newPrice !== null && newPrice < oldPrice) counters.priceDrops += 1;
    if (oldPrice !== null && newPrice !== null && newPrice > oldPrice) counters.priceRises += 1;
  }
}

/** The record a check reports for one change, with what the watch's history says about it. */
export function changeRecord(watch: WatchRef, change: NotedChange): CheckRecord {
  const context = change.context === undefined ? {} : { context: change.context };
  if (change.type === 'new_ad') {
    const repost = change.repost === undefined ? {} : { repost: change.repost };
    return { type: 'new_ad', watch, ad: change.ad, ...repost, ...context };
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
    oldPriceText: change.previous.priceText,
    newPriceText: change.ad.priceText,
    ...context,
  };
}
