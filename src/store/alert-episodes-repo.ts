import type { TargetEpisode, WatchEpisode } from '../domain/failure-episode.js';
import type { Db } from './open-db.js';
import { prepared } from './prepared.js';

/** A watch's open failure episode, or null when its last check succeeded. */
export function getWatchEpisode(db: Db, watchId: number): WatchEpisode | null {
  const row = prepared(
    db,
    'SELECT failing_since, failures, alerted_at FROM watch_alert_episodes WHERE watch_id = ?',
  ).get(watchId) as { failing_since: string; failures: number; alerted_at: string | null } | undefined;
  return row === undefined
    ? null
    : { failingSince: row.failing_since, failures: row.failures, alertedAt: row.alerted_at };
}

/** Store a watch's episode, or close it with null. */
export function saveWatchEpisode(db: Db, watchId: number, episode: WatchEpisode | null): void {
  if (episode === null) {
    prepared(db, 'DELETE FROM watch_alert_episodes WHERE watch_id = ?').run(watchId);
    return;
  }
  prepared(
    db,
    `INSERT INTO watch_alert_episodes (watch_id, failing_since, failures, alerted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (watch_id) DO UPDATE SET failing_since = excluded.failing_since, failures = excluded.failures,
       alerted_at = excluded.alerted_at`,
  ).run(watchId, episode.failingSince, episode.failures, episode.alertedAt);
}

/** A target's open episode with the watch whose notification died, or null when it is not dead. */
export function getTargetEpisode(db: Db, target: string): (TargetEpisode & { watchId: number }) | null {
  const row = prepared(db, 'SELECT dead_since, watch_id FROM target_alert_episodes WHERE target = ?').get(target) as
    | { dead_since: string; watch_id: number }
    | undefined;
  return row === undefined ? null : { deadSince: row.dead_since, watchId: row.watch_id };
}

/** Store a target's episode (naming the watch whose notification died), or close it with null. */
export function saveTargetEpisode(db: Db, target: string, episode: (TargetEpisode & { watchId: number }) | null): void {
  if (episode === null) {
    prepared(db, 'DELETE FROM target_alert_episodes WHERE target = ?').run(target);
    return;
  }
  prepared(
    db,
    `INSERT INTO target_alert_episodes (target, watch_id, dead_since) VALUES (?, ?, ?)
     ON CONFLICT (target) DO UPDATE SET watch_id = excluded.watch_id, dead_since = excluded.dead_since`,
  ).run(target, episode.watchId, episode.deadSince);
}
