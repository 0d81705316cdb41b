import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { acquireRunLock, heartbeatRunLock, releaseRunLock } from '../../src/store/lock-repo.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openDb } from '../../src/store/open-db.js';
import {
  countOutbox,
  listDueNotifications,
  markDelivered,
  markFailed,
  recordEvent,
} from '../../src/store/outbox-repo.js';
import { deleteWatches, getWatch, insertWatch, listWatches, updateWatch } from '../../src/store/watches-repo.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyhabot-store-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const now = new Date('2025-12-19T15:30:00Z');
const url = 'https://hardverapro.hu/aprok/mobil/index.html';

describe('openDb', () => {
  it('creates the directory, migrates to the latest version and turns on WAL and foreign keys', () => {
    const path = join(dir, 'nested', 'deeper', 'pyhabot.db');
    const db = openDb(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('opens an existing database again without re-running migrations', () => {
    const path = join(dir, 'a.db');
    const first = openDb(path);
    insertWatch(first, { name: 'x', url }, now);
    first.close();
    const second = openDb(path);
    expect(listWatches(second)).toHaveLength(1);
    second.close();
  });

  it('refuses a database written by a newer version', () => {
    const path = join(dir, 'newer.db');
    const raw = new Database(path);
    // A newer pyhabot's schema still has the tables that mark it as pyhabot's.
    raw.exec('CREATE TABLE watches (id INTEGER PRIMARY KEY); CREATE TABLE run_lock (id INTEGER PRIMARY KEY)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDb(path)).toThrow(/written by a newer pyhabot/);
  });

  it('leaves a file that is not a SQLite database untouched', () => {
    const path = join(dir, 'notes.db');
    const content = 'these are my notes, not a database\n'.repeat(20);
    writeFileSync(path, content);
    expect(() => openDb(path)).toThrow(UserError);
    expect(() => openDb(path)).toThrow(/not a pyhabot database/);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('with verify, refuses a file with a corrupt page before writing anything, in one line', () => {
    const path = join(dir, 'corrupt.db');
    const db = openDb(path);
    // Enough watches that the middle of the file is one of their pages, far from the schema's.
    for (let index = 0; index < 400; index += 1) insertWatch(db, { name: `w${index}`, url: `${url}?q=${index}` }, now);
    db.close();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0x5a, page * pageSize, (page + 1) * pageSize);
    writeFileSync(path, bytes);

    let refusal: unknown;
    try {
      openDb(path, { verify: true });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).message).toMatch(/corrupt/);
    expect((refusal as UserError).message).not.toContain('\n');
    expect(readFileSync(path).equals(bytes)).toBe(true);
    // Without verify, only the pages read are checked: a command reading the watches' first page gets in.
    expect(() => openDb(path).close()).not.toThrow();
  });

  it('with verify, opens a sound file as usual', () => {
    const path = join(dir, 'sound.db');
    openDb(path).close();
    const db = openDb(path, { verify: true });
    expect(db.pragma('mmap_size', { simple: true })).toBe(0);
    db.close();
  });

  it('reports a directory given as the database path', () => {
    mkdirSync(join(dir, 'adir'));
    expect(() => openDb(join(dir, 'adir'))).toThrow(/is a directory/);
  });

  it('reports a directory that cannot be written', () => {
    if (process.getuid?.() === 0) {
      // root ignores directory permissions; use a path under a regular file instead, which no user can create.
      writeFileSync(join(dir, 'file'), 'x');
      expect(() => openDb(join(dir, 'file', 'sub', 'pyhabot.db'))).toThrow(UserError);
      return;
    }
    const readOnly = join(dir, 'ro');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    expect(() => openDb(join(readOnly, 'pyhabot.db'))).toThrow(UserError);
  });
});

describe('watches', () => {
  it('stores, updates and deletes a watch with its targets and ads', () => {
    const db = openDb(':memory:');
    const watch = insertWatch(db, { name: 'phones', url, notify: ['https://example.org/hook'] }, now);
    expect(watch).toMatchObject({ id: 1, name: 'phones', url, enabled: true, notify: ['https://example.org/hook'] });
    const updated = updateWatch(db, watch.id, { name: 'mobiles', enabled: false, notify: [] }, now);
    expect(updated).toMatchObject({ name: 'mobiles', enabled: false, notify: [] });
    db.prepare(
      `INSERT INTO ads (watch_id, ad_id, title, url, price, price_kind, price_text, data, first_seen_at, last_seen_at)
       VALUES (1, 7, 't', 'u', 1, 'fixed', '1 Ft', '{}', 'x', 'x')`,
    ).run();
    deleteWatches(db, [watch.id]);
    expect(getWatch(db, watch.id)).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM ads').get()).toEqual({ n: 0 });
  });

  it('forgets seen ads and starts a new baseline when the URL changes', () => {
    const db = openDb(':memory:');
    const watch = insertWatch(db, { name: 'phones', url }, now);
    db.prepare('UPDATE watches SET baseline_done = 1 WHERE id = 1').run();
    db.prepare(
      `INSERT INTO ads (watch_id, ad_id, title, url, price, price_kind, price_text, data, first_seen_at, last_seen_at)
       VALUES (1, 7, 't', 'u', 1, 'fixed', '1 Ft', '{}', 'x', 'x')`,
    ).run();
    const updated = updateWatch(db, watch.id, { url: `${url}?x=1` }, now);
    expect(updated.lastCheck.baselineDone).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS n FROM ads').get()).toEqual({ n: 0 });
  });
});

describe('outbox', () => {
  const event = {
    type: 'new_ad' as const,
    watch: { id: 1, name: 'phones', url },
    ad: { id: 7 } as never,
  };

  it('queues one row per target and tracks attempts until delivered or dead', () => {
    const db = openDb(':memory:');
    insertWatch(db, { name: 'phones', url }, now);
    recordEvent(db, { watchId: 1, runId: null, event, idempotencyKey: 'k1', targets: ['a', 'b'], now });
    const due = listDueNotifications(db, now);
    expect(due.map((row) => [row.target, row.idempotencyKey])).toEqual([
      ['a', 'k1'],
      ['b', 'k1'],
    ]);
    markDelivered(db, [due[0]?.id as number], now);
    markFailed(db, [due[1]?.id as number], {
      error: 'HTTP 500',
      dead: false,
      nextAttemptAt: new Date(now.getTime() + 60_000),
    });
    expect(listDueNotifications(db, now)).toEqual([]);
    expect(listDueNotifications(db, new Date(now.getTime() + 60_000))).toHaveLength(1);
    markFailed(db, [due[1]?.id as number], { error: 'HTTP 400', dead: true, nextAttemptAt: now });
    expect(countOutbox(db)).toEqual({ pending: 0, delivered: 1, dead: 1 });
  });

  it('never marks a delivered row again', () => {
    const db = openDb(':memory:');
    insertWatch(db, { name: 'phones', url }, now);
    recordEvent(db, { watchId: 1, runId: null, event, idempotencyKey: 'k1', targets: ['a'], now });
    const [row] = listDueNotifications(db, now);
    markDelivered(db, [row?.id as number], now);
    markFailed(db, [row?.id as number], { error: 'late', dead: true, nextAttemptAt: now });
    expect(countOutbox(db)).toEqual({ pending: 0, delivered: 1, dead: 0 });
  });
});

describe('run lock', () => {
  const base = { pid: 100, hostname: 'box', now, staleAfterMs: 60_000, isAlive: () => true };

  it('lets one holder in and keeps a second out', () => {
    const db = openDb(':memory:');
    expect(acquireRunLock(db, { ...base, owner: 'a' }).acquired).toBe(true);
    const second = acquireRunLock(db, { ...base, owner: 'b', pid: 101 });
    expect(second).toMatchObject({ acquired: false, holder: { owner: 'a', pid: 100 } });
    releaseRunLock(db, 'a');
    expect(acquireRunLock(db, { ...base, owner: 'b', pid: 101 }).acquired).toBe(true);
  });

  it('takes over from a holder whose process is gone on this host', () => {
    const db = openDb(':memory:');
    acquireRunLock(db, { ...base, owner: 'a' });
    const result = acquireRunLock(db, { ...base, owner: 'b', pid: 101, isAlive: (pid) => pid !== 100 });
    expect(result).toMatchObject({ acquired: true, tookOverFrom: { owner: 'a' } });
    expect(heartbeatRunLock(db, 'a', now)).toBe(false);
    expect(heartbeatRunLock(db, 'b', now)).toBe(true);
  });

  it('never takes over from a live process on this host, however old its heartbeat', () => {
    const db = openDb(':memory:');
    acquireRunLock(db, { ...base, owner: 'a' });
    const hourLater = new Date(now.getTime() + 3_600_000);
    const second = acquireRunLock(db, { ...base, owner: 'b', pid: 101, now: hourLater, isAlive: (pid) => pid === 100 });
    expect(second).toMatchObject({ acquired: false, holder: { owner: 'a', pid: 100 } });
  });

  it('takes over a lock left on this host under its own pid by an earlier process', () => {
    const db = openDb(':memory:');
    acquireRunLock(db, { ...base, owner: 'a' });
    expect(acquireRunLock(db, { ...base, owner: 'b' })).toMatchObject({ acquired: true, tookOverFrom: { owner: 'a' } });
  });

  it('does not judge a pid from another host, but takes over a stale heartbeat', () => {
    const db = openDb(':memory:');
    acquireRunLock(db, { ...base, owner: 'a', hostname: 'other' });
    expect(acquireRunLock(db, { ...base, owner: 'b', isAlive: () => false }).acquired).toBe(false);
    const later = new Date(now.getTime() + 61_000);
    expect(acquireRunLock(db, { ...base, owner: 'b', now: later }).acquired).toBe(true);
  });
});
