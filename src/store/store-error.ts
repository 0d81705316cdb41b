import { UserError } from '../domain/errors.js';

/** What to do about a corrupt database file. */
export const CORRUPT_DATABASE_HINT =
  'restore the database from a backup, or move it away and start a new one (pyhabot export/import keeps watches)';

/** What to do when the disk under the database is full. */
const DISK_FULL_HINT =
  'free space on the disk that holds the database (--db, PYHABOT_DB or PERSISTENT_DATA_PATH), then run again; ' +
  'the change that did not fit was rolled back';

/** Turn a SQLite or file-system failure into a one-line user error. */
export function storeError(context: string, error: unknown): UserError {
  const code = errorCode(error) ?? '';
  const detail = describeStoreFailure(code, error);
  const hint =
    code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB'
      ? CORRUPT_DATABASE_HINT
      : isDiskFull(code)
        ? DISK_FULL_HINT
        : 'check the path and its permissions (--db, PYHABOT_DB or PERSISTENT_DATA_PATH)';
  return new UserError(`${context}: ${detail}`, { hint, cause: error });
}

function describeStoreFailure(code: string, error: unknown): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'SQLITE_CANTOPEN':
      return 'the file or its directory cannot be opened for writing';
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_READONLY_RECOVERY':
    case 'SQLITE_READONLY_CANTINIT':
    case 'SQLITE_READONLY_DBMOVED':
      return 'the database is read-only';
    case 'SQLITE_NOTADB':
      return 'the file is not a SQLite database';
    case 'SQLITE_CORRUPT':
      return 'the database file is corrupt';
    case 'SQLITE_BUSY':
      return 'the database is locked by another process';
    case 'SQLITE_FULL':
    case 'ENOSPC':
      // Neither SQLite nor the file system says how much more room the write needed, so no size is given.
      return 'the disk is full (no space left for the database to grow)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** True for errors raised by SQLite itself or the file system under it. */
export function isStoreFailure(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && (code.startsWith('SQLITE_') || ['EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes(code));
}

function isDiskFull(code: string): boolean {
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

/** The `code` of an error-like value; anything can be thrown, including undefined. */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : undefined;
}
