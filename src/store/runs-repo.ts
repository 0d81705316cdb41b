import type { Db } from './open-db.js';

/** A finished or unfinished `check` run. */
export interface CheckRun {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  pid: number;
  watchesChecked: number;
  watchesFailed: number;
  newAds: number;
  priceChanges: number;
  deliveriesFailed: number;
  exitCode: number | null;
}

/** Record the start of a run; returns its id. */
export function startRun(db: Db, now: Date, pid: number): number {
  const result = db.prepare('INSERT INTO check_runs (started_at, pid) VALUES (?, ?)').run(now.toISOString(), pid);
  return Number(result.lastInsertRowid);
}

/** Record how a run ended. */
export function finishRun(
  db: Db,
  id: number,
  summary: Omit<CheckRun, 'id' | 'startedAt' | 'finishedAt' | 'pid'>,
  now: Date,
): void {
  db.prepare(
    `UPDATE check_runs SET finished_at = ?, watches_checked = ?, watches_failed = ?, new_ads = ?, price_changes = ?,
       deliveries_failed = ?, exit_code = ? WHERE id = ?`,
  ).run(
    now.toISOString(),
    summary.watchesChecked,
    summary.watchesFailed,
    summary.newAds,
    summary.priceChanges,
    summary.deliveriesFailed,
    summary.exitCode,
    id,
  );
}

/** The most recent run, finished or not. */
export function lastRun(db: Db): CheckRun | undefined {
  const row = db.prepare('SELECT * FROM check_runs ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
  return row ? toRun(row) : undefined;
}

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  pid: number;
  watches_checked: number;
  watches_failed: number;
  new_ads: number;
  price_changes: number;
  deliveries_failed: number;
  exit_code: number | null;
}

function toRun(row: RunRow): CheckRun {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    pid: row.pid,
    watchesChecked: row.watches_checked,
    watchesFailed: row.watches_failed,
    newAds: row.new_ads,
    priceChanges: row.price_changes,
    deliveriesFailed: row.deliveries_failed,
    exitCode: row.exit_code,
  };
}
