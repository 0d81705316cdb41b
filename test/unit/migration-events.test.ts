import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { openDb } from '../../src/store/open-db.js';
import { getWatchRules, setWatchRules } from '../../src/store/rules-repo.js';
import { deleteWatches } from '../../src/store/watches-repo.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyhabot-migration-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as schema 2 left it: one watch, one event, its notification delivered to one target and pending for another. */
function schemaTwoDatabase(path: string): void {
  const raw = new Database(path);
  for (const migration of migrations.filter((m) => m.version <= 2)) raw.exec(migration.sql);
  raw.pragma('user_version = 2');
  const at = '2025-12-19T15:30:00.000Z';
  raw
    .prepare('INSERT INTO watches (id, name, url, created_at, updated_at) VALUES (1, ?, ?, ?, ?)')
    .run('gpu', 'https://hardverapro.hu/aprok/hardver/videokartya/index.html', at, at);
  raw
    .prepare(
      `INSERT INTO events (id, watch_id, run_id, type, ad_id, idempotency_key, payload, created_at)
       VALUES (7, 1, NULL, 'new_ad', 123, 'key-7', '{}', ?)`,
    )
    .run(at);
  const outbox = raw.prepare(
    `INSERT INTO outbox (event_id, target, status, next_attempt_at, created_at) VALUES (7, ?, ?, ?, ?)`,
  );
  outbox.run('https://example.invalid/a', 'delivered', at, at);
  outbox.run('https://example.invalid/b', 'pending', at, at);
  raw.close();
}

describe('migration 3', () => {
  it('keeps every event and notification while widening the event kinds', () => {
    const path = join(dir, 'old.db');
    schemaTwoDatabase(path);
    const db = openDb(path);
    expect(db.prepare('SELECT id, type, ad_id, idempotency_key FROM events').all()).toEqual([
      { id: 7, type: 'new_ad', ad_id: 123, idempotency_key: 'key-7' },
    ]);
    expect(db.prepare('SELECT event_id, target, status FROM outbox ORDER BY target').all()).toEqual([
      { event_id: 7, target: 'https://example.invalid/a', status: 'delivered' },
      { event_id: 7, target: 'https://example.invalid/b', status: 'pending' },
    ]);
    db.prepare(
      `INSERT INTO events (watch_id, type, ad_id, idempotency_key, payload, created_at)
       VALUES (1, 'watch_failing', NULL, 'alert-1', '{}', '2025-12-20T00:00:00.000Z')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO events (watch_id, type, ad_id, idempotency_key, payload, created_at)
           VALUES (1, 'nonsense', NULL, 'bad-1', '{}', '2025-12-20T00:00:00.000Z')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('still deletes a removed watch’s events and notifications with it', () => {
    const path = join(dir, 'old.db');
    schemaTwoDatabase(path);
    const db = openDb(path);
    deleteWatches(db, [1]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('watch rules', () => {
  it('are empty until set, round-trip, and go when emptied or when the watch is removed', () => {
    const path = join(dir, 'old.db');
    schemaTwoDatabase(path);
    const db = openDb(path);
    expect(getWatchRules(db, 1)).toEqual({});
    setWatchRules(db, 1, { priceChanges: 'all', minDrop: { percent: 5 }, lifecycle: { gone: true } });
    expect(getWatchRules(db, 1)).toEqual({ priceChanges: 'all', minDrop: { percent: 5 }, lifecycle: { gone: true } });
    setWatchRules(db, 1, {});
    expect(db.prepare('SELECT COUNT(*) AS n FROM watch_rules').get()).toEqual({ n: 0 });
    setWatchRules(db, 1, { reposts: 'skip' });
    deleteWatches(db, [1]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM watch_rules').get()).toEqual({ n: 0 });
    db.close();
  });
});
