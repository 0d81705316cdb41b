import { UserError } from '../domain/errors.js';

/** What to do about a corrupt database file. */
export const CORRUPT_DATABASE_HINT =
  'restore the database from a backup, or move it away and start a new one (pyhabot export/import keeps watches)';

/** Turn a SQLite or file-system failure into a one-line user error. */
export function storeError(context: string, error: unknown): UserError {
  const code = (error as { code?: string }).code ?? '';
  const detail = describeStoreFailure(code, error);
  const hint =
    code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB'
      ? CORRUPT_DATABASE_HINT
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
      return 'the disk is full';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** True for errors raised by SQLite itself or the file system under it. */
export function isStoreFailure(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_') || ['EACCES', 'EPERM', 'EROFS'].includes(code));
}
