import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../domain/errors.js';
import { assertPyhabotSchema } from './database-owner.js';
import { LATEST_SCHEMA_VERSION } from './migrations.js';
import { type Db, openSqlite } from './sqlite-driver.js';
import { storeError } from './store-error.js';

/** Failures that mean "this file or its directory cannot be written", not "this file is broken". */
export function isReadOnlyFailure(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN');
}

/**
 * A read-only copy of a database that cannot be opened in place. Reading a WAL database needs its -wal and
 * -shm files, which cannot be created in a read-only directory; with no -wal file there is nothing beyond the
 * main file to read, so a copy of the file holds the whole database.
 */
export function openReadOnlyCopy(path: string): Db {
  const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
  if (wal !== undefined && wal.size > 0) {
    throw new UserError(`cannot read the database ${path}: it is read-only and its -wal file holds unsaved changes`, {
      hint: 'run pyhabot once as a user who may write that directory, or copy the database somewhere writable',
    });
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw storeError(`cannot read the database ${path}`, error);
  }
  // Bytes 18 and 19 mark a WAL database; a copy in memory has no WAL, so it is read as a rollback-journal one.
  if (bytes.length >= 20) bytes.fill(1, 18, 20);
  let db: Db;
  try {
    db = openSqlite(bytes, { readonly: true });
  } catch (error) {
    throw storeError(`cannot read the database ${path}`, error);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    assertPyhabotSchema(db, path, version);
    if (version < LATEST_SCHEMA_VERSION) {
      throw new UserError(`the database ${path} is read-only and needs an upgrade to this pyhabot's schema`, {
        hint: 'run pyhabot once as a user who may write the file and its directory',
      });
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    throw storeError(`cannot use the database ${path}`, error);
  }
}

/** Refuse to go on writing to a database that was opened as a read-only copy (see `OpenDbOptions.readOnly`). */
export function assertWritable(db: Db, path: string): void {
  if (!db.readonly) return;
  throw new UserError(`cannot write to the database ${path}: the database is read-only`, {
    hint: 'check the path and its permissions (--db, PYHABOT_DB or PERSISTENT_DATA_PATH)',
  });
}
