import type { NotificationItem } from '../../../domain/events.js';
import type { FeedFormat } from '../../../domain/feed-format.js';
import type { Language } from '../../strings.js';
import type { FeedHeader } from './render.js';

/** The site's home, for a feed with nothing in it to link to. */
const SITE_HOME = 'https://hardverapro.hu/';

/**
 * Title and link of a feed made of these entries: named after its watch, or after how many watches it follows,
 * linking to the newest entry's search.
 */
export function feedHeaderFor(
  entries: readonly NotificationItem[],
  options: { format: FeedFormat; id: string; language: Language; now: Date },
): FeedHeader {
  const watches = new Map(entries.map((item) => [item.event.watch.id, item.event.watch]));
  const newest = [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const only = watches.size === 1 ? [...watches.values()][0] : undefined;
  return {
    format: options.format,
    id: options.id,
    title: only === undefined ? `pyhabot: ${watches.size} watches` : `pyhabot: ${only.name}`,
    link: newest?.event.watch.url ?? SITE_HOME,
    language: options.language,
    emptyUpdated: options.now,
  };
}
