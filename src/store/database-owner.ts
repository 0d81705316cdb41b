import { UserError } from '../domain/errors.js';
import { LATEST_SCHEMA_VERSION } from './migrations.js';
import type { Db } from './sqlite-driver.js';

/** Tables every pyhabot schema has; a file with tables but without these belongs to another program. */
const PYHABOT_TABLES = ['watches', 'run_lock'];

/**
 * Refuse a database written by a newer pyhabot, or by another program: one that has tables but is not at a
 * pyhabot schema version with pyhabot's tables. Runs before anything is written, so such a file stays as it was.
 */
export function assertPyhabotSchema(db: Db, path: string, version: number): void {
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).filter(
      (name) => !name.startsWith('sqlite_'),
    ),
  );
  const isNew = version === 0 && tables.size === 0;
  if (!isNew && (version === 0 || !PYHABOT_TABLES.every((table) => tables.has(table)))) {
    throw new UserError(
      `${path} is not a pyhabot database (it holds another program's tables); it was left untouched`,
      {
        hint: 'point --db (or PYHABOT_DB) at another file, or move this one away',
      },
    );
  }
  if (version > LATEST_SCHEMA_VERSION) {
    throw new UserError(
      `the database ${path} was written by a newer pyhabot (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION})`,
      { hint: 'upgrade pyhabot, or point --db at another database' },
    );
  }
}
