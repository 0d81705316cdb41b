import { isAlertItem, type OutboxItem } from './alert-events.js';
import type { AdEvent, NotificationItem, WatchRef } from './events.js';

/** One message's worth of news: the item to render, and every outbox row it stands for. */
export interface MergedNotification {
  item: OutboxItem;
  /** Outbox row ids, smallest first; the item's own id is the first. */
  rowIds: number[];
}

/**
 * What makes two events "the same" for one target: the same ad, the same kind of event, the same new price
 * (and price kind). Two watches that both saw an ad drop to 90 000 Ft send one message; one that saw it at
 * 90 000 Ft and one that saw it at 85 000 Ft send two, because they tell different news.
 */
export function sameEventKey(event: AdEvent): string {
  const price =
    event.type === 'price_changed' ? [event.newPrice, event.newPriceKind] : [event.ad.price, event.ad.priceKind];
  return JSON.stringify([event.type, event.ad.id, ...price]);
}

/**
 * Merge one target's pending items so each event is sent once, naming every watch that found it. The merged
 * item is the oldest row's (smallest id): its idempotency key, event text and creation time, so a retry after a
 * crash builds the same message with the same key. Order follows each group's oldest row. Alerts are never merged.
 */
export function mergeNotifications(items: readonly OutboxItem[]): MergedNotification[] {
  const groups = new Map<string, NotificationItem[]>();
  const alerts: MergedNotification[] = [];
  for (const item of [...items].sort((a, b) => a.id - b.id)) {
    if (isAlertItem(item)) {
      alerts.push({ item, rowIds: [item.id] });
      continue;
    }
    const key = sameEventKey(item.event);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  const merged = [...groups.values()].map((group) => {
    const [first, ...rest] = group as [NotificationItem, ...NotificationItem[]];
    const watches = distinctWatches(group);
    const item: NotificationItem = {
      ...first,
      ...(watches.length > 1 ? { watches } : {}),
      ...(group.some((member) => member.digest === true) ? { digest: true } : {}),
    };
    return { item, rowIds: [first.id, ...rest.map((member) => member.id)] };
  });
  return [...alerts, ...merged];
}

function distinctWatches(items: readonly NotificationItem[]): WatchRef[] {
  const byId = new Map<number, WatchRef>();
  for (const item of items) {
    for (const watch of item.watches ?? [item.event.watch]) {
      if (!byId.has(watch.id)) byId.set(watch.id, watch);
    }
  }
  return [...byId.values()];
}
