import type { NotificationItem } from '../domain/events.js';
import { type Language, messageStrings } from './strings.js';

/** Sum up a batch in one line: "3 new ads and 1 price change for GPU watch". */
export function buildHeadline(items: readonly NotificationItem[], language: Language): string {
  const words = messageStrings[language];
  const newCount = items.filter((item) => item.event.type === 'new_ad').length;
  const repostCount = items.filter((item) => item.event.type === 'reposted').length;
  const changeCount = items.filter((item) => item.event.type === 'price_changed').length;
  const lifecycleCount = items.length - newCount - repostCount - changeCount;
  const parts: string[] = [];
  if (newCount > 0) parts.push(words.newAds(newCount));
  if (repostCount > 0) parts.push(words.reposts(repostCount));
  if (changeCount > 0) parts.push(words.priceChanges(changeCount));
  if (lifecycleCount > 0) parts.push(words.lifecycleEvents(lifecycleCount));
  const headline = words.headline(parts, nameWatches(items));
  return items.length > 0 && items.every((item) => item.digest === true) ? `${words.digest}: ${headline}` : headline;
}

/** Every watch the items came from, each once, in order: "gpu, gpu-budapest". */
export function nameWatches(items: readonly NotificationItem[]): string {
  const names = new Map<number, string>();
  for (const item of items) {
    for (const watch of item.watches ?? [item.event.watch]) {
      const name = watch.name.trim();
      if (!names.has(watch.id)) names.set(watch.id, name === '' ? `#${watch.id}` : name);
    }
  }
  return names.size === 0 ? '#?' : [...names.values()].join(', ');
}

/** The "(2/3)" suffix for a batch split over several messages; empty when there is one. */
export function partSuffix(index: number, count: number): string {
  return count > 1 ? ` (${index + 1}/${count})` : '';
}
