import type { ResolvedConfig } from '../config/schema.js';
import type { OutboxItem } from '../domain/alert-events.js';
import type { DeliveryOutcome } from '../domain/delivery.js';
import { nextAttemptDelayMs } from '../domain/delivery-backoff.js';
import type { WatchRef } from '../domain/events.js';
import { mergeNotifications } from '../domain/merge-notifications.js';
import type { Db } from '../store/open-db.js';
import {
  deferNotifications,
  describeWaiting,
  listDueNotifications,
  listHeldNotifications,
  markDelivered,
  markFailed,
  type PendingNotification,
} from '../store/outbox-repo.js';
import type { CheckRecord } from './check-report.js';
import { createTargetAlerts } from './target-alerts.js';
import type { AlertSettings } from './watch-alerts.js';

/**
 * Sends one batch (everything due for one target, each event once) and reports each message's outcome as soon as it is known. Stops
 * before the next message once `signal` is aborted; messages it never sent get no outcome.
 */
export type SendBatch = (
  target: string,
  items: OutboxItem[],
  onOutcome: (outcome: DeliveryOutcome) => void,
  signal: AbortSignal,
) => Promise<void>;

/** What a run's delivery did. */
export interface DeliveryTally {
  delivered: number;
  /** Notifications left waiting for a target that failed this run. */
  retries: number;
  dead: number;
}

/** The delivery of one check run: called before and after the scrape, then asked once for its tally. */
export interface OutboxDelivery {
  /** Deliver every due outbox row, except to targets that already failed in this run. */
  deliverDue(): Promise<void>;
  /**
   * Report one line per target that failed in this run and one per target with held notifications, and return
   * what the run delivered.
   */
  finish(): DeliveryTally;
}

/** How a run delivers (a check run's own dependencies fit); `report` receives the per-target failure lines. */
export interface DeliveryOptions {
  db: Db;
  now: () => Date;
  send: SendBatch;
  settings: Pick<ResolvedConfig, 'deliveryMaxAttempts' | 'deliveryBackoffMs'> & Partial<AlertSettings>;
  signal: AbortSignal;
  mask: (target: string) => string;
  report: (record: CheckRecord) => void;
}

/** What went wrong with one target during the run. */
interface TargetTrouble {
  /** Set once the target failed a message after its in-run retries: nothing more is sent to it this run. */
  held: { error: string; attempts: number; until: Date; watch: WatchRef } | null;
  dead: { rows: number; error: string; attempts: number; watch: WatchRef } | null;
}

/**
 * Targets are served concurrently so a slow or dead one never delays another; a target gets everything due for
 * it as one batch, which its channel packs into as few messages as it allows. Each message's rows are marked as soon as its outcome is known, so a crash re-sends at most
 * the message in flight. A target whose message still fails after its in-run retries is down: every other row
 * for it waits until the failed one's next attempt, so a dead receiver costs one message's retries per run,
 * not one per notification.
 */
export function createOutboxDelivery(options: DeliveryOptions): OutboxDelivery {
  const troubles = new Map<string, TargetTrouble>();
  const tally: DeliveryTally = { delivered: 0, retries: 0, dead: 0 };
  const targetAlerts = createTargetAlerts(options);
  const reportAlert = (record: CheckRecord | null): void => {
    if (record !== null) options.report(record);
  };
  const troubleOf = (target: string): TargetTrouble => {
    let trouble = troubles.get(target);
    if (trouble === undefined) {
      trouble = { held: null, dead: null };
      troubles.set(target, trouble);
    }
    return trouble;
  };

  const deliverToTarget = async (target: string, rows: PendingNotification[]): Promise<void> => {
    const heldBefore = troubles.get(target)?.held;
    if (heldBefore) {
      deferNotifications(
        options.db,
        rows.map((row) => row.id),
        heldBefore.until,
      );
      return;
    }
    const hold = new AbortController();
    const signal = AbortSignal.any([options.signal, hold.signal]);
    const settledIds = new Set<number>();
    const byId = new Map(rows.map((row) => [row.id, row]));
    // One message per event: the rows several watches queued for the same ad travel, and are marked, together.
    const merged = mergeNotifications(rows.map(toItem));
    const rowIdsOf = new Map(merged.map((entry) => [entry.item.id, entry.rowIds]));
    const settle = (outcome: DeliveryOutcome): void => {
      const itemIds = outcome.itemIds.flatMap((id) => rowIdsOf.get(id) ?? [id]);
      for (const id of itemIds) settledIds.add(id);
      if (settleOutcome({ ...outcome, itemIds }, byId, target) === 'target_down') hold.abort();
    };
    try {
      await options.send(
        target,
        merged.map((entry) => entry.item),
        settle,
        signal,
      );
    } catch (error) {
      // A sender that throws never reported its remaining rows; each counts as one more failed attempt.
      const message = error instanceof Error ? error.message : String(error);
      const unsettled = [...byId.keys()].filter((id) => !settledIds.has(id));
      settle({ itemIds: unsettled, result: { status: 'retry', error: message } });
    }
    const held = troubles.get(target)?.held;
    if (held) {
      const untried = rows.filter((row) => !settledIds.has(row.id)).map((row) => row.id);
      deferNotifications(options.db, untried, held.until);
    }
  };

  /** Record one message's outcome; says whether the target should be left alone for the rest of the run. */
  const settleOutcome = (
    outcome: DeliveryOutcome,
    rows: Map<number, PendingNotification>,
    target: string,
  ): 'ok' | 'target_down' => {
    const settled = outcome.itemIds
      .map((id) => rows.get(id))
      .filter((row): row is PendingNotification => row !== undefined);
    if (settled.length === 0) return 'ok';
    const ids = settled.map((row) => row.id);
    const at = options.now();
    const { result } = outcome;
    if (result.status === 'delivered') {
      markDelivered(options.db, ids, at);
      tally.delivered += ids.length;
      reportAlert(targetAlerts.delivered(target));
      return 'ok';
    }
    const attempts = Math.max(...settled.map((row) => row.attempts)) + 1;
    const watch = (settled[0] as PendingNotification).event.watch;
    const retryAfterMs = result.status === 'retry' ? result.retryAfterMs : undefined;
    const retryAt = new Date(
      at.getTime() + nextAttemptDelayMs(attempts, options.settings.deliveryBackoffMs, retryAfterMs),
    );
    const dead = result.status === 'dead' || attempts >= options.settings.deliveryMaxAttempts;
    // A dead row is never tried again; its next-attempt time records when it died (status reports recent deaths).
    const alert = options.db.transaction(() => {
      markFailed(options.db, ids, { error: result.error, dead, nextAttemptAt: dead ? at : retryAt });
      return dead ? targetAlerts.died(target, (settled[0] as PendingNotification).watchId, watch, result.error) : null;
    })();
    reportAlert(alert);
    const trouble = troubleOf(target);
    if (dead) {
      tally.dead += ids.length;
      trouble.dead = { rows: (trouble.dead?.rows ?? 0) + ids.length, error: result.error, attempts, watch };
    }
    if (result.status === 'dead') return 'ok';
    // A failure worth retrying says the target is unwell, not the message: the rest would fail the same way.
    if (trouble.held === null || retryAt > trouble.held.until) {
      trouble.held = { error: result.error, attempts, until: retryAt, watch };
    }
    return 'target_down';
  };

  return {
    async deliverDue() {
      // A target that died in this pass has alerted the others: one more pass delivers that alert now.
      for (let pass = 0; pass < 2 && (pass === 0 || targetAlerts.takeRaised()); pass += 1) {
        if (options.signal.aborted) break;
        const due = listDueNotifications(options.db, options.now());
        await Promise.all(
          [...groupBy(due, (row) => row.target)].map(([target, rows]) => deliverToTarget(target, rows)),
        );
      }
    },
    finish() {
      for (const [target, trouble] of troubles) {
        const masked = options.mask(target);
        if (trouble.dead) {
          const { rows, error, attempts, watch } = trouble.dead;
          options.report({
            type: 'delivery_failed',
            target: masked,
            watch,
            notifications: rows,
            dead: true,
            attempts,
            error,
            nextAttemptAt: null,
          });
        }
        if (trouble.held) {
          const waiting = describeWaiting(options.db, target, options.now());
          tally.retries += waiting.pending;
          if (waiting.pending === 0) continue;
          const { error, attempts, watch } = trouble.held;
          options.report({
            type: 'delivery_failed',
            target: masked,
            watch,
            notifications: waiting.pending,
            dead: false,
            attempts,
            error,
            nextAttemptAt: waiting.nextAttemptAt,
          });
        }
      }
      for (const held of listHeldNotifications(options.db, options.now())) {
        options.report({ type: 'held', ...held, target: options.mask(held.target) });
      }
      return { ...tally };
    },
  };
}

function toItem(row: PendingNotification): OutboxItem {
  const item = {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    event: row.event,
    createdAt: row.createdAt,
  } as OutboxItem;
  return row.heldUntil === null ? item : ({ ...item, digest: true } as OutboxItem);
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
