import type { NotificationItem, WatchRef } from './events.js';

/** A watch failed `failureThreshold` checks in a row: the first message of its failure episode. */
export interface WatchFailingEvent {
  type: 'watch_failing';
  watch: WatchRef;
  /** The last check's error, and what the user can do about it when something helps. */
  error: { kind: string; message: string; hint?: string };
  failures: number;
  /** When the first failed check of the episode ran (ISO 8601). */
  failingSince: string;
}

/** A watch that was reported failing succeeded again: the last message of its episode. */
export interface WatchRecoveredEvent {
  type: 'watch_recovered';
  watch: WatchRef;
  failures: number;
  failingSince: string;
  recoveredAt: string;
}

/** A notification target gave up a notification: the other targets hear it once per episode. */
export interface TargetDeadEvent {
  type: 'target_dead';
  /** The watch whose notification died. */
  watch: WatchRef;
  /** The target with its secrets masked: alerts travel to other services. */
  target: string;
  error: string;
}

/** A target that had gone dead delivered again. */
export interface TargetRecoveredEvent {
  type: 'target_recovered';
  watch: WatchRef;
  target: string;
  deadSince: string;
  recoveredAt: string;
}

/** Messages about pyhabot itself rather than about an ad: plain text in every channel. */
export type AlertEvent = WatchFailingEvent | WatchRecoveredEvent | TargetDeadEvent | TargetRecoveredEvent;

/** Every alert type, as the events table stores it. */
export const ALERT_TYPES: ReadonlySet<string> = new Set<AlertEvent['type']>([
  'watch_failing',
  'watch_recovered',
  'target_dead',
  'target_recovered',
]);

/** One pending alert bound for one target; shaped like an ad notification so it travels the same outbox. */
export interface AlertItem {
  id: number;
  idempotencyKey: string;
  event: AlertEvent;
  createdAt: string;
}

/** Whether an outbox item carries an alert rather than an ad event. */
export function isAlertItem(item: { event: { type: string } }): item is AlertItem {
  return ALERT_TYPES.has(item.event.type);
}

/** What the outbox delivers: an ad's notification or an alert. */
export type OutboxItem = NotificationItem | AlertItem;
