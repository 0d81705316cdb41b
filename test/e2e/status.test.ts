import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { sendHtml, startFakeSite } from '../helpers/fake-site.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const MOBIL = '/aprok/mobil/index.html';
const NOTEBOOK = '/aprok/notebook/index.html';
const challengePage = readFileSync(resolve(import.meta.dirname, '../fixtures/hardverapro/challenge-page.html'), 'utf8');

function configure(sandbox: CliSandbox): void {
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'requestDelayMs: 0\nnewestFirst: false\nmaxRetries: 0\n');
}

/** Write to the database directly, for states a real run would take long (or a full disk) to reach. */
function writeDb(sandbox: CliSandbox, sql: string, ...params: unknown[]): void {
  const db = new Database(sandbox.defaultDbPath);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();

describe('pyhabot status tells the truth without --max-age', () => {
  it('is unhealthy after a run in which every enabled watch failed', async () => {
    using sandbox = createCliSandbox();
    configure(sandbox);
    let html = challengePage;
    await using site = await startFakeSite({
      [MOBIL]: (_req, res) => sendHtml(res, html),
      [NOTEBOOK]: (_req, res) => sendHtml(res, challengePage),
    });
    await sandbox.run(['add', `${site.url}${MOBIL}`, '--allow-any-host']);
    expect((await sandbox.run(['check'])).code).toBe(3);
    const one = await sandbox.run(['status']);
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(/^unhealthy\n {2}- the only enabled watch failed its last check: /);

    await sandbox.run(['add', `${site.url}${NOTEBOOK}`, '--allow-any-host']);
    expect((await sandbox.run(['check'])).code).toBe(3);
    const both = await sandbox.run(['status']);
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/every enabled watch \(2\) failed its last check/);

    // One watch working again is no longer "everything failed" (the other is below failureThreshold).
    html = new ListingPage().withoutNextPage().keepFirst(3).html;
    expect((await sandbox.run(['check'])).code).toBe(3);
    const partly = await sandbox.run(['status']);
    expect(partly.stdout).not.toMatch(/failed its last check/);
    expect(partly.code).toBe(0);
  });

  it('is unhealthy when the last run did not finish, but not while a check is running', async () => {
    using sandbox = createCliSandbox();
    configure(sandbox);
    const html = new ListingPage().withoutNextPage().keepFirst(3).html;
    await using site = await startFakeSite({ [MOBIL]: (_req, res) => sendHtml(res, html) });
    await sandbox.run(['add', `${site.url}${MOBIL}`, '--allow-any-host']);
    expect((await sandbox.run(['check'])).code).toBe(0);
    expect((await sandbox.run(['status'])).code).toBe(0);

    // What a run that hit a full disk (or was killed) leaves behind: a start and no end.
    writeDb(sandbox, 'INSERT INTO check_runs (started_at, pid) VALUES (?, ?)', ago(120_000), 999_999);
    const stopped = await sandbox.run(['status']);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/the last check, started 2 min ago, did not finish: a storage error/);
    expect(stopped.stdout).toMatch(/last run: .*did not finish/);

    // The same row while a live check holds the lock is a run in progress.
    writeDb(
      sandbox,
      'INSERT INTO run_lock (id, owner, pid, hostname, acquired_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)',
      'live-run',
      process.pid,
      hostname(),
      ago(120_000),
      ago(1_000),
    );
    expect((await sandbox.run(['status'])).code).toBe(0);
  });

  it('judges the age of the last success against 1 h by default, and --max-age takes compound durations', async () => {
    using sandbox = createCliSandbox();
    configure(sandbox);
    const html = new ListingPage().withoutNextPage().keepFirst(3).html;
    await using site = await startFakeSite({ [MOBIL]: (_req, res) => sendHtml(res, html) });
    await sandbox.run(['add', `${site.url}${MOBIL}`, '--allow-any-host']);
    expect((await sandbox.run(['check'])).code).toBe(0);
    writeDb(sandbox, 'UPDATE watches SET created_at = ?, last_success_at = ?', ago(3 * 3_600_000), ago(50 * 60_000));
    expect((await sandbox.run(['status'])).code).toBe(0);

    writeDb(sandbox, 'UPDATE watches SET last_success_at = ?', ago(2 * 3_600_000));
    const stale = await sandbox.run(['status']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/the last successful check was 2 h ago \(allowed: 60 min\)/);
    expect((await sandbox.run(['status', '--max-age', '3h'])).code).toBe(0);
    const compound = await sandbox.run(['status', '--max-age', '1h30m']);
    expect(compound.code).toBe(1);
    expect(compound.stdout).toMatch(/\(allowed: 1\.5 h\)/);
  });

  it('refuses a --max-age without a unit instead of reading it as seconds', async () => {
    using sandbox = createCliSandbox();
    const result = await sandbox.run(['status', '--max-age', '90']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/"90" has no unit; write it with one, e\.g\. 90s for seconds or 90m for minutes/);
  });
});

describe('pyhabot check with a repeated watch id', () => {
  it('checks the watch once: one baseline, and later one failure, not three', async () => {
    using sandbox = createCliSandbox();
    configure(sandbox);
    let html = new ListingPage().withoutNextPage().keepFirst(3).html;
    await using site = await startFakeSite({ [MOBIL]: (_req, res) => sendHtml(res, html) });
    await sandbox.run(['add', `${site.url}${MOBIL}`, '--allow-any-host']);
    const baseline = await sandbox.run(['check', '1', '1', '1', '--json']);
    expect(JSON.parse(baseline.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ watches: 1, baselines: 1 });

    html = challengePage;
    const failed = await sandbox.run(['check', '1', '1', '1', '--json']);
    expect(failed.code).toBe(3);
    const records = failed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(records.map((record) => record.type)).toEqual(['watch_error', 'summary']);
    expect(records.at(-1)).toMatchObject({ watches: 1, watchesFailed: 1 });
    expect(sandbox.query('SELECT consecutive_failures FROM watches')).toEqual([{ consecutive_failures: 1 }]);
  });
});
