import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/report-error.js';
import { ExitCode } from '../../src/domain/exit-codes.js';

function report(error: unknown): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = reportError(error, { debug: false, write: (line) => lines.push(line) });
  return { code, lines };
}

/** A real SQLITE_FULL: a database capped at a few pages, as a full disk would stop it. */
function diskFullError(): unknown {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE t (x TEXT)');
    db.pragma('max_page_count = 3');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 1000; i += 1) insert.run('x'.repeat(1000));
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error('the capped database never filled up');
}

describe('reportError', () => {
  it.each([undefined, null, 'a string', 42])(
    'reports a thrown %j as an internal error instead of throwing',
    (value) => {
      const { code, lines } = report(value);
      expect(code).toBe(ExitCode.internal);
      expect(lines).toEqual(['pyhabot: internal error; please report it with the details below', String(value)]);
    },
  );

  it('says the disk is full, and what to do, for SQLite running out of room', () => {
    const error = diskFullError();
    expect((error as { code?: string }).code).toBe('SQLITE_FULL');
    const { code, lines } = report(error);
    expect(code).toBe(ExitCode.usage);
    expect(lines).toEqual([
      'pyhabot: database error: the disk is full (no space left for the database to grow)',
      'hint: free space on the disk that holds the database (--db, PYHABOT_DB or PERSISTENT_DATA_PATH), then run again; the change that did not fit was rolled back',
    ]);
  });

  it('says the disk is full for the file system refusing a write (ENOSPC)', () => {
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const { code, lines } = report(error);
    expect(code).toBe(ExitCode.usage);
    expect(lines[0]).toBe('pyhabot: database error: the disk is full (no space left for the database to grow)');
    expect(lines[1]).toMatch(/^hint: free space on the disk/);
    expect(lines.join('\n')).not.toMatch(/permissions/);
  });

  it('still points at the path and its permissions for a permission error', () => {
    const error = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(report(error).lines).toEqual([
      'pyhabot: database error: permission denied',
      'hint: check the path and its permissions (--db, PYHABOT_DB or PERSISTENT_DATA_PATH)',
    ]);
  });
});
