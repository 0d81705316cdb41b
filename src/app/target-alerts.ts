import { randomUUID } from 'node:crypto';
import type { AlertEvent } from '../domain/alert-events.js';
import type { WatchRef } from '../domain/events.js';
import { decideTargetEpisode } from '../domain/failure-episode.js';
import { getTargetEpisode, saveTargetEpisode } from '../store/alert-episodes-repo.js';
import type { Db } from '../store/open-db.js';
import { recordEvent } from '../store/outbox-repo.js';
import { getWatch } from '../store/watches-repo.js';
import type { CheckRecord } from './check-report.js';
import { type AlertSettings, alertRecipients } from './watch-alerts.js';

/** What a run's delivery needs to raise target alerts. */
export interface TargetAlertOptions {
  db: Db;
  settings: Partial<AlertSettings>;
  now: () => Date;
  mask: (target: string) => string;
}

/** The dead-target alerts of one run's delivery. */
export interface TargetAlerts {
  /**
   * A notification to `target` died: the first death of an episode tells the other targets. Call inside the
   * transaction that marks the row dead; returns the record to print once it is committed.
   */
  died(target: string, watchId: number, watch: WatchRef, error: string): CheckRecord | null;
  /** A notification reached `target`: an open episode closes with an all-clear to the others. */
  delivered(target: string): CheckRecord | null;
  /** Whether an alert was queued since the last call, so the run can deliver it before it ends. */
  takeRaised(): boolean;
}

/** Target alerts for one run; off, like watch alerts, when failureThreshold is 0 or not given. */
export function createTargetAlerts(options: TargetAlertOptions): TargetAlerts {
  const { db } = options;
  const enabled = (options.settings.failureThreshold ?? 0) > 0;
  // Targets already seen delivering in this run: their episode, if any, is closed.
  const healthy = new Set<string>();
  let raised = false;

  const raise = (target: string, watchId: number, event: AlertEvent, at: Date): CheckRecord => {
    const watchTargets = getWatch(db, watchId)?.notify ?? [];
    const settings = { notify: options.settings.notify ?? [], alertTargets: options.settings.alertTargets ?? [] };
    // A dead target would not hear its own alert, and the point is to tell someone else.
    const targets = alertRecipients(settings, watchTargets).filter((other) => other !== target);
    recordEvent(db, { watchId, runId: null, event, idempotencyKey: randomUUID(), targets, now: at });
    if (targets.length > 0) raised = true;
    return { type: 'alert', event, targets: targets.map(options.mask) };
  };

  return {
    died(target, watchId, watch, error) {
      if (!enabled) return null;
      healthy.delete(target);
      const at = options.now();
      const decision = decideTargetEpisode(getTargetEpisode(db, target), 'dead', at);
      if (decision.alert !== 'dead' || decision.episode === null) return null;
      saveTargetEpisode(db, target, { ...decision.episode, watchId });
      const event: AlertEvent = { type: 'target_dead', watch, target: options.mask(target), error };
      return raise(target, watchId, event, at);
    },
    delivered(target) {
      if (!enabled || healthy.has(target)) return null;
      healthy.add(target);
      if (getTargetEpisode(db, target) === null) return null;
      return db
        .transaction(() => {
          const previous = getTargetEpisode(db, target);
          const at = options.now();
          const decision = decideTargetEpisode(previous, 'delivered', at);
          if (previous === null || decision.alert !== 'recovered') return null;
          saveTargetEpisode(db, target, null);
          const watch = getWatch(db, previous.watchId);
          if (watch === undefined) return null;
          const event: AlertEvent = {
            type: 'target_recovered',
            watch: { id: watch.id, name: watch.name, url: watch.url },
            target: options.mask(target),
            deadSince: previous.deadSince,
            recoveredAt: at.toISOString(),
          };
          return raise(target, previous.watchId, event, at);
        })
        .immediate();
    },
    takeRaised() {
      const was = raised;
      raised = false;
      return was;
    },
  };
}
