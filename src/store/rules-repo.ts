import type { DigestChoice } from '../domain/quiet-hours.js';
import type { WatchRules } from '../domain/watch-rules.js';
import type { Db } from './open-db.js';
import { prepared } from './prepared.js';

/** A watch's own notification rules; empty when it has none (every rule then comes from the defaults). */
export function getWatchRules(db: Db, watchId: number): WatchRules {
  const row = prepared(db, 'SELECT rules FROM watch_rules WHERE watch_id = ?').get(watchId) as
    | { rules: string }
    | undefined;
  return row ? (JSON.parse(row.rules) as WatchRules) : {};
}

/** Store a watch's own rules, replacing the ones it had; empty rules remove the row. */
export function setWatchRules(db: Db, watchId: number, rules: WatchRules): void {
  if (Object.keys(rules).length === 0) {
    prepared(db, 'DELETE FROM watch_rules WHERE watch_id = ?').run(watchId);
    return;
  }
  prepared(
    db,
    `INSERT INTO watch_rules (watch_id, rules) VALUES (?, ?)
     ON CONFLICT (watch_id) DO UPDATE SET rules = excluded.rules`,
  ).run(watchId, JSON.stringify(rules));
}

/** Set a watch's own digest choice, keeping its other rules. */
export function setWatchDigest(db: Db, watchId: number, digest: DigestChoice): void {
  setWatchRules(db, watchId, { ...getWatchRules(db, watchId), digest });
}
