import { closeSync, constants, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

// The database holds notification targets, whose URLs carry tokens: what pyhabot creates, only its user reads.

/** Mode of a data directory pyhabot creates. */
export const DATA_DIR_MODE = 0o700;
/** Mode of a database file pyhabot creates; SQLite gives its -wal and -shm files the same. */
export const DB_FILE_MODE = 0o600;

/** A file of the database that other users of the machine can read. */
export interface ExposedFile {
  readonly path: string;
  readonly mode: number;
}

/** Creates the database's directory (private to the user when pyhabot creates it), and its parents as needed. */
export function createDataDirectory(path: string): void {
  const directory = dirname(path);
  mkdirSync(dirname(directory), { recursive: true });
  try {
    mkdirSync(directory, { mode: DATA_DIR_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Creates an empty database file readable by the user alone, unless one exists; SQLite takes an empty file as
 * a new database. Returns true when it created the file.
 */
export function createPrivateFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, DB_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  closeSync(fd);
  return true;
}

/** The database file and its -wal, when they exist and their group or other users may read them. */
export function exposedDatabaseFiles(path: string): ExposedFile[] {
  const exposed: ExposedFile[] = [];
  for (const file of [path, `${path}-wal`]) {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats?.isFile() === true && (stats.mode & 0o044) !== 0) exposed.push({ path: file, mode: stats.mode & 0o777 });
  }
  return exposed;
}
