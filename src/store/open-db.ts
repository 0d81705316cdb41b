import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../domain/errors.js';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations.js';
import { storeError } from './store-error.js';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';

/** Open (creating when missing) and migrate the database; the only way into storage. */
export function openDb(path: string, options: { busyTimeoutMs?: number } = {}): Db {
  const inMemory = path === ':memory:';
  if (!inMemory) {
    prepareDirectory(path);
    assertSqliteFile(path);
  }
  let db: Db;
  try {
    db = new Database(path);
  } catch (error) {
    throw storeError(`cannot open the database ${path}`, error);
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new UserError(
        `the database ${path} was written by a newer pyhabot (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION})`,
        { hint: 'upgrade pyhabot, or point --db at another database' },
      );
    }
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, version);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    throw storeError(`cannot use the database ${path}`, error);
  }
}

function migrate(db: Db, fromVersion: number): void {
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue;
    // IMMEDIATE takes the write lock first, so two processes never run the same migration.
    db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function prepareDirectory(path: string): void {
  const directory = dirname(path);
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw storeError(`cannot create the data directory ${directory}`, error);
  }
}

/** Refuse to open anything that is not a SQLite database, so such a file is never modified. */
function assertSqliteFile(path: string): void {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new UserError(`${path} is a directory, not a database file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw storeError(`cannot read the database ${path}`, error);
  }
  if (size === 0) return;
  const header = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, header, 0, 16, 0);
  } catch (error) {
    throw storeError(`cannot read the database ${path}`, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (size < 100 || header.toString('latin1') !== SQLITE_HEADER) {
    throw new UserError(`${path} is not a pyhabot database (not a SQLite file); it was left untouched`, {
      hint: 'point --db (or PYHABOT_DB) at another file, or move this one away',
    });
  }
}
