import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';
import { ListingPage } from '../helpers/listing-fixture.js';
import { ndjson } from '../helpers/ndjson.js';

const MOBIL = '/aprok/mobil/index.html';
const CONFIG = [
  'requestDelayMs: 0',
  'newestFirst: false',
  'maxRetries: 0',
  'goneAfterMisses: 2',
  'deliveryBackoffMs: 0',
  'deliveryMaxAttempts: 3',
  '',
].join('\n');

function configure(sandbox: CliSandbox, extra = ''): void {
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), CONFIG + extra);
}

/** A small page: the first `count` ads of the real page, and no next page, so a scrape is complete. */
function smallPage(count = 10): ListingPage {
  return new ListingPage().keepFirst(count).withoutNextPage();
}

describe('pyhabot check, end to end', () => {
  it('records a baseline, then reports a new ad, a price drop and a gone ad, delivering each once', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    configure(sandbox);
    const page = smallPage();
    site.serve(MOBIL, page);
    const ids = page.adIds();
    const added = await sandbox.run([
      'add',
      site.urlFor(MOBIL),
      '--allow-any-host',
      '--notify',
      `${receiver.url}/hook`,
    ]);
    expect(added.code).toBe(0);

    const baseline = await sandbox.run(['check']);
    expect(baseline.code, baseline.stderr).toBe(0);
    expect(baseline.stdout).toContain('baseline: 10 ads');
    expect(baseline.stdout).toMatch(/1 watch, 0 new ads, 1 baseline/);
    expect(receiver.requests).toHaveLength(0);

    const quiet = await sandbox.run(['check', '--quiet']);
    expect(quiet).toMatchObject({ code: 0, stdout: '' });

    const dropped = ids[3] as number;
    page.addAd(ids[5] as number, 9_000_001, 'Vadonatúj iPhone 17 Pro').setPrice(dropped, '1 000 Ft');
    const changed = await sandbox.run(['check', '--json']);
    expect(changed.code, changed.stderr).toBe(0);
    const records = ndjson(changed.stdout);
    // Events come in page order; the summary is always last.
    expect(records.map((r) => r.type).sort()).toEqual(['new_ad', 'price_changed', 'summary']);
    expect(records.find((r) => r.type === 'new_ad')).toMatchObject({
      watch: { id: 1, name: 'mobil' },
      ad: { id: 9_000_001, title: 'Vadonatúj iPhone 17 Pro' },
    });
    expect(records.find((r) => r.type === 'price_changed')).toMatchObject({ ad: { id: dropped }, newPrice: 1000 });
    expect(records.at(-1)).toMatchObject({ type: 'summary', newAds: 1, priceDrops: 1, delivered: 2, exitCode: 0 });

    const bodies = receiver.jsonBodies() as Array<{ type: string; idempotencyKey: string; ad: { id: number } }>;
    expect(bodies.map((b) => `${b.type} ${b.ad.id}`).sort()).toEqual([`new_ad 9000001`, `price_changed ${dropped}`]);
    expect(new Set(bodies.map((b) => b.idempotencyKey)).size).toBe(2);

    const gone = ids[0] as number;
    page.remove(gone);
    expect((await sandbox.run(['check', '--quiet'])).stdout).toBe('');
    expect(sandbox.query('SELECT missed_runs, gone_at FROM ads WHERE ad_id = ?', gone)).toEqual([
      { missed_runs: 1, gone_at: null },
    ]);
    await sandbox.run(['check']);
    const [goneRow] = sandbox.query<{ gone_at: string | null }>('SELECT gone_at FROM ads WHERE ad_id = ?', gone);
    expect(goneRow?.gone_at).not.toBeNull();
    const ads = JSON.parse((await sandbox.run(['ads', '1', '--all', '--json'])).stdout) as Array<{
      id: number;
      active: boolean;
      priceHistory: unknown[];
    }>;
    expect(ads.find((ad) => ad.id === gone)?.active).toBe(false);
    expect(ads.find((ad) => ad.id === dropped)?.priceHistory).toHaveLength(2);
    expect(receiver.requests).toHaveLength(2);
  });

  it('reports the existing ads at the first check with --notify-existing, and again after rescrape', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    site.serve(MOBIL, smallPage(4));
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify-existing']);
    const first = ndjson((await sandbox.run(['check', '--json'])).stdout);
    expect(first.filter((r) => r.type === 'new_ad')).toHaveLength(4);
    expect(ndjson((await sandbox.run(['check', '--json'])).stdout).map((r) => r.type)).toEqual(['summary']);
    expect((await sandbox.run(['rescrape', '1'])).code).toBe(0);
    const again = ndjson((await sandbox.run(['check', '--json'])).stdout);
    expect(again.filter((r) => r.type === 'new_ad')).toHaveLength(4);
  });

  it('changes nothing with --dry-run: the database stays byte-identical', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    const page = smallPage(5);
    site.serve(MOBIL, page);
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    await sandbox.run(['check']);
    page.addAd(page.adIds()[1] as number, 9_000_002, 'Új hirdetés');
    // Checkpoint so the comparison covers every committed page in the main file.
    await sandbox.run(['list']);
    const before = readFileSync(sandbox.defaultDbPath);
    const dry = await sandbox.run(['check', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(ndjson(dry.stdout).map((r) => r.type)).toEqual(['new_ad', 'summary']);
    expect(readFileSync(sandbox.defaultDbPath).equals(before)).toBe(true);
    const real = ndjson((await sandbox.run(['check', '--json'])).stdout);
    expect(real.map((r) => r.type)).toEqual(['new_ad', 'summary']);
  });

  it('keeps a failing receiver pending and delivers once it recovers, exactly once', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver([{ status: 500, body: 'down' }]);
    configure(sandbox);
    const page = smallPage(5);
    site.serve(MOBIL, page);
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify', `${receiver.url}/hook`]);
    await sandbox.run(['check']);
    page.addAd(page.adIds()[1] as number, 9_000_003, 'Új hirdetés');
    const failing = await sandbox.run(['check', '--json']);
    const records = ndjson(failing.stdout);
    expect(records.map((r) => r.type)).toEqual(['new_ad', 'delivery_failed', 'summary']);
    expect(records[1]).toMatchObject({ dead: false, error: expect.stringMatching(/500/) });
    expect(failing.code).toBe(0);
    const failedAttempts = receiver.requests.length;
    expect(failedAttempts).toBeGreaterThan(0);

    receiver.script([{ status: 200, body: 'ok' }]);
    const recovered = await sandbox.run(['check', '--json']);
    expect(ndjson(recovered.stdout).at(-1)).toMatchObject({ type: 'summary', delivered: 1, newAds: 0 });
    await sandbox.run(['check']);
    const accepted = receiver.requests.slice(failedAttempts);
    expect(accepted).toHaveLength(1);
    expect(sandbox.query('SELECT status, attempts FROM outbox')).toEqual([{ status: 'delivered', attempts: 2 }]);
  });

  it('marks a notification dead after the configured attempts and exits 1', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver([{ status: 400, body: 'bad request' }]);
    configure(sandbox);
    const page = smallPage(3);
    site.serve(MOBIL, page);
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify', `${receiver.url}/hook`]);
    await sandbox.run(['check']);
    page.addAd(page.adIds()[0] as number, 9_000_004, 'Új');
    const result = await sandbox.run(['check']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/NOTIFICATION DEAD .*400/);
    const status = await sandbox.run(['status']);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/could not be delivered/);
  });

  it('keeps the ads of a watch whose page is unrecognised, exits 3, and checks the other watches', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    const good = smallPage(4);
    const broken = smallPage(6);
    site.serve(MOBIL, good);
    site.serve('/aprok/notebook/index.html', broken);
    await sandbox.run(['add', site.urlFor('/aprok/notebook/index.html'), '--allow-any-host']);
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    await sandbox.run(['check']);
    site.serve('/aprok/notebook/index.html', broken.clone().renameClass('uad-col-title', 'uad-col-name'));
    good.addAd(good.adIds()[0] as number, 9_000_005, 'Új');
    const result = await sandbox.run(['check', '--json']);
    expect(result.code).toBe(3);
    const records = ndjson(result.stdout);
    expect(records.find((r) => r.type === 'watch_error')).toMatchObject({
      watch: { id: 1 },
      error: { kind: 'unrecognized_page' },
    });
    expect(records.find((r) => r.type === 'new_ad')).toMatchObject({ watch: { id: 2 } });
    expect(sandbox.query('SELECT COUNT(*) AS n FROM ads WHERE watch_id = 1 AND gone_at IS NULL')).toEqual([{ n: 6 }]);
    const list = await sandbox.run(['list']);
    expect(list.stdout).toMatch(/1\s+notebook\s+yes\s+just now\s+error: unrecognized_page/);
  });

  it('records a site error on the watch without touching its ads, exit 1', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    site.serve(MOBIL, smallPage(3));
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    await sandbox.run(['check']);
    site.serve(MOBIL, (_req, res) => {
      res.writeHead(500);
      res.end('oops');
    });
    for (let run = 1; run <= 3; run += 1) {
      const result = await sandbox.run(['check']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/ERROR \[mobil\] http_status/);
    }
    expect(sandbox.query('SELECT consecutive_failures, last_error_kind FROM watches')).toEqual([
      { consecutive_failures: 3, last_error_kind: 'http_status' },
    ]);
    expect(sandbox.query('SELECT COUNT(*) AS n FROM ads WHERE gone_at IS NULL')).toEqual([{ n: 3 }]);
    expect((await sandbox.run(['status'])).code).toBe(1);
  });

  it('reads searches one at a time, and records each one past a failure', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    let inFlight = 0;
    let mostInFlight = 0;
    const paths = ['/aprok/a/index.html', '/aprok/b/index.html', '/aprok/c/index.html', '/aprok/d/index.html'];
    for (const [index, path] of paths.entries()) {
      const html = smallPage(index + 2).html;
      site.serve(path, (_req, res) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(html, () => {
            inFlight -= 1;
          });
        }, 20);
      });
      expect((await sandbox.run(['add', site.urlFor(path), '--allow-any-host'])).code).toBe(0);
    }
    site.serve('/aprok/c/index.html', (_req, res) => {
      res.writeHead(500);
      res.end('oops');
    });
    const result = await sandbox.run(['check', '--json']);
    expect(result.code, result.stderr).toBe(1);
    expect(mostInFlight).toBe(1);
    expect(paths.map((path) => site.hits(path))).toEqual([1, 1, 1, 1]);
    expect(sandbox.query('SELECT watch_id, COUNT(*) AS n FROM ads GROUP BY watch_id ORDER BY watch_id')).toEqual([
      { watch_id: 1, n: 2 },
      { watch_id: 2, n: 3 },
      { watch_id: 4, n: 5 },
    ]);
    expect(sandbox.query('SELECT id, last_status FROM watches ORDER BY id')).toEqual([
      { id: 1, last_status: 'baseline' },
      { id: 2, last_status: 'baseline' },
      { id: 3, last_status: 'error' },
      { id: 4, last_status: 'baseline' },
    ]);
  });

  it('lets only one of two simultaneous checks run; the other exits 75 and nothing is sent twice', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    configure(sandbox);
    const page = smallPage(3);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    site.serve(MOBIL, page);
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify', `${receiver.url}/hook`]);
    await sandbox.run(['check']);
    page.addAd(page.adIds()[0] as number, 9_000_006, 'Új');
    site.serve(MOBIL, (_req, res) => {
      void gate.then(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page.html);
      });
    });
    const first = sandbox.run(['check']);
    await waitFor(() => site.hits(MOBIL) >= 2);
    const second = await sandbox.run(['check']);
    release();
    expect(second.code).toBe(75);
    expect(second.stderr).toMatch(/another check is running/);
    expect((await first).code).toBe(0);
    expect(receiver.requests).toHaveLength(1);
  });

  it('winds down on SIGTERM: exit 143, no half-written watch, the next run completes', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    site.serve(MOBIL, smallPage(3));
    site.serve('/aprok/slow/index.html', () => {
      // never answers: the run is stuck here when the signal comes
    });
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    await sandbox.run(['add', site.urlFor('/aprok/slow/index.html'), '--allow-any-host']);
    const child = spawn(process.execPath, [BIN, 'check'], { cwd: sandbox.dir, env: sandbox.env, stdio: 'ignore' });
    await waitFor(() => site.hits('/aprok/slow/index.html') >= 1);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(143);
    expect(sandbox.query('SELECT id, last_status FROM watches ORDER BY id')).toEqual([
      { id: 1, last_status: 'baseline' },
      { id: 2, last_status: null },
    ]);
    expect(sandbox.query('SELECT COUNT(*) AS n FROM run_lock')).toEqual([{ n: 0 }]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('pyhabot ads', () => {
  it('lists the newest ads up to --limit, says how many more there are, and lists all with --limit 0', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    const page = smallPage(60);
    site.serve(MOBIL, page);
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    expect((await sandbox.run(['check'])).code).toBe(0);
    const newestFirst = [...page.adIds()].sort((a, b) => b - a);

    const shown = await sandbox.run(['ads', '1']);
    expect(shown.code, shown.stderr).toBe(0);
    const rows = shown.stdout.trim().split('\n');
    expect(rows).toHaveLength(1 + 50 + 1);
    expect(rows[1]).toMatch(new RegExp(`^${newestFirst[0]}\\s`));
    expect(rows.at(-1)).toBe('10 older ads not shown; --limit 0 shows all');

    const limited = JSON.parse((await sandbox.run(['ads', '1', '--limit', '5', '--json'])).stdout) as Array<{
      id: number;
    }>;
    expect(limited.map((ad) => ad.id)).toEqual(newestFirst.slice(0, 5));

    const all = await sandbox.run(['ads', '1', '--limit', '0']);
    expect(all.stdout.trim().split('\n')).toHaveLength(1 + 60);
    expect(all.stdout).not.toContain('not shown');

    for (const bad of ['-1', 'ten', '2.5']) {
      const refused = await sandbox.run(['ads', '1', '--limit', bad]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--limit/);
    }
  });
});
