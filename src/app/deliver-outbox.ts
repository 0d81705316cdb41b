import type { DeliveryOutcome } from '../domain/delivery.js';
import type { NotificationItem, WatchRef } from '../domain/events.js';
import type { Db } from '../store/open-db.js';
import { listDueNotifications, markDelivered, markFailed, type PendingNotification } from '../store/outbox-repo.js';
import type { CheckRecord } from './check-report.js';
import { nextAttemptDelayMs } from './delivery-backoff.js';

/** Sends one batch (one watch, one target) and reports each message's outcome as soon as it is known. */
export type SendBatch = (
  target: string,
  items: NotificationItem[],
  onOutcome: (outcome: DeliveryOutcome) => void,
) => Promise<void>;

/** What a delivery pass did. */
export interface DeliveryTally {
  delivered: number;
  retries: number;
  dead: number;
}

/**
 * Deliver every due outbox row. Targets are served concurrently so a slow or dead one never delays
 * another; within a target, batches go one after another. Each message's rows are marked as soon as its
 * outcome is known, so a crash re-sends at most the message in flight.
 */
export async function deliverOutbox(options: {
  db: Db;
  now: () => Date;
  send: SendBatch;
  maxAttempts: number;
  backoffBaseMs: number;
  signal: AbortSignal;
  mask: (target: string) => string;
  report: (record: CheckRecord) => void;
}): Promise<DeliveryTally> {
  const { db, now } = options;
  const tally: DeliveryTally = { delivered: 0, retries: 0, dead: 0 };
  const due = listDueNotifications(db, now());
  const byTarget = groupBy(due, (row) => row.target);
  await Promise.all(
    [...byTarget].map(async ([target, rows]) => {
      for (const batch of groupBy(rows, (row) => row.watchId).values()) {
        if (options.signal.aborted) return;
        const byId = new Map(batch.map((row) => [row.id, row]));
        const settle = (outcome: DeliveryOutcome): void => settleOutcome(outcome, byId, target, tally, options);
        try {
          await options.send(target, batch.map(toItem), settle);
        } catch (error) {
          // A sender that throws has not told us which rows went out; count them all as one more failed attempt.
          const message = error instanceof Error ? error.message : String(error);
          settle({ itemIds: [...byId.keys()], result: { status: 'retry', error: message } });
        }
      }
    }),
  );
  return tally;
}

function settleOutcome(
  outcome: DeliveryOutcome,
  rows: Map<number, PendingNotification>,
  target: string,
  tally: DeliveryTally,
  options: {
    db: Db;
    now: () => Date;
    maxAttempts: number;
    backoffBaseMs: number;
    mask: (t: string) => string;
    report: (r: CheckRecord) => void;
  },
): void {
  const settled = outcome.itemIds
    .map((id) => rows.get(id))
    .filter((row): row is PendingNotification => row !== undefined);
  if (settled.length === 0) return;
  const ids = settled.map((row) => row.id);
  const at = options.now();
  const { result } = outcome;
  if (result.status === 'delivered') {
    markDelivered(options.db, ids, at);
    tally.delivered += ids.length;
    return;
  }
  const attempts = Math.max(...settled.map((row) => row.attempts)) + 1;
  const dead = result.status === 'dead' || attempts >= options.maxAttempts;
  const retryAfterMs = result.status === 'retry' ? result.retryAfterMs : undefined;
  // A dead row is never tried again; its next-attempt time records when it died (status reports recent deaths).
  const nextAttemptAt = dead
    ? at
    : new Date(at.getTime() + nextAttemptDelayMs(attempts, options.backoffBaseMs, retryAfterMs));
  markFailed(options.db, ids, { error: result.error, dead, nextAttemptAt });
  if (dead) tally.dead += ids.length;
  else tally.retries += ids.length;
  const first = settled[0] as PendingNotification;
  const watch: WatchRef = first.event.watch;
  options.report({
    type: 'delivery_failed',
    target: options.mask(target),
    watch,
    notifications: ids.length,
    dead,
    attempts,
    error: result.error,
  });
}

function toItem(row: PendingNotification): NotificationItem {
  return { id: row.id, idempotencyKey: row.idempotencyKey, event: row.event, createdAt: row.createdAt };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
