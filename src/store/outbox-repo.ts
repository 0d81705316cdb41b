import type { AlertEvent, AlertItem } from '../domain/alert-events.js';
import type { AdEvent, NotificationItem } from '../domain/events.js';
import type { Db } from './open-db.js';

/** Record an event and queue one outbox row per target; call inside the watch's transaction. */
export function recordEvent(
  db: Db,
  input: {
    watchId: number;
    runId: number | null;
    event: AdEvent | AlertEvent;
    idempotencyKey: string;
    targets: string[];
    now: Date;
    /** Until when a target's notification waits (quiet hours, digest); null or absent sends it at once. */
    holdUntil?: (target: string) => Date | null;
  },
): number {
  const at = input.now.toISOString();
  const result = db
    .prepare(
      `INSERT INTO events (watch_id, run_id, type, ad_id, idempotency_key, payload, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.watchId,
      input.runId,
      input.event.type,
      // Alerts are about a watch or a target, not an ad.
      'ad' in input.event ? input.event.ad.id : null,
      input.idempotencyKey,
      JSON.stringify(input.event),
      at,
    );
  const eventId = Number(result.lastInsertRowid);
  const enqueue = db.prepare(
    `INSERT OR IGNORE INTO outbox (event_id, target, status, attempts, next_attempt_at, created_at, held_until)
     VALUES (?, ?, 'pending', 0, ?, ?, ?)`,
  );
  for (const target of input.targets) {
    const held = input.holdUntil?.(target)?.toISOString() ?? null;
    enqueue.run(eventId, target, held ?? at, at, held);
  }
  return eventId;
}

/** A pending outbox row with its event (an ad's or an alert), ready to send. */
export type PendingNotification = (NotificationItem | AlertItem) & {
  target: string;
  watchId: number;
  attempts: number;
  /** When the row was released from quiet hours or a digest; null for a row that never waited. */
  heldUntil: string | null;
};

/** Pending rows whose next attempt is due, oldest first. */
export function listDueNotifications(db: Db, now: Date): PendingNotification[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.target, o.attempts, o.held_until, e.watch_id, e.idempotency_key, e.payload, e.created_at
       FROM outbox o JOIN events e ON e.id = o.event_id
       WHERE o.status = 'pending' AND o.next_attempt_at <= ?
       ORDER BY o.id`,
    )
    .all(now.toISOString()) as Array<{
    id: number;
    target: string;
    attempts: number;
    held_until: string | null;
    watch_id: number;
    idempotency_key: string;
    payload: string;
    created_at: string;
  }>;
  // The payload was written from the event of the row's own type: an ad event or an alert.
  return rows.map(
    (row) =>
      ({
        id: row.id,
        target: row.target,
        attempts: row.attempts,
        heldUntil: row.held_until,
        watchId: row.watch_id,
        idempotencyKey: row.idempotency_key,
        event: JSON.parse(row.payload) as AdEvent | AlertEvent,
        createdAt: row.created_at,
      }) as PendingNotification,
  );
}

/** Mark rows delivered once their target accepted them. */
export function markDelivered(db: Db, ids: number[], now: Date): void {
  const update = db.prepare(
    `UPDATE outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = NULL
     WHERE id = ? AND status = 'pending'`,
  );
  db.transaction(() => {
    for (const id of ids) update.run(now.toISOString(), id);
  })();
}

/** Record a failed attempt: the row stays pending until `nextAttemptAt`, or becomes dead. */
export function markFailed(
  db: Db,
  ids: number[],
  failure: { error: string; dead: boolean; nextAttemptAt: Date },
): void {
  const update = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
       status = CASE WHEN ? THEN 'dead' ELSE status END
     WHERE id = ? AND status = 'pending'`,
  );
  db.transaction(() => {
    for (const id of ids) update.run(failure.error, failure.nextAttemptAt.toISOString(), failure.dead ? 1 : 0, id);
  })();
}

/** Leave rows that were never sent for a target that is down until `until`; no attempt is counted. */
export function deferNotifications(db: Db, ids: number[], until: Date): void {
  const update = db.prepare(
    `UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at < ?`,
  );
  const at = until.toISOString();
  db.transaction(() => {
    for (const id of ids) update.run(at, id, at);
  })();
}

/** Notifications still held (quiet hours or a digest) for one target, and when the first is released. */
export interface HeldNotifications {
  target: string;
  notifications: number;
  /** ISO 8601. */
  releasedAt: string;
}

/** Rows held past `now`, per target, soonest release first. */
export function listHeldNotifications(db: Db, now: Date): HeldNotifications[] {
  const rows = db
    .prepare(
      `SELECT target, COUNT(*) AS n, MIN(held_until) AS released FROM outbox
       WHERE status = 'pending' AND held_until IS NOT NULL AND held_until > ?
       GROUP BY target ORDER BY released, target`,
    )
    .all(now.toISOString()) as Array<{ target: string; n: number; released: string }>;
  return rows.map((row) => ({ target: row.target, notifications: row.n, releasedAt: row.released }));
}

/** How many rows wait for one target to recover, and when the first of them is due. */
export function describeWaiting(db: Db, target: string, now: Date): { pending: number; nextAttemptAt: string | null } {
  // Rows still held for quiet hours or a digest wait by choice, not for the target to recover.
  const row = db
    .prepare(
      `SELECT COUNT(*) AS pending, MIN(next_attempt_at) AS next FROM outbox
       WHERE target = ? AND status = 'pending' AND (held_until IS NULL OR held_until <= ?)`,
    )
    .get(target, now.toISOString()) as { pending: number; next: string | null };
  return { pending: row.pending, nextAttemptAt: row.next };
}

/** Counts of outbox rows by status. */
export function countOutbox(db: Db): { pending: number; delivered: number; dead: number } {
  const rows = db.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as Array<{
    status: 'pending' | 'delivered' | 'dead';
    n: number;
  }>;
  const counts = { pending: 0, delivered: 0, dead: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Dead notifications with their last error, newest first. */
export function listDeadNotifications(
  db: Db,
  limit = 20,
): Array<{
  id: number;
  target: string;
  watchId: number;
  lastError: string | null;
  attempts: number;
  type: string;
  /** Null for an alert, which is about a watch or a target. */
  adId: number | null;
}> {
  return (
    db
      .prepare(
        `SELECT o.id, o.target, e.watch_id, o.last_error, o.attempts, e.type, e.ad_id
         FROM outbox o JOIN events e ON e.id = o.event_id WHERE o.status = 'dead' ORDER BY o.id DESC LIMIT ?`,
      )
      .all(limit) as Array<{
      id: number;
      target: string;
      watch_id: number;
      last_error: string | null;
      attempts: number;
      type: string;
      ad_id: number | null;
    }>
  ).map((row) => ({
    id: row.id,
    target: row.target,
    watchId: row.watch_id,
    lastError: row.last_error,
    attempts: row.attempts,
    type: row.type,
    adId: row.ad_id,
  }));
}

/** Dead rows that died at or after `since` (a dead row's next-attempt time is when it died). */
export function countDeadSince(db: Db, since: Date): number {
  const row = db
    .prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'dead' AND next_attempt_at >= ?")
    .get(since.toISOString()) as { n: number };
  return row.n;
}
