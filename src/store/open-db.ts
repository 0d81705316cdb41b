import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../domain/errors.js';
import { truncateText } from '../domain/truncate-text.js';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations.js';
import { CORRUPT_DATABASE_HINT, storeError } from './store-error.js';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Files up to this size are checked in full before a command first writes to them. SQLite itself only notices
 * corruption in the pages a command reads, by when the command may already have written; the full check costs
 * about 3 ms per MB here, so a larger file is checked only as far as each command reads it.
 */
export const VERIFY_UP_TO_BYTES = 64 * 1024 * 1024;

/**
 * Open (creating when missing) and migrate the database; the only way into storage. With `verify`, a file that
 * is not too large is checked for corruption before anything is written to it (migrations included).
 */
export function openDb(path: string, options: { busyTimeoutMs?: number; verify?: boolean } = {}): Db {
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
    if (options.verify === true) verifyDb(db, path);
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

/**
 * Check every page of the file (and its WAL) before the first write, when the file is at most
 * VERIFY_UP_TO_BYTES; a corrupt file is refused untouched.
 */
export function verifyDb(db: Db, path: string): void {
  if (path === ':memory:') return;
  const size = fileSize(path);
  if (size === 0 || size > VERIFY_UP_TO_BYTES) return;
  let found: string[];
  try {
    // Mapping the file for the check reads it several times faster than through SQLite's page cache.
    db.pragma(`mmap_size = ${size}`);
    const rows = db.pragma('quick_check(3)') as Array<{ quick_check: string }>;
    found = rows.map((row) => row.quick_check).filter((problem) => problem !== 'ok');
  } catch (error) {
    throw storeError(`cannot use the database ${path}`, error);
  } finally {
    if (db.open) db.pragma('mmap_size = 0');
  }
  if (found.length > 0) {
    // SQLite's report spans lines; the message must stay one line.
    const report = truncateText(found.join('; ').replace(/\s+/g, ' '), 200);
    throw new UserError(`the database ${path} is corrupt (${report}); it was left untouched`, {
      hint: CORRUPT_DATABASE_HINT,
    });
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    throw storeError(`cannot read the database ${path}`, error);
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
