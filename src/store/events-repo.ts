import type { AdEvent, NotificationItem } from '../domain/events.js';
import type { Db } from './open-db.js';

interface EventRow {
  id: number;
  idempotency_key: string;
  payload: string;
  created_at: string;
}

/** Which recorded events to list: of some watches or of all, of the given types, the newest `limit`. */
export interface RecentEventsQuery {
  watchIds: readonly number[] | 'all';
  types: readonly AdEvent['type'][];
  limit: number;
}

/** The newest recorded events matching the query, newest first; each item's id is the event's row id. */
export function listRecentEvents(db: Db, query: RecentEventsQuery): NotificationItem[] {
  const rows = db
    .prepare(
      `SELECT id, idempotency_key, payload, created_at FROM events
       WHERE type IN (SELECT value FROM json_each(?))
         AND (? IS NULL OR watch_id IN (SELECT value FROM json_each(?)))
       ORDER BY id DESC LIMIT ?`,
    )
    .all(
      JSON.stringify(query.types),
      query.watchIds === 'all' ? null : 1,
      JSON.stringify(query.watchIds === 'all' ? [] : query.watchIds),
      query.limit,
    ) as EventRow[];
  return rows.map(toItem);
}

/** The newest events ever queued for a target (whatever became of their delivery), newest first. */
export function listRecentEventsForTarget(
  db: Db,
  target: string,
  query: Pick<RecentEventsQuery, 'types' | 'limit'>,
): NotificationItem[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.idempotency_key, e.payload, e.created_at FROM events e
       WHERE e.type IN (SELECT value FROM json_each(?))
         AND EXISTS (SELECT 1 FROM outbox o WHERE o.event_id = e.id AND o.target = ?)
       ORDER BY e.id DESC LIMIT ?`,
    )
    .all(JSON.stringify(query.types), target, query.limit) as EventRow[];
  return rows.map(toItem);
}

function toItem(row: EventRow): NotificationItem {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    event: JSON.parse(row.payload) as AdEvent,
    createdAt: row.created_at,
  };
}
