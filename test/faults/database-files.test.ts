import { chmodSync, chownSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type CliResult, type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { databaseDigest, fileDigest, spawnCli } from '../helpers/fault-cli.js';

// Files pyhabot did not make stay as they were, and files it makes are its user's alone. Permission cases run
// the CLI as an unprivileged user when the suite runs as root, since root reads and writes through file modes.

const isRoot = process.getuid?.() === 0;
const UNPRIVILEGED = 65534;
const URL = 'https://hardverapro.hu/aprok/mobil/index.html';

const EVERY_COMMAND: string[][] = [
  ['list'],
  ['show', '1'],
  ['ads', '1'],
  ['status'],
  ['export'],
  ['add', URL],
  ['edit', '1', '--name', 'x'],
  ['remove', '1'],
  ['rescrape', '1'],
  ['check', '--quiet'],
  ['import', join(import.meta.dirname, '../fixtures/legacy/pyhabot-2025-tinydb')],
];

const READERS: string[][] = [['list'], ['show', '1'], ['ads', '1'], ['status'], ['config'], ['export']];

function runAs(sandbox: CliSandbox, args: string[]): Promise<CliResult> {
  if (!isRoot) return sandbox.run(args);
  return spawnCli(args, {
    cwd: sandbox.dir,
    env: sandbox.env,
    timeoutMs: 20_000,
    uid: UNPRIVILEGED,
    gid: UNPRIVILEGED,
  });
}

describe("another program's SQLite file", () => {
  it('is refused byte-for-byte unchanged by every command', async () => {
    using sandbox = createCliSandbox();
    const path = join(sandbox.dir, 'foreign.db');
    const db = new Database(path);
    db.exec("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO bookmarks (url) VALUES ('x')");
    db.close();
    const before = fileDigest(path);
    for (const args of EVERY_COMMAND) {
      const result = await sandbox.run(args, { env: { PYHABOT_DB: path } });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(
        `pyhabot: ${path} is not a pyhabot database (it holds another program's tables); it was left untouched`,
      );
      expect(fileDigest(path), args.join(' ')).toBe(before);
      expect(fileDigest(`${path}-wal`)).toBeNull();
    }
  });
});

describe('a pyhabot database that may only be read', () => {
  it(`read-only commands work in a read-only data directory${isRoot ? ' (as an unprivileged user)' : ''}`, async () => {
    using sandbox = createCliSandbox();
    expect((await sandbox.run(['add', URL, '--name', 'phones'])).code).toBe(0);
    const dbPath = sandbox.defaultDbPath;
    chmodSync(sandbox.dir, 0o755);
    for (let dir = dirname(dbPath); dir.startsWith(sandbox.home); dir = dirname(dir)) chmodSync(dir, 0o755);
    chmodSync(dirname(dbPath), 0o555);
    chmodSync(dbPath, 0o444);
    try {
      const before = databaseDigest(dbPath);
      for (const args of READERS) {
        const result = await runAs(sandbox, args);
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
        if (args[0] === 'list') expect(result.stdout).toContain('phones');
      }
      const writer = await runAs(sandbox, ['edit', '1', '--name', 'renamed']);
      expect(writer.code).toBe(2);
      expect(writer.stderr.split('\n')[0]).toMatch(/read-only|cannot be opened/);
      expect(databaseDigest(dbPath)).toEqual(before);
    } finally {
      chmodSync(dirname(dbPath), 0o755);
    }
  });
});

describe('file modes', () => {
  it('creates the data directory 0700 and the database files 0600, without a warning', async () => {
    using sandbox = createCliSandbox();
    const added = await sandbox.run(['add', URL]);
    expect(added.code).toBe(0);
    expect(added.stderr).toBe('');
    expect(statSync(dirname(sandbox.defaultDbPath)).mode & 0o777).toBe(0o700);
    expect(statSync(sandbox.defaultDbPath).mode & 0o777).toBe(0o600);
  });

  it('warns once per run when an existing database can be read by other users', async () => {
    using sandbox = createCliSandbox();
    const data = join(sandbox.dir, 'data');
    mkdirSync(data);
    const path = join(data, 'pyhabot.db');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    if (isRoot) chownSync(path, 0, 0);
    const result = await sandbox.run(['list'], { env: { PYHABOT_DB: path } });
    expect(result.code).toBe(0);
    // One line, naming the -wal SQLite kept open beside the file (it takes the file's mode) in the same command.
    expect(result.stderr).toMatch(
      new RegExp(
        `^pyhabot: warning: ${path} can be read by other users \\(mode 0644\\) and holds notification tokens; run \`chmod 600 ${path}( ${path}-wal)?\`\n$`,
      ),
    );
    chmodSync(path, 0o600);
    expect((await sandbox.run(['list'], { env: { PYHABOT_DB: path } })).stderr).toBe('');
  });
});
