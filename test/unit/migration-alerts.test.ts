import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { openDb } from '../../src/store/open-db.js';
import { deleteWatches } from '../../src/store/watches-repo.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyhabot-migration-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = '2026-11-30T12:00:00.000Z';

/** A database as schema 3 left it: a watch, an ad event and an alert, each with a notification waiting. */
function schemaThreeDatabase(path: string): void {
  const raw = new Database(path);
  for (const migration of migrations.filter((m) => m.version <= 3)) raw.exec(migration.sql);
  raw.pragma('user_version = 3');
  raw
    .prepare('INSERT INTO watches (id, name, url, created_at, updated_at) VALUES (1, ?, ?, ?, ?)')
    .run('gpu', 'https://hardverapro.hu/aprok/hardver/videokartya/index.html', at, at);
  const event = raw.prepare(
    `INSERT INTO events (id, watch_id, run_id, type, ad_id, idempotency_key, payload, created_at)
     VALUES (?, 1, NULL, ?, ?, ?, '{}', ?)`,
  );
  event.run(7, 'new_ad', 123, 'key-7', at);
  event.run(8, 'watch_failing', null, 'key-8', at);
  const outbox = raw.prepare(
    `INSERT INTO outbox (event_id, target, status, next_attempt_at, created_at) VALUES (?, ?, 'pending', ?, ?)`,
  );
  outbox.run(7, 'https://example.invalid/a', at, at);
  outbox.run(8, 'https://example.invalid/a', at, at);
  raw.close();
}

describe('migration 6', () => {
  it('keeps every event and notification, and accepts the all-clear of a dead target', () => {
    const path = join(dir, 'old.db');
    schemaThreeDatabase(path);
    const db = openDb(path);
    try {
      expect(db.prepare('SELECT id, type, ad_id FROM events ORDER BY id').all()).toEqual([
        { id: 7, type: 'new_ad', ad_id: 123 },
        { id: 8, type: 'watch_failing', ad_id: null },
      ]);
      expect(db.prepare('SELECT event_id, status FROM outbox ORDER BY event_id').all()).toEqual([
        { event_id: 7, status: 'pending' },
        { event_id: 8, status: 'pending' },
      ]);
      db.prepare(
        `INSERT INTO events (watch_id, type, ad_id, idempotency_key, payload, created_at)
         VALUES (1, 'target_recovered', NULL, 'alert-9', '{}', ?)`,
      ).run(at);
    } finally {
      db.close();
    }
  });

  it("removes a watch's episodes with the watch", () => {
    const db = openDb(':memory:');
    try {
      db.prepare(
        `INSERT INTO watches (id, name, url, created_at, updated_at) VALUES (1, 'gpu', 'https://hardverapro.hu/x', ?, ?)`,
      ).run(at, at);
      db.prepare(
        `INSERT INTO watch_alert_episodes (watch_id, failing_since, failures, alerted_at) VALUES (1, ?, 3, ?)`,
      ).run(at, at);
      db.prepare(`INSERT INTO target_alert_episodes (target, watch_id, dead_since) VALUES ('https://t/x', 1, ?)`).run(
        at,
      );
      deleteWatches(db, [1]);
      const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect([count('watch_alert_episodes'), count('target_alert_episodes')]).toEqual([0, 0]);
    } finally {
      db.close();
    }
  });
});
