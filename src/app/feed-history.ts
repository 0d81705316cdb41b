import type { NotificationItem } from '../domain/events.js';
import { FEED_EVENT_TYPES } from '../notify/channels/file/entry-kinds.js';
import { listRecentEventsForTarget } from '../store/events-repo.js';
import type { Db } from '../store/open-db.js';

/** How many events a feed holds: enough for a reader that looks in once a day, small enough to fetch often. */
export const FEED_LENGTH = 100;

/** Reads the events a feed file target is rewritten from, newest first. */
export function feedHistoryReader(db: Db): (target: string) => NotificationItem[] {
  return (target) => listRecentEventsForTarget(db, target, { types: FEED_EVENT_TYPES, limit: FEED_LENGTH });
}
