import { UserError } from '../domain/errors.js';
import type { FeedFormat } from '../domain/feed-format.js';
import type { Watch } from '../domain/watch.js';
import { FEED_EVENT_TYPES } from '../notify/channels/file/entry-kinds.js';
import { feedHeaderFor } from '../notify/channels/file/feed-header.js';
import type { Language } from '../notify/strings.js';
import { listRecentEvents } from '../store/events-repo.js';
import type { Db } from '../store/open-db.js';
import { FEED_LENGTH } from './feed-history.js';

/** The feed of one watch's recent events, or of every watch's; `watch` undefined means every watch. */
export async function buildWatchFeed(
  db: Db,
  watch: Watch | undefined,
  options: { format: FeedFormat; language: Language; now: Date },
): Promise<{ text: string; entries: number }> {
  const { renderFeed } = await import('../notify/channels/file/render.js');
  const entries = listRecentEvents(db, {
    watchIds: watch === undefined ? 'all' : [watch.id],
    types: FEED_EVENT_TYPES,
    limit: FEED_LENGTH,
  });
  const header =
    watch === undefined
      ? { ...feedHeaderFor(entries, { ...options, id: 'urn:pyhabot:watches' }), title: 'pyhabot: every watch' }
      : {
          ...feedHeaderFor(entries, { ...options, id: `urn:pyhabot:watch:${watch.id}` }),
          title: `pyhabot: ${watch.name}`,
          link: watch.url,
        };
  return { text: renderFeed(entries, header), entries: entries.length };
}

/** The writing error of a feed file, as the one line a user reads. */
export function feedWriteError(shown: string, reason: string): UserError {
  return new UserError(`cannot write ${shown}: ${reason}`, { hint: 'pass --output a path in a writable directory' });
}
