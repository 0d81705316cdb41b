import { spawn, spawnSync } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hostilePages } from '../../bench/hostile-pages.js';
import { BIN, type CliResult, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { ListingPage } from '../helpers/listing-fixture.js';

// What a watch whose page takes a while to parse does to the rest of the run: a SIGTERM that arrives while the
// page is parsed (no handler can run then) still ends the run once that watch is done, with exit 143, and no
// later watch is recorded. And a check that is busy that long keeps its lock: on the same host only a gone
// process loses it, however old its heartbeat.

const BIG_PAGE_BYTES = 8 * 1024 * 1024 - 64 * 1024;
const SLOW = '/aprok/slow/keres.php';
const NEXT = '/aprok/next/keres.php';
const LAST = '/aprok/last/keres.php';

function send(res: ServerResponse, html: string): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
}

describe('a SIGTERM during a long parse', () => {
  it('ends the run after the watch being parsed, with exit 143, recording no later watch', async () => {
    await using site = await startFakeHardverapro();
    using sandbox = createCliSandbox();
    const slowPage = hostilePages(BIG_PAGE_BYTES).find((page) => page.name === 'deep nesting inside a card');
    if (slowPage === undefined) throw new Error('no slow page');
    const smallPage = new ListingPage().keepFirst(3).withoutNextPage().html;
    for (const path of [SLOW, NEXT, LAST]) {
      expect((await sandbox.run(['add', site.urlFor(path), '--allow-any-host'])).code).toBe(0);
    }

    let terminate = (): void => {};
    site.serve(SLOW, (_req, res) => {
      // 'finish' comes as the client reads the last of the body; reading and parsing 8 MiB takes it well over
      // 50 ms more, so the signal lands while the page is parsed (or, at worst, still read).
      res.on('finish', () => setTimeout(() => terminate(), 50));
      send(res, slowPage.html);
    });
    site.serve(NEXT, smallPage);
    site.serve(LAST, smallPage);

    const child = spawn(process.execPath, [BIN, 'check', '--json'], {
      cwd: sandbox.dir,
      env: { ...sandbox.env, PYHABOT_REQUEST_DELAY_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let signalled = false;
    terminate = () => {
      if (!signalled) child.kill('SIGTERM');
      signalled = true;
    };
    const result = await new Promise<CliResult>((resolve) => {
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });

    expect(signalled).toBe(true);
    expect(result.code, result.stderr).toBe(143);
    const summary = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .at(-1);
    expect(summary).toMatchObject({ type: 'summary', interrupted: true });
    const recorded = sandbox.query<{ url: string }>('SELECT url FROM watches WHERE baseline_done = 1');
    expect(recorded.map((row) => new URL(row.url).pathname)).not.toContain(NEXT);
    expect(recorded.map((row) => new URL(row.url).pathname)).not.toContain(LAST);
    // The run ended with the watch it was busy with: no later search was even asked for.
    expect(site.hits(NEXT)).toBe(0);
    expect(site.hits(LAST)).toBe(0);
  }, 120_000);
});

describe('the run lock of a busy check', () => {
  async function checkWithLockHeldBy(pid: number): Promise<CliResult> {
    await using site = await startFakeHardverapro();
    using sandbox = createCliSandbox();
    site.serve(SLOW, new ListingPage().keepFirst(3).withoutNextPage().html);
    expect((await sandbox.run(['add', site.urlFor(SLOW), '--allow-any-host'])).code).toBe(0);
    const longAgo = new Date(Date.now() - 24 * 3_600_000).toISOString();
    const db = new Database(sandbox.defaultDbPath);
    db.prepare(
      'INSERT INTO run_lock (id, owner, pid, hostname, acquired_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)',
    ).run('earlier-run', pid, hostname(), longAgo, longAgo);
    db.close();
    return await sandbox.run(['check'], { env: { PYHABOT_REQUEST_DELAY_MS: '0' } });
  }

  it('is not taken over while its process lives, however old its heartbeat', async () => {
    // This test's own process stands for the busy check: alive, on this host, silent for a day.
    const result = await checkWithLockHeldBy(process.pid);
    expect(result.code, result.stderr).toBe(75);
    expect(result.stderr).toContain(`pid ${process.pid}`);
  });

  it('is taken over once its process is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    if (gone === undefined) throw new Error('no pid');
    const result = await checkWithLockHeldBy(gone);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('baseline');
  });
});
