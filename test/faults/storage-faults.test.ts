import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { type FakeHardverapro, startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { checkRecords, databaseDigest, spawnCli } from '../helpers/fault-cli.js';
import { ListingPage } from '../helpers/listing-fixture.js';

// What the database file goes through outside pyhabot's control: permissions, a deleted WAL, corruption.
// A run that cannot use the file says so in one line, exits 2 and leaves the file exactly as it was.
//
// Tests run as root here, and root writes through file modes: `chmod 0444` stops nobody. So the permission
// cases run the CLI as an unprivileged user (uid 65534) when the suite runs as root, as a service account
// would; root's own case is an immutable file or directory (`chattr +i`), which stops root too.

const isRoot = process.getuid?.() === 0;
const UNPRIVILEGED = 65534;

/** True when `chattr +i` works here (root, a file system that supports it, the capability). */
function immutableFilesWork(): boolean {
  if (!isRoot) return false;
  const sandbox = createCliSandbox();
  try {
    const probe = join(sandbox.dir, 'probe');
    writeFileSync(probe, 'x');
    const set = spawnSync('chattr', ['+i', probe]);
    if (set.status !== 0) return false;
    spawnSync('chattr', ['-i', probe]);
    return true;
  } catch {
    return false;
  } finally {
    sandbox[Symbol.dispose]();
  }
}

const canMakeImmutable = immutableFilesWork();

interface Prepared {
  sandbox: CliSandbox;
  site: FakeHardverapro;
  pages: ListingPage[];
  dbPath: string;
}

const CONFIG = 'requestDelayMs: 0\nnewestFirst: false\nmaxRetries: 0\n';
let template: Prepared;

beforeAll(async () => {
  // One database with some history, made once: three checked watches, a new ad and a price change recorded.
  const sandbox = createCliSandbox();
  const site = await startFakeHardverapro();
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), CONFIG);
  const pages: ListingPage[] = [];
  for (let index = 0; index < 3; index += 1) {
    const page = new ListingPage().keepFirst(8).withoutNextPage();
    pages.push(page);
    const path = `/aprok/store${index}/index.html`;
    site.serve(path, page);
    const added = await sandbox.run(['add', site.urlFor(path), '--allow-any-host']);
    expect(added.code, added.stderr).toBe(0);
  }
  expect((await sandbox.run(['check'])).code).toBe(0);
  const [first] = pages as [ListingPage];
  first.addAd(first.adIds()[1] as number, 9_400_000, 'Új hirdetés');
  first.setPrice(first.adIds()[3] as number, '12 345 Ft');
  expect((await sandbox.run(['check'])).code).toBe(0);
  expect(existsSync(`${sandbox.defaultDbPath}-wal`), 'a clean run leaves no WAL behind').toBe(false);
  template = { sandbox, site, pages, dbPath: sandbox.defaultDbPath };
});

afterAll(async () => {
  await template?.site[Symbol.asyncDispose]();
  template?.sandbox[Symbol.dispose]();
});

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A fresh sandbox holding a copy of the template database, reading the same fake site. */
function prepareDatabase(): Prepared {
  const sandbox = createCliSandbox();
  cleanups.push(() => sandbox[Symbol.dispose]());
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), CONFIG);
  mkdirSync(dirname(sandbox.defaultDbPath), { recursive: true });
  copyFileSync(template.dbPath, sandbox.defaultDbPath);
  return { sandbox, site: template.site, pages: template.pages, dbPath: sandbox.defaultDbPath };
}

/** Run the CLI as the unprivileged user when the suite runs as root, else as ourselves. */
function runUnprivileged(sandbox: CliSandbox, args: string[]): Promise<CliResult> {
  if (!isRoot) return sandbox.run(args);
  return spawnCli(args, {
    cwd: sandbox.dir,
    env: sandbox.env,
    timeoutMs: 20_000,
    uid: UNPRIVILEGED,
    gid: UNPRIVILEGED,
  });
}

/** Let the unprivileged user reach the sandbox (mkdtemp makes it private to us). */
function openSandboxTo(sandbox: CliSandbox): void {
  if (!isRoot) return;
  chmodSync(sandbox.dir, 0o755);
  for (let dir = dirname(sandbox.defaultDbPath); dir.startsWith(sandbox.home); dir = dirname(dir))
    chmodSync(dir, 0o755);
}

function setImmutable(path: string, on: boolean): void {
  const result = spawnSync('chattr', [on ? '+i' : '-i', path]);
  expect(result.status, String(result.stderr)).toBe(0);
}

/**
 * The rules for a refused run: exit 2, one line and a hint, no stack, the file untouched. SQLite may leave an empty
 * `-wal` beside a file it could open only for reading; an empty WAL holds nothing, so only content would count.
 */
function expectRefused(result: CliResult, before: ReturnType<typeof databaseDigest>, dbPath: string, why: RegExp) {
  expect(result.code, result.stdout + result.stderr).toBe(2);
  expect(result.stderr).toMatch(/^pyhabot: .*\nhint: .*\n$/);
  expect(result.stderr.split('\n')[0]).toMatch(why);
  const after = databaseDigest(dbPath);
  expect(after.db).toBe(before.db);
  if (after.wal !== before.wal) expect(statSync(`${dbPath}-wal`).size, 'the WAL gained content').toBe(0);
}

const writers = (site: FakeHardverapro): string[][] => [
  ['check'],
  ['add', site.urlFor('/aprok/another/index.html'), '--allow-any-host'],
  ['edit', '1', '--name', 'renamed'],
  ['rescrape', '1'],
  ['remove', '2'],
];

describe('a database pyhabot may not write', () => {
  it(`a read-only database file${isRoot ? ' (as an unprivileged user)' : ''}: every writer exits 2 and leaves it byte-identical`, async () => {
    const { sandbox, site, dbPath } = prepareDatabase();
    openSandboxTo(sandbox);
    // The directory stays writable for the user, so SQLite can create its -wal and -shm files: only the file is closed.
    if (isRoot) chownSync(dirname(dbPath), UNPRIVILEGED, UNPRIVILEGED);
    if (isRoot) chownSync(dbPath, UNPRIVILEGED, UNPRIVILEGED);
    // Read-only to its owner and private, as pyhabot creates it: a file others can read would add a warning.
    chmodSync(dbPath, 0o400);
    const before = databaseDigest(dbPath);
    for (const args of writers(site)) {
      expectRefused(await runUnprivileged(sandbox, args), before, dbPath, /read-only/);
    }
    // Reading needs no write access.
    const list = await runUnprivileged(sandbox, ['list']);
    expect(list.code, list.stderr).toBe(0);
    expect(databaseDigest(dbPath).db).toBe(before.db);
  });

  it(`a data directory pyhabot may not write${isRoot ? ' (as an unprivileged user)' : ''}: the WAL cannot be created, so every writer exits 2 while reading still works`, async () => {
    const { sandbox, site, dbPath } = prepareDatabase();
    openSandboxTo(sandbox);
    expect(existsSync(`${dbPath}-wal`), 'a clean run leaves no WAL behind').toBe(false);
    if (isRoot) chownSync(dbPath, UNPRIVILEGED, UNPRIVILEGED);
    else chmodSync(dirname(dbPath), 0o555);
    cleanups.push(() => chmodSync(dirname(dbPath), 0o755));
    const before = databaseDigest(dbPath);
    for (const args of writers(site)) {
      expectRefused(await runUnprivileged(sandbox, args), before, dbPath, /read-only|cannot be opened/);
    }
    const list = await runUnprivileged(sandbox, ['list']);
    expect(list.code, list.stderr).toBe(0);
    expect(databaseDigest(dbPath)).toEqual(before);
  });

  it.runIf(canMakeImmutable)(
    'root: an immutable database file (chattr +i): every writer exits 2, byte-identical',
    async () => {
      const { sandbox, site, dbPath } = prepareDatabase();
      setImmutable(dbPath, true);
      cleanups.push(() => setImmutable(dbPath, false));
      const before = databaseDigest(dbPath);
      for (const args of writers(site)) expectRefused(await sandbox.run(args), before, dbPath, /read-only/);
    },
  );

  it.runIf(canMakeImmutable)(
    'root: an immutable data directory (chattr +i): every writer exits 2, reading works, byte-identical',
    async () => {
      const { sandbox, site, dbPath } = prepareDatabase();
      setImmutable(dirname(dbPath), true);
      cleanups.push(() => setImmutable(dirname(dbPath), false));
      const before = databaseDigest(dbPath);
      for (const args of writers(site)) {
        expectRefused(await sandbox.run(args), before, dbPath, /read-only|cannot be opened/);
      }
      expect((await sandbox.run(['list'])).code).toBe(0);
      expect(databaseDigest(dbPath)).toEqual(before);
    },
  );
});

describe('a WAL file deleted between runs', () => {
  it('after a clean run there is no WAL to lose; after a killed one, deleting it loses only that run, and the next check redoes it', async () => {
    const { sandbox, site, pages, dbPath } = prepareDatabase();
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    const count = (sql: string): number => (sandbox.query<{ n: number }>(sql)[0] as { n: number }).n;
    const adsBefore = count('SELECT COUNT(*) AS n FROM ads');
    const eventsBefore = count('SELECT COUNT(*) AS n FROM events');

    // Watch 1 gets a new ad and is committed; watch 2's page never comes, so the run is killed after that commit.
    const [first] = pages as [ListingPage];
    first.addAd(first.adIds()[1] as number, 9_400_001, 'Még egy új hirdetés');
    cleanups.push(() => {
      first.remove(9_400_001);
      site.serve('/aprok/store1/index.html', pages[1] as ListingPage);
    });
    site.serve('/aprok/store1/index.html', () => {
      // Never answered: the run is killed while it waits.
    });
    const child = spawn(process.execPath, [BIN, 'check'], { cwd: sandbox.dir, env: sandbox.env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('close', resolve));
    const deadline = Date.now() + 15_000;
    while (count('SELECT COUNT(*) AS n FROM events') === eventsBefore) {
      if (Date.now() > deadline) throw new Error('the first watch was never committed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await exited;
    expect(statSync(`${dbPath}-wal`).size, 'the killed run left its commit in the WAL').toBeGreaterThan(0);

    rmSync(`${dbPath}-wal`);
    rmSync(`${dbPath}-shm`, { force: true });
    site.serve('/aprok/store1/index.html', pages[1] as ListingPage);
    const after = await sandbox.run(['check', '--json']);
    expect(after.code, after.stderr).toBe(0);
    // The commit that lived only in the deleted WAL is gone, so the ad is new again and is reported now.
    const newAds = checkRecords(after.stdout).filter((record) => record.type === 'new_ad');
    expect(newAds.map((record) => (record.ad as { id: number }).id)).toEqual([9_400_001]);
    expect(count('SELECT COUNT(*) AS n FROM ads')).toBe(adsBefore + 1);
    expect(count('SELECT COUNT(*) AS n FROM events')).toBe(eventsBefore + 1);
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});

describe('a corrupt database', () => {
  /** Overwrite one whole page (page 1: all but the 100-byte header, which still says SQLite) with a pattern. */
  function corruptPage(dbPath: string, page: number): void {
    const bytes = readFileSync(dbPath);
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65_536 : bytes.readUInt16BE(16);
    const start = page === 1 ? 100 : (page - 1) * pageSize;
    for (let offset = start; offset < page * pageSize && offset < bytes.length; offset += 1) {
      bytes[offset] = (offset * 37 + 11) & 0xff;
    }
    writeFileSync(dbPath, bytes);
  }

  function pageCount(dbPath: string): number {
    const bytes = readFileSync(dbPath);
    return Math.floor(bytes.length / bytes.readUInt16BE(16));
  }

  it('a corrupt schema page: every command exits 2 with a clear message and leaves the file byte-identical', async () => {
    const { sandbox, site, dbPath } = prepareDatabase();
    corruptPage(dbPath, 1);
    expect(readFileSync(dbPath).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const before = databaseDigest(dbPath);
    for (const args of [...writers(site), ['list'], ['show', '1'], ['ads', '1'], ['status']]) {
      expectRefused(await sandbox.run(args), before, dbPath, /corrupt/);
    }
  });

  // SQLite alone would notice a bad page only when a command reads it, by when the check has written its run lock.
  // Writers check the whole file first, so the page is found wherever it is.
  for (const where of ['second', 'middle', 'last'] as const) {
    it(`a corrupt ${where} page: every writer exits 2 and leaves the file byte-identical`, async () => {
      const { sandbox, site, dbPath } = prepareDatabase();
      const pages = pageCount(dbPath);
      corruptPage(dbPath, where === 'second' ? 2 : where === 'middle' ? Math.ceil(pages / 2) : pages);
      const before = databaseDigest(dbPath);
      for (const args of writers(site)) expectRefused(await sandbox.run(args), before, dbPath, /corrupt/);
    });
  }
});
