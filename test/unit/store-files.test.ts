import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { exposedDatabaseFiles } from '../../src/store/file-modes.js';
import { assertWritable, openDb } from '../../src/store/open-db.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyhabot-store-files-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** An SQLite file as another program leaves it: its own tables, user_version as that program sets it. */
function foreignDatabase(path: string, userVersion: number): void {
  const db = new Database(path);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')");
  db.pragma(`user_version = ${userVersion}`);
  db.close();
}

describe("another program's database", () => {
  it.each([0, 1, 7])('is refused byte-for-byte unchanged (user_version %i), for reading and writing', (version) => {
    const path = join(dir, 'foreign.db');
    foreignDatabase(path, version);
    const before = digest(path);
    for (const options of [{}, { verify: true }, { readOnly: true }]) {
      let thrown: unknown;
      try {
        openDb(path, options).close();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UserError);
      expect((thrown as UserError).message).toBe(
        `${path} is not a pyhabot database (it holds another program's tables); it was left untouched`,
      );
      expect((thrown as UserError).exitCode).toBe(2);
    }
    expect(digest(path)).toBe(before);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.pragma('user_version', { simple: true })).toBe(version);
    check.close();
  });

  it('still opens an empty SQLite file and a pyhabot database', () => {
    const path = join(dir, 'empty.db');
    new Database(path).close();
    openDb(path).close();
    openDb(path).close();
  });
});

describe('file modes', () => {
  it('creates the data directory 0700 and the database with its -wal and -shm 0600', () => {
    const path = join(dir, 'data', 'pyhabot', 'pyhabot.db');
    const db = openDb(path);
    db.exec('CREATE TABLE probe (x); INSERT INTO probe VALUES (1)');
    expect(statSync(join(dir, 'data', 'pyhabot')).mode & 0o777).toBe(0o700);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(statSync(file).mode & 0o777, file).toBe(0o600);
    expect(exposedDatabaseFiles(path)).toEqual([]);
    db.close();
  });

  it('leaves an existing directory and database as they are, and names the files others can read', () => {
    const data = join(dir, 'shared');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    const path = join(data, 'pyhabot.db');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    openDb(path).close();
    expect(statSync(data).mode & 0o777).toBe(0o755);
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(exposedDatabaseFiles(path)).toEqual([{ path, mode: 0o644 }]);
    chmodSync(path, 0o640);
    expect(exposedDatabaseFiles(path)).toEqual([{ path, mode: 0o640 }]);
    chmodSync(path, 0o600);
    expect(exposedDatabaseFiles(path)).toEqual([]);
  });
});

describe('a read-only copy', () => {
  it('refuses the first write a command asks for, with one clean line', () => {
    const path = join(dir, 'pyhabot.db');
    const db = openDb(path);
    expect(() => assertWritable(db, path)).not.toThrow();
    const copy = new Database(db.serialize(), { readonly: true });
    db.close();
    expect(() => assertWritable(copy, path)).toThrow(`cannot write to the database ${path}: the database is read-only`);
    copy.close();
  });
});
