import type { NotificationItem } from '../domain/events.js';
import { type Language, messageStrings } from './strings.js';

/** Sum up a batch in one line: "3 new ads and 1 price change for GPU watch". */
export function buildHeadline(items: readonly NotificationItem[], language: Language): string {
  const words = messageStrings[language];
  const newCount = items.filter((item) => item.event.type === 'new_ad').length;
  const repostCount = items.filter((item) => item.event.type === 'reposted').length;
  const changeCount = items.length - newCount - repostCount;
  const parts: string[] = [];
  if (newCount > 0) parts.push(words.newAds(newCount));
  if (repostCount > 0) parts.push(words.reposts(repostCount));
  if (changeCount > 0) parts.push(words.priceChanges(changeCount));
  const watch = items[0]?.event.watch;
  const watchName = watch?.name.trim() ?? '';
  return words.headline(parts, watchName === '' ? `#${watch?.id ?? '?'}` : watchName);
}

/** The "(2/3)" suffix for a batch split over several messages; empty when there is one. */
export function partSuffix(index: number, count: number): string {
  return count > 1 ? ` (${index + 1}/${count})` : '';
}
