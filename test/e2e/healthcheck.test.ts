import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { type CliResult, type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';
import { sendHtml, startFakeSite } from '../helpers/fake-site.js';
import { ListingPage } from '../helpers/listing-fixture.js';
import type { LocalServer } from '../helpers/local-server.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const LISTING_PATH = '/aprok/mobil/index.html';
const OTHER_PATH = '/aprok/notebook/index.html';
const challengePage = readFileSync(join(repoRoot, 'test/fixtures/hardverapro/challenge-page.html'), 'utf8');

/** The command of the Dockerfile's HEALTHCHECK instruction, from its exec-form JSON array. */
function dockerfileHealthcheck(): string[] {
  const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8').replaceAll(/\\\r?\n/g, ' ');
  const instruction = dockerfile.split('\n').find((line) => /^HEALTHCHECK\s/.test(line));
  const command = instruction === undefined ? undefined : /\sCMD\s+(\[.*\])\s*$/.exec(instruction)?.[1];
  if (command === undefined) throw new Error('the Dockerfile has no exec-form HEALTHCHECK … CMD [...]');
  return JSON.parse(command) as string[];
}

/** The command of the compose service's healthcheck (`test: ["CMD", ...]`). */
function composeHealthcheck(): string[] {
  const compose = load(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { healthcheck?: { test?: string[] } }>;
  };
  const test = compose.services.pyhabot?.healthcheck?.test ?? [];
  if (test[0] !== 'CMD') throw new Error(`expected an exec-form healthcheck, got ${JSON.stringify(test)}`);
  return test.slice(1);
}

const HEALTHCHECK = dockerfileHealthcheck();

/** A sandbox set up like the container: the data directory comes from PERSISTENT_DATA_PATH. */
function containerLikeSandbox(): CliSandbox & { dataDir: string; dbPath: string } {
  const sandbox = createCliSandbox();
  const dataDir = join(sandbox.dir, 'data');
  mkdirSync(dataDir);
  Object.assign(sandbox.env, {
    PERSISTENT_DATA_PATH: dataDir,
    // Settings for the fake site: no pause between requests, no sort cookie, no retries of a failed page.
    PYHABOT_REQUEST_DELAY_MS: '0',
    PYHABOT_NEWEST_FIRST: 'false',
    PYHABOT_MAX_RETRIES: '0',
  });
  return Object.assign(sandbox, { dataDir, dbPath: join(dataDir, 'pyhabot.db') });
}

/** Run the healthcheck exactly as Docker does: the command from the Dockerfile, in the container's environment. */
function runHealthcheck(sandbox: CliSandbox): Promise<CliResult> {
  const [program, ...args] = HEALTHCHECK;
  if (program !== 'pyhabot') throw new Error(`the healthcheck runs ${program}, not pyhabot`);
  return sandbox.run(args);
}

async function mustRun(sandbox: CliSandbox, args: string[], expectedCode = 0): Promise<CliResult> {
  const result = await sandbox.run(args);
  if (result.code !== expectedCode) {
    throw new Error(`pyhabot ${args.join(' ')} exited ${result.code}, expected ${expectedCode}:\n${result.stderr}`);
  }
  return result;
}

/** A fake site serving `page()` at the listing path. */
function startListingSite(page: () => string): Promise<LocalServer> {
  return startFakeSite({ [LISTING_PATH]: (_req, res) => sendHtml(res, page()) });
}

/** Change watch rows directly, for states that would otherwise take real minutes to reach. */
function updateWatches(dbPath: string, sql: string, ...params: unknown[]): void {
  const db = new Database(dbPath);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

function queryDb(dbPath: string, sql: string): unknown[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

describe('the container healthcheck', () => {
  it('is the same command in the Dockerfile and in docker-compose.yml: pyhabot status --max-age 20m', () => {
    expect(HEALTHCHECK).toEqual(['pyhabot', 'status', '--max-age', '20m']);
    expect(composeHealthcheck()).toEqual(HEALTHCHECK);
  });

  it('is healthy on a fresh data directory, before any watch exists', async () => {
    using sandbox = containerLikeSandbox();
    const result = await runHealthcheck(sandbox);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^healthy\n/);
  });

  it('is healthy after a recent successful check, and unhealthy once the last success is older than 20 min', async () => {
    using sandbox = containerLikeSandbox();
    const page = new ListingPage().withoutNextPage().keepFirst(5);
    await using site = await startListingSite(() => page.html);
    await mustRun(sandbox, ['add', `${site.url}${LISTING_PATH}`, '--allow-any-host']);
    await mustRun(sandbox, ['check']);

    const recent = await runHealthcheck(sandbox);
    expect(recent.code).toBe(0);
    expect(recent.stdout).toMatch(/^healthy\n/);

    updateWatches(
      sandbox.dbPath,
      'UPDATE watches SET created_at = ?, last_check_at = ?, last_success_at = ?',
      minutesAgo(60),
      minutesAgo(19),
      minutesAgo(19),
    );
    expect((await runHealthcheck(sandbox)).code).toBe(0);

    updateWatches(
      sandbox.dbPath,
      'UPDATE watches SET last_check_at = ?, last_success_at = ?',
      minutesAgo(25),
      minutesAgo(25),
    );
    const stale = await runHealthcheck(sandbox);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/^unhealthy\n/);
    expect(stale.stdout).toMatch(/last successful check was 25 min ago \(allowed: 20 min\)/);
  });

  it('is unhealthy when a watch that never succeeded was added more than 20 min ago', async () => {
    using sandbox = containerLikeSandbox();
    await mustRun(sandbox, ['add', 'https://hardverapro.hu/aprok/mobil/index.html']);
    expect((await runHealthcheck(sandbox)).code).toBe(0);

    updateWatches(sandbox.dbPath, 'UPDATE watches SET created_at = ?', minutesAgo(30));
    const result = await runHealthcheck(sandbox);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/no check has succeeded since the first watch was added 30 min ago/);
  });

  it('turns unhealthy when a watch has failed failureThreshold (3) checks in a row', async () => {
    using sandbox = containerLikeSandbox();
    let html = new ListingPage().withoutNextPage().keepFirst(5).html;
    const good = new ListingPage().withoutNextPage().keepFirst(3).html;
    await using site = await startFakeSite({
      [LISTING_PATH]: (_req, res) => sendHtml(res, html),
      [OTHER_PATH]: (_req, res) => sendHtml(res, good),
    });
    await mustRun(sandbox, ['add', `${site.url}${LISTING_PATH}`, '--allow-any-host', '--name', 'phones']);
    await mustRun(sandbox, ['add', `${site.url}${OTHER_PATH}`, '--allow-any-host', '--name', 'laptops']);
    await mustRun(sandbox, ['check']);

    // The site starts answering with a bot challenge instead of the listing: exit 3, needs a human.
    html = challengePage;
    for (const run of [1, 2]) {
      await mustRun(sandbox, ['check'], 3);
      const stillHealthy = await runHealthcheck(sandbox);
      expect(stillHealthy.code, `after ${run} failed run(s)`).toBe(0);
    }
    await mustRun(sandbox, ['check'], 3);
    const result = await runHealthcheck(sandbox);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^unhealthy\n/);
    expect(result.stdout).toMatch(/watch 1 \(phones\) failed 3 runs in a row/);

    // One good run heals it.
    html = new ListingPage().withoutNextPage().keepFirst(5).html;
    await mustRun(sandbox, ['check']);
    expect((await runHealthcheck(sandbox)).code).toBe(0);
  });

  it('turns unhealthy when a notification could not be delivered (dead)', async () => {
    using sandbox = containerLikeSandbox();
    const page = new ListingPage().withoutNextPage().keepFirst(5);
    await using site = await startListingSite(() => page.html);
    // 410 Gone: the receiver no longer exists, so the notification is given up at once.
    await using receiver = await startFakeReceiver([{ status: 410, body: 'gone' }]);
    const [firstAd] = page.adIds();
    if (firstAd === undefined) throw new Error('the fixture page has no ads');
    await mustRun(sandbox, [
      'add',
      `${site.url}${LISTING_PATH}`,
      '--allow-any-host',
      '--notify',
      `${receiver.url}/hook`,
    ]);
    await mustRun(sandbox, ['check']);
    expect((await runHealthcheck(sandbox)).code).toBe(0);

    page.addAd(firstAd, 99_000_001, 'Samsung Galaxy S24 128GB');
    await mustRun(sandbox, ['check'], 1);
    expect(receiver.requests).toHaveLength(1);
    expect(queryDb(sandbox.dbPath, 'SELECT status FROM outbox')).toEqual([{ status: 'dead' }]);

    const result = await runHealthcheck(sandbox);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^unhealthy\n/);
    expect(result.stdout).toMatch(/1 notification could not be delivered in the last 24 h/);
  });
});
