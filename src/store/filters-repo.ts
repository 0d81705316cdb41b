import type { AdFilter, WatchFilter } from '../domain/ad-filter.js';
import type { ScreenedChanges } from '../domain/screen-changes.js';
import type { Db } from './open-db.js';
import { prepared } from './prepared.js';

/** A watch's own filter and whether the global one applies; an empty filter with the global one when none is set. */
export function getWatchFilter(db: Db, watchId: number): WatchFilter {
  const row = prepared(db, 'SELECT filter, use_global FROM watch_filters WHERE watch_id = ?').get(watchId) as
    | { filter: string; use_global: number }
    | undefined;
  if (!row) return { own: {}, useGlobal: true };
  return { own: JSON.parse(row.filter) as AdFilter, useGlobal: row.use_global === 1 };
}

/** Store a watch's filter, replacing the one it had. */
export function setWatchFilter(db: Db, watchId: number, filter: WatchFilter): void {
  prepared(
    db,
    `INSERT INTO watch_filters (watch_id, filter, use_global) VALUES (?, ?, ?)
     ON CONFLICT (watch_id) DO UPDATE SET filter = excluded.filter, use_global = excluded.use_global`,
  ).run(watchId, JSON.stringify(filter.own), filter.useGlobal ? 1 : 0);
}

/**
 * Remember, per ad, the rule that held back its last new-ad or price-change notification, or clear it when the
 * change was notified. Call after the ads are written.
 */
export function recordFilterVerdicts(
  db: Db,
  watchId: number,
  screened: Pick<ScreenedChanges, 'filtered'> & { changes: ReadonlyArray<{ ad: { id: number } }> },
): void {
  const update = prepared(db, 'UPDATE ads SET filtered_rule = ? WHERE watch_id = ? AND ad_id = ?');
  for (const change of screened.changes) update.run(null, watchId, change.ad.id);
  for (const { change, rule } of screened.filtered) update.run(rule, watchId, change.ad.id);
}

/** The ads of a watch whose last change a filter held back, with the rule, keyed by ad id. */
export function filteredAdRules(db: Db, watchId: number): Map<number, string> {
  const rows = prepared(
    db,
    'SELECT ad_id, filtered_rule FROM ads WHERE watch_id = ? AND filtered_rule IS NOT NULL',
  ).all(watchId) as Array<{ ad_id: number; filtered_rule: string }>;
  return new Map(rows.map((row) => [row.ad_id, row.filtered_rule]));
}
