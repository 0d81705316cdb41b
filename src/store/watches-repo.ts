import type { Watch, WatchCheckStatus } from '../domain/watch.js';
import type { Db } from './open-db.js';
import { prepared } from './prepared.js';

interface WatchRow {
  id: number;
  name: string;
  url: string;
  enabled: number;
  notify_existing: number;
  max_pages: number | null;
  seen_up_to_id: number | null;
  created_at: string;
  updated_at: string;
  baseline_done: number;
  last_check_at: string | null;
  last_status: WatchCheckStatus | null;
  last_ads_seen: number | null;
  last_events: number | null;
  last_error_kind: string | null;
  last_error_message: string | null;
  consecutive_failures: number;
  last_success_at: string | null;
}

/** Fields a caller sets when creating a watch. */
export interface NewWatch {
  name: string;
  url: string;
  enabled?: boolean;
  notify?: string[];
  notifyExisting?: boolean;
  maxPages?: number | null;
  seenUpToId?: number | null;
}

/** Fields `edit` may change. */
export interface WatchChanges {
  name?: string;
  url?: string;
  enabled?: boolean;
  notify?: string[];
  notifyExisting?: boolean;
  maxPages?: number | null;
}

/** Every watch, ordered by id. */
export function listWatches(db: Db): Watch[] {
  const rows = db.prepare('SELECT * FROM watches ORDER BY id').all() as WatchRow[];
  const targets = targetsByWatch(db);
  return rows.map((row) => toWatch(row, targets.get(row.id) ?? []));
}

/** One watch, or undefined. */
export function getWatch(db: Db, id: number): Watch | undefined {
  const row = db.prepare('SELECT * FROM watches WHERE id = ?').get(id) as WatchRow | undefined;
  return row ? toWatch(row, watchTargets(db, id)) : undefined;
}

/** The watch with this canonical URL, or undefined. */
export function findWatchByUrl(db: Db, url: string): Watch | undefined {
  const row = db.prepare('SELECT * FROM watches WHERE url = ?').get(url) as WatchRow | undefined;
  return row ? toWatch(row, watchTargets(db, row.id)) : undefined;
}

/** Insert a watch and its targets; returns the stored watch. */
export function insertWatch(db: Db, watch: NewWatch, now: Date): Watch {
  const at = now.toISOString();
  const id = db.transaction(() => {
    const result = db
      .prepare(
        `INSERT INTO watches (name, url, enabled, notify_existing, max_pages, seen_up_to_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        watch.name,
        watch.url,
        watch.enabled === false ? 0 : 1,
        watch.notifyExisting ? 1 : 0,
        watch.maxPages ?? null,
        watch.seenUpToId ?? null,
        at,
        at,
      );
    const newId = Number(result.lastInsertRowid);
    replaceTargets(db, newId, watch.notify ?? []);
    return newId;
  })();
  return getWatch(db, id) as Watch;
}

/** Apply changes to a watch; returns the updated watch. A changed URL starts a new baseline. */
export function updateWatch(db: Db, id: number, changes: WatchChanges, now: Date): Watch {
  db.transaction(() => {
    const sets: string[] = [];
    const values: unknown[] = [];
    if (changes.name !== undefined) push('name', changes.name);
    if (changes.enabled !== undefined) push('enabled', changes.enabled ? 1 : 0);
    if (changes.notifyExisting !== undefined) push('notify_existing', changes.notifyExisting ? 1 : 0);
    if (changes.maxPages !== undefined) push('max_pages', changes.maxPages);
    if (changes.url !== undefined) {
      const current = db.prepare('SELECT url FROM watches WHERE id = ?').get(id) as { url: string } | undefined;
      if (current && current.url !== changes.url) {
        // Ads seen under another search say nothing about this one.
        push('url', changes.url);
        push('baseline_done', 0);
        push('seen_up_to_id', null);
        db.prepare('DELETE FROM ads WHERE watch_id = ?').run(id);
      }
    }
    push('updated_at', now.toISOString());
    db.prepare(`UPDATE watches SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    if (changes.notify !== undefined) replaceTargets(db, id, changes.notify);

    function push(column: string, value: unknown): void {
      sets.push(`${column} = ?`);
      values.push(value);
    }
  })();
  return getWatch(db, id) as Watch;
}

/** Delete watches with everything recorded for them; all or nothing. */
export function deleteWatches(db: Db, ids: number[]): void {
  db.transaction(() => {
    const remove = db.prepare('DELETE FROM watches WHERE id = ?');
    for (const id of ids) remove.run(id);
  })();
}

/** Forget what these watches have seen, so their next check reports every current ad again. */
export function resetWatchBaselines(db: Db, ids: number[], now: Date): void {
  db.transaction(() => {
    for (const id of ids) {
      db.prepare('DELETE FROM ads WHERE watch_id = ?').run(id);
      db.prepare(
        // baseline_done = 1: the next check reports every ad it finds instead of recording them silently.
        'UPDATE watches SET baseline_done = 1, seen_up_to_id = NULL, updated_at = ? WHERE id = ?',
      ).run(now.toISOString(), id);
    }
  })();
}

function replaceTargets(db: Db, watchId: number, targets: string[]): void {
  db.prepare('DELETE FROM watch_targets WHERE watch_id = ?').run(watchId);
  const insert = db.prepare('INSERT OR IGNORE INTO watch_targets (watch_id, position, target) VALUES (?, ?, ?)');
  for (const [position, target] of targets.entries()) insert.run(watchId, position, target);
}

function watchTargets(db: Db, watchId: number): string[] {
  const rows = db
    .prepare('SELECT target FROM watch_targets WHERE watch_id = ? ORDER BY position')
    .all(watchId) as Array<{ target: string }>;
  return rows.map((row) => row.target);
}

function targetsByWatch(db: Db): Map<number, string[]> {
  const rows = db.prepare('SELECT watch_id, target FROM watch_targets ORDER BY watch_id, position').all() as Array<{
    watch_id: number;
    target: string;
  }>;
  const byWatch = new Map<number, string[]>();
  for (const row of rows) {
    const list = byWatch.get(row.watch_id) ?? [];
    list.push(row.target);
    byWatch.set(row.watch_id, list);
  }
  return byWatch;
}

function toWatch(row: WatchRow, notify: string[]): Watch {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    enabled: row.enabled === 1,
    notify,
    notifyExisting: row.notify_existing === 1,
    maxPages: row.max_pages,
    seenUpToId: row.seen_up_to_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastCheck: {
      baselineDone: row.baseline_done === 1,
      checkedAt: row.last_check_at,
      status: row.last_status,
      adsSeen: row.last_ads_seen,
      events: row.last_events,
      errorKind: row.last_error_kind,
      errorMessage: row.last_error_message,
      consecutiveFailures: row.consecutive_failures,
      lastSuccessAt: row.last_success_at,
    },
  };
}

/** Record a successful check of a watch. */
export function recordCheckSuccess(
  db: Db,
  id: number,
  outcome: { at: Date; baseline: boolean; adsSeen: number; events: number },
): void {
  const at = outcome.at.toISOString();
  prepared(
    db,
    `UPDATE watches SET baseline_done = 1, last_check_at = ?, last_status = ?, last_ads_seen = ?, last_events = ?,
       last_error_kind = NULL, last_error_message = NULL, consecutive_failures = 0, last_success_at = ?
     WHERE id = ?`,
  ).run(at, outcome.baseline ? 'baseline' : 'ok', outcome.adsSeen, outcome.events, at, id);
}

/** Record a failed check of a watch; what it has seen is left as it was. */
export function recordCheckFailure(db: Db, id: number, outcome: { at: Date; kind: string; message: string }): void {
  prepared(
    db,
    `UPDATE watches SET last_check_at = ?, last_status = 'error', last_events = 0, last_error_kind = ?,
       last_error_message = ?, consecutive_failures = consecutive_failures + 1
     WHERE id = ?`,
  ).run(outcome.at.toISOString(), outcome.kind, outcome.message, id);
}
