import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnownAds } from '../../src/store/ads-repo.js';
import { migrations } from '../../src/store/migrations.js';
import { openDb } from '../../src/store/open-db.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyhabot-migration-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 8', () => {
  it('remembers which recorded ads were iced, from the card each was stored with', () => {
    const path = join(dir, 'old.db');
    const raw = new Database(path);
    for (const migration of migrations.filter((m) => m.version <= 3)) raw.exec(migration.sql);
    raw.pragma('user_version = 3');
    const at = '2025-12-19T15:30:00.000Z';
    raw
      .prepare('INSERT INTO watches (id, name, url, created_at, updated_at) VALUES (1, ?, ?, ?, ?)')
      .run('phones', 'https://hardverapro.hu/aprok/mobil/index.html', at, at);
    const insert = raw.prepare(
      `INSERT INTO ads (watch_id, ad_id, title, url, price, price_kind, price_text, data, first_seen_at, last_seen_at)
       VALUES (1, ?, 't', 'u', 1000, 'fixed', '1 000 Ft', ?, ?, ?)`,
    );
    insert.run(1, JSON.stringify({ id: 1, iced: true }), at, at);
    insert.run(2, JSON.stringify({ id: 2, iced: false }), at, at);
    insert.run(3, JSON.stringify({ id: 3 }), at, at);
    raw.close();

    const db = openDb(path);
    try {
      const known = loadKnownAds(db, 1, []);
      expect([...known.values()].map((ad) => [ad.id, ad.iced])).toEqual([
        [1, true],
        [2, false],
        [3, false],
      ]);
    } finally {
      db.close();
    }
  });
});
