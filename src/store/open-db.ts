import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../domain/errors.js';
import { truncateText } from '../domain/truncate-text.js';
import { assertPyhabotSchema } from './database-owner.js';
import { createDataDirectory, createPrivateFile } from './file-modes.js';
import { migrations } from './migrations.js';
import { isReadOnlyFailure, openReadOnlyCopy } from './read-only-copy.js';
import { type Db, openSqlite } from './sqlite-driver.js';
import { CORRUPT_DATABASE_HINT, storeError } from './store-error.js';

export { assertWritable } from './read-only-copy.js';
export type { Db } from './sqlite-driver.js';

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Files up to this size are checked in full before a command first writes to them. SQLite itself only notices
 * corruption in the pages a command reads, by when the command may already have written; the full check costs
 * about 3 ms per MB here, so a larger file is checked only as far as each command reads it.
 */
export const VERIFY_UP_TO_BYTES = 64 * 1024 * 1024;

/** How `openDb` opens a database. */
export interface OpenDbOptions {
  busyTimeoutMs?: number;
  /** Check a file that is not too large for corruption before anything is written to it (migrations included). */
  verify?: boolean;
  /**
   * The caller only reads: when the file or its directory cannot be written (so SQLite cannot create the WAL it
   * needs even to read), read a copy of the file instead, which refuses every write.
   */
  readOnly?: boolean;
}

/**
 * Open (creating when missing) and migrate the database; the only way into storage. A file of another program,
 * or of a newer pyhabot, is refused before anything is written to it.
 */
export function openDb(path: string, options: OpenDbOptions = {}): Db {
  const inMemory = path === ':memory:';
  if (!inMemory) {
    prepareDirectory(path);
    assertSqliteFile(path);
    createDatabaseFile(path);
  }
  let db: Db;
  try {
    db = openSqlite(path);
  } catch (error) {
    if (options.readOnly === true && isReadOnlyFailure(error) && existsSync(path)) return openReadOnlyCopy(path);
    throw storeError(`cannot open the database ${path}`, error);
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      if (options.readOnly !== true || !isReadOnlyFailure(error)) throw error;
      db.close();
      return openReadOnlyCopy(path);
    }
    assertPyhabotSchema(db, path, version);
    if (options.verify === true) verifyDb(db, path);
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = OFF');
    migrate(db, version);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    if (db.open) db.close();
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

/**
 * Runs with foreign keys off (SQLite's own procedure for rebuilding a table: a DROP TABLE would otherwise cascade
 * into the rows that reference it), and checks every reference before each migration commits.
 */
function migrate(db: Db, fromVersion: number): void {
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue;
    // IMMEDIATE takes the write lock first, so two processes never run the same migration.
    db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= migration.version) return;
      db.exec(migration.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new Error(`migration ${migration.version} would leave ${broken.length} broken references`);
      }
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function prepareDirectory(path: string): void {
  const directory = dirname(path);
  try {
    createDataDirectory(path);
  } catch (error) {
    throw storeError(`cannot create the data directory ${directory}`, error);
  }
}

/** A database pyhabot creates is readable by its user alone; an existing file keeps its mode. */
function createDatabaseFile(path: string): void {
  try {
    createPrivateFile(path);
  } catch (error) {
    // A directory that cannot be written: SQLite gives the reason when it tries to open the file.
    if (!isFileSystemRefusal(error)) throw storeError(`cannot create the database ${path}`, error);
  }
}

function isFileSystemRefusal(error: unknown): boolean {
  return ['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '');
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
