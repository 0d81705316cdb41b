import type { AdEvent, PriceChangedEvent, WatchRef } from '../domain/events.js';
import { roundShare } from '../domain/price-rules.js';
import type { CheckRecord } from './check-report.js';

/** What a check run counts of the events it records. */
export interface EventCounts {
  newAds: number;
  priceDrops: number;
  priceRises: number;
  priceChanges: number;
  reactivated: number;
  reappeared: number;
  gone: number;
  /** Re-posts reported apart from new ads (a watch that labels re-posts counts them as new ads). */
  reposts: number;
}

/** Report each event of one watch as a record of the run, and count it. */
export function reportEvents(
  watch: WatchRef,
  events: readonly AdEvent[],
  counts: EventCounts,
  report: (record: CheckRecord) => void,
): void {
  for (const event of events) {
    switch (event.type) {
      case 'new_ad':
        counts.newAds += 1;
        report({
          type: 'new_ad',
          watch,
          ad: event.ad,
          ...(event.repost === undefined ? {} : { repost: event.repost }),
          ...(event.context === undefined ? {} : { context: event.context }),
        });
        break;
      case 'reposted':
        counts.reposts += 1;
        report({ ...event, watch });
        break;
      case 'price_changed': {
        counts.priceChanges += 1;
        const record = priceRecord(watch, event);
        if (record.changeForints !== null && record.changeForints < 0) counts.priceDrops += 1;
        if (record.changeForints !== null && record.changeForints > 0) counts.priceRises += 1;
        report(record);
        break;
      }
      default:
        counts[event.type] += 1;
        report({ ...event, watch });
    }
  }
}

function priceRecord(watch: WatchRef, event: PriceChangedEvent): CheckRecord & { type: 'price_changed' } {
  const { oldPrice, newPrice } = event;
  const both =
    oldPrice !== null && newPrice !== null && event.oldPriceKind === 'fixed' && event.newPriceKind === 'fixed';
  const changeForints = both ? newPrice - oldPrice : null;
  const changePercent =
    both && changeForints !== null && oldPrice > 0 ? Number(roundShare((changeForints / oldPrice) * 100)) : null;
  return {
    type: 'price_changed',
    watch,
    ad: event.ad,
    oldPrice,
    newPrice,
    oldPriceText: event.oldPriceText,
    newPriceText: event.ad.priceText,
    changeForints,
    changePercent,
    lowestPrice: event.lowestPrice ?? null,
    ...(event.crossedBelow === undefined ? {} : { crossedBelow: event.crossedBelow }),
    ...(event.context === undefined ? {} : { context: event.context }),
  };
}
