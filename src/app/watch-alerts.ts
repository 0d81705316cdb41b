import { randomUUID } from 'node:crypto';
import type { ResolvedConfig } from '../config/schema.js';
import type { AlertEvent } from '../domain/alert-events.js';
import type { WatchRef } from '../domain/events.js';
import { decideWatchEpisode } from '../domain/failure-episode.js';
import type { Watch } from '../domain/watch.js';
import { getWatchEpisode, saveWatchEpisode } from '../store/alert-episodes-repo.js';
import type { Db } from '../store/open-db.js';
import { recordEvent } from '../store/outbox-repo.js';
import { getWatch, recordCheckFailure } from '../store/watches-repo.js';
import type { CheckRecord } from './check-report.js';

/** The settings alerts read; absent ones turn watch alerts off and send to the watch's own targets. */
export type AlertSettings = Pick<ResolvedConfig, 'notify'> &
  Partial<Pick<ResolvedConfig, 'failureThreshold' | 'alertTargets'>>;

/** What a check run needs to raise watch alerts. */
export interface WatchAlertOptions {
  db: Db;
  settings: AlertSettings;
  now: () => Date;
  mask: (target: string) => string;
  report: (record: CheckRecord) => void;
  runId: number | null;
  dryRun: boolean;
}

/** A failed check as the run describes it. */
export interface CheckFailure {
  kind: string;
  message: string;
  hint: string | undefined;
}

/** The failure and recovery alerts of one check run's watches. */
export interface WatchAlerts {
  /**
   * Record a failed check and, once the watch reaches the threshold, its one alert, in one transaction.
   * Returns the watch's consecutive failures and the alert record to print after the error, if any.
   */
  watchFailed(watch: Watch, failure: CheckFailure): { consecutiveFailures: number; alert: CheckRecord | null };
  /** After a check recorded as successful: close the watch's episode, with a recovery message if it was alerted. */
  watchSucceeded(watch: Watch): void;
}

/** Who hears about a watch: the config's alertTargets when set, else the watch's own targets. */
export function alertRecipients(settings: AlertSettings, watchTargets: string[]): string[] {
  const configured = settings.alertTargets ?? [];
  if (configured.length > 0) return configured;
  return watchTargets.length > 0 ? watchTargets : settings.notify;
}

/** Watch alerts for one run; a dry run records nothing and alerts no one. */
export function createWatchAlerts(options: WatchAlertOptions): WatchAlerts {
  const { db } = options;
  const threshold = options.settings.failureThreshold ?? 0;
  const raise = (watch: Watch, event: AlertEvent, at: Date): CheckRecord => {
    const targets = alertRecipients(options.settings, watch.notify);
    recordEvent(db, { watchId: watch.id, runId: options.runId, event, idempotencyKey: randomUUID(), targets, now: at });
    return { type: 'alert', event, targets: targets.map(options.mask) };
  };
  return {
    watchFailed(watch, failure) {
      if (options.dryRun) return { consecutiveFailures: watch.lastCheck.consecutiveFailures + 1, alert: null };
      return db
        .transaction(() => {
          const at = options.now();
          recordCheckFailure(db, watch.id, { at, kind: failure.kind, message: failure.message });
          const consecutiveFailures = getWatch(db, watch.id)?.lastCheck.consecutiveFailures ?? 1;
          const decision = decideWatchEpisode(
            getWatchEpisode(db, watch.id),
            { ok: false, failures: consecutiveFailures },
            threshold,
            at,
          );
          saveWatchEpisode(db, watch.id, decision.episode);
          if (decision.alert !== 'failing' || decision.episode === null) return { consecutiveFailures, alert: null };
          const error = { kind: failure.kind, message: failure.message, ...hintOf(failure) };
          const event: AlertEvent = {
            type: 'watch_failing',
            watch: refOf(watch),
            error,
            failures: consecutiveFailures,
            failingSince: decision.episode.failingSince,
          };
          return { consecutiveFailures, alert: raise(watch, event, at) };
        })
        .immediate();
    },
    watchSucceeded(watch) {
      // Most checks have no episode to close: a read spares them a write transaction.
      if (options.dryRun || getWatchEpisode(db, watch.id) === null) return;
      const record = db
        .transaction(() => {
          const previous = getWatchEpisode(db, watch.id);
          if (previous === null) return null;
          const at = options.now();
          const decision = decideWatchEpisode(previous, { ok: true }, threshold, at);
          saveWatchEpisode(db, watch.id, decision.episode);
          if (decision.alert !== 'recovered') return null;
          const event: AlertEvent = {
            type: 'watch_recovered',
            watch: refOf(watch),
            failures: previous.failures,
            failingSince: previous.failingSince,
            recoveredAt: at.toISOString(),
          };
          return raise(watch, event, at);
        })
        .immediate();
      if (record !== null) options.report(record);
    },
  };
}

function hintOf(failure: CheckFailure): { hint?: string } {
  return failure.hint === undefined ? {} : { hint: failure.hint };
}

function refOf(watch: Watch): WatchRef {
  return { id: watch.id, name: watch.name, url: watch.url };
}
