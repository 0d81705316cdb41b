import { readFileSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { type FakeHardverapro, startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { checkRecords, runCliMeasured } from '../helpers/fault-cli.js';
import { type FaultHandler, type FaultySite, startFaultySite } from '../helpers/fault-site.js';
import { ListingPage } from '../helpers/listing-fixture.js';

// One watch reads a site that misbehaves in one way per case; five others read a healthy site that has a new ad
// every time. Whatever the fault, the five report their new ad, the faulty watch records the right error kind,
// and nothing it has seen is marked gone: `goneAfterMisses: 1` and complete pages would expose at once any fault
// read as "the search is empty now".

const FIXTURES = resolve(import.meta.dirname, '../fixtures/hardverapro');
const GOOD_WATCHES = 5;
const ADS_PER_PAGE = 10;
const SEARCH_PATH = '/aprok/keres.php';
const TWENTY_MB = 20 * 1024 * 1024;

interface FaultCase {
  name: string;
  /** The error kind recorded on the faulty watch; null when the watch is expected to recover within the run. */
  kind: string | null;
  exitCode: number;
  handler?: (site: FaultySite) => FaultHandler;
  env?: NodeJS.ProcessEnv;
  before?: (site: FaultySite) => Promise<void>;
  after?: (site: FaultySite) => Promise<void>;
  /** Extra checks on what the faulty site saw and how the run went. */
  verify?: (site: FaultySite, run: { maxRssMb: number | null }) => void;
}

const goodFaultyPage = new ListingPage().keepFirst(ADS_PER_PAGE).withoutNextPage();

function sendPage(res: ServerResponse, html: string, status = 200): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
}

/** Writes `total` bytes in 64 KiB chunks as fast as the client reads them, counting what leaves. */
function streamBytes(site: FaultySite, res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, '<p>filler</p>');
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      site.countBytes(chunk.length);
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** Deterministic bytes that are no page at all. */
function garbageBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = 20251219;
  for (let index = 0; index < size; index += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    bytes[index] = (state >> 16) & 0xff;
  }
  return bytes;
}

const cases: FaultCase[] = [
  {
    name: 'connection refused',
    kind: 'network',
    exitCode: 1,
    before: (site) => site.stop(),
    after: (site) => site.start(),
  },
  {
    name: 'connection reset in the middle of the body',
    kind: 'network',
    exitCode: 1,
    handler: () => (_req, res) => {
      const body = Buffer.from(goodFaultyPage.html, 'utf8');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => res.socket?.destroy(), 20);
    },
  },
  {
    name: 'a 30 s stall before any answer',
    kind: 'timeout',
    exitCode: 1,
    handler: () => (_req, res) => {
      setTimeout(() => sendPage(res, goodFaultyPage.html), 30_000).unref();
    },
  },
  {
    name: 'a 30 s stall in the middle of the body',
    kind: 'timeout',
    exitCode: 1,
    handler: () => (_req, res) => {
      const body = Buffer.from(goodFaultyPage.html, 'utf8');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      res.write(body.subarray(0, 10_000));
      setTimeout(() => res.end(body.subarray(10_000)), 30_000).unref();
    },
  },
  {
    name: '429 with Retry-After and no retries left',
    kind: 'rate_limited',
    exitCode: 1,
    handler: () => (_req, res) => {
      res.writeHead(429, { 'retry-after': '1', 'content-length': 0 });
      res.end();
    },
    verify: (site) => expect(site.requestTimes).toHaveLength(1),
  },
  {
    name: '429 with Retry-After, then the page (retries allowed)',
    kind: null,
    exitCode: 0,
    env: { PYHABOT_MAX_RETRIES: '2' },
    handler: () => {
      let calls = 0;
      return (_req, res) => {
        calls += 1;
        if (calls === 1) {
          res.writeHead(429, { 'retry-after': '1', 'content-length': 0 });
          res.end();
          return;
        }
        sendPage(res, goodFaultyPage.html);
      };
    },
    verify: (site) => {
      expect(site.requestTimes).toHaveLength(2);
      const [first = 0, second = 0] = site.requestTimes;
      // The site's clock sees a few ms of scheduling jitter either way; the point is the one-second wait.
      expect(second - first).toBeGreaterThanOrEqual(950);
    },
  },
  {
    name: 'a 503 storm (every attempt answered 503)',
    kind: 'rate_limited',
    exitCode: 1,
    env: { PYHABOT_MAX_RETRIES: '2' },
    handler: () => (_req, res) => sendPage(res, '<html><body>Service Unavailable</body></html>', 503),
    verify: (site) => expect(site.requestTimes).toHaveLength(3),
  },
  {
    name: 'a 20 MB body with its length declared',
    kind: 'too_large',
    exitCode: 1,
    handler: (site) => (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': TWENTY_MB });
      streamBytes(site, res, TWENTY_MB);
    },
    verify: (site) => expect(site.bytesWritten()).toBeLessThan(TWENTY_MB),
  },
  {
    name: 'a 20 MB body without a length (chunked)',
    kind: 'too_large',
    exitCode: 1,
    handler: (site) => (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      streamBytes(site, res, TWENTY_MB);
    },
    verify: (site, run) => {
      // The reader stops at the 8 MiB limit: the rest is never read, let alone held in memory.
      expect(site.bytesWritten()).toBeLessThan(TWENTY_MB);
      expect(run.maxRssMb).not.toBeNull();
      expect(run.maxRssMb ?? Number.POSITIVE_INFINITY).toBeLessThan(150);
    },
  },
  {
    name: 'a redirect loop',
    kind: 'redirect_loop',
    exitCode: 1,
    handler: () => (req, res) => {
      const looped = (req.url ?? '').includes('loop=1');
      const next = looped ? `${SEARCH_PATH}?stext=pyhabot` : `${SEARCH_PATH}?stext=pyhabot&loop=1`;
      res.writeHead(302, { location: next, 'content-length': 0 });
      res.end();
    },
  },
  {
    name: 'the search dropped by a redirect to the category page',
    kind: 'search_dropped',
    exitCode: 3,
    handler: () => (req, res) => {
      if ((req.url ?? '').startsWith(SEARCH_PATH)) {
        res.writeHead(302, { location: '/aprok/mobil/index.html', 'content-length': 0 });
        res.end();
        return;
      }
      sendPage(res, goodFaultyPage.html);
    },
  },
  {
    name: 'garbage bytes',
    kind: 'unrecognized_page',
    exitCode: 3,
    handler: () => {
      const body = garbageBytes(50_000);
      return (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
        res.end(body);
      };
    },
  },
  {
    name: 'a redesigned page (the ad list class renamed)',
    kind: 'unrecognized_page',
    exitCode: 3,
    handler: () => {
      const html = goodFaultyPage.clone().renameClass('uad-list', 'uad-listing').html;
      return (_req, res) => sendPage(res, html);
    },
  },
  {
    name: 'the old media-body layout',
    kind: 'unrecognized_page',
    exitCode: 3,
    handler: () => {
      const html = readFileSync(resolve(FIXTURES, 'listing-media-body-layout.html'), 'utf8');
      return (_req, res) => sendPage(res, html);
    },
  },
  {
    name: 'a cookie consent page',
    kind: 'unrecognized_page',
    exitCode: 3,
    handler: () => {
      const html = readFileSync(resolve(FIXTURES, 'consent-page.html'), 'utf8');
      return (_req, res) => sendPage(res, html);
    },
  },
  {
    name: 'a bot challenge answered 403',
    kind: 'http_status',
    exitCode: 3,
    handler: () => {
      const html = readFileSync(resolve(FIXTURES, 'challenge-page.html'), 'utf8');
      return (_req, res) => sendPage(res, html, 403);
    },
  },
];

describe('site faults on one watch of six', () => {
  let sandbox: CliSandbox;
  let site: FakeHardverapro;
  let faulty: FaultySite;
  const goodPages: ListingPage[] = [];
  let nextAdId = 9_300_000;

  const serveGoodFaultyPage: FaultHandler = (_req, res) => sendPage(res, goodFaultyPage.html);

  beforeAll(async () => {
    sandbox = createCliSandbox();
    site = await startFakeHardverapro();
    faulty = await startFaultySite();
    writeFileSync(
      resolve(sandbox.dir, '.pyhabotrc'),
      [
        'requestDelayMs: 0',
        'newestFirst: false',
        'maxRetries: 0',
        'requestTimeoutMs: 1000',
        'retryAfterMaxMs: 5000',
        'goneAfterMisses: 1',
        '',
      ].join('\n'),
    );
    faulty.setHandler(serveGoodFaultyPage);
    const addFaulty = await sandbox.run(['add', `${faulty.url}${SEARCH_PATH}?stext=pyhabot`, '--allow-any-host']);
    expect(addFaulty.code, addFaulty.stderr).toBe(0);
    for (let index = 0; index < GOOD_WATCHES; index += 1) {
      const page = new ListingPage().keepFirst(ADS_PER_PAGE).withoutNextPage();
      goodPages.push(page);
      const path = `/aprok/good${index}/index.html`;
      site.serve(path, page);
      const added = await sandbox.run(['add', site.urlFor(path), '--allow-any-host']);
      expect(added.code, added.stderr).toBe(0);
    }
    const baseline = await sandbox.run(['check', '--json']);
    expect(baseline.code, baseline.stdout + baseline.stderr).toBe(0);
    expect(checkRecords(baseline.stdout).filter((record) => record.type === 'baseline')).toHaveLength(GOOD_WATCHES + 1);
  });

  afterAll(async () => {
    await faulty?.stop();
    await site?.[Symbol.asyncDispose]();
    sandbox?.[Symbol.dispose]();
  });

  it.each(cases)('$name', async (fault) => {
    const newAds = goodPages.map((page) => {
      const id = nextAdId;
      nextAdId += 1;
      page.addAd(page.adIds()[3] as number, id, `Új hirdetés ${id}`);
      return id;
    });
    faulty.resetRequests();
    if (fault.handler) faulty.setHandler(fault.handler(faulty));
    await fault.before?.(faulty);
    let run: Awaited<ReturnType<typeof runCliMeasured>>;
    try {
      run = await runCliMeasured(sandbox, ['check', '--json'], { env: fault.env ?? {}, timeoutMs: 30_000 });
    } finally {
      await fault.after?.(faulty);
      faulty.setHandler(serveGoodFaultyPage);
    }
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.code, output).toBe(fault.exitCode);
    expect(run.stderr, 'a stack trace on stderr').not.toContain('\n    at ');

    const records = checkRecords(run.stdout);
    const watchOf = (record: Record<string, unknown>): number => (record.watch as { id: number }).id;
    const reported = records
      .filter((record) => record.type === 'new_ad')
      .map((record) => ({ watch: watchOf(record), ad: (record.ad as { id: number }).id }));
    expect(reported).toEqual(newAds.map((ad, index) => ({ watch: index + 2, ad })));
    const errors = records.filter((record) => record.type === 'watch_error');
    if (fault.kind === null) {
      expect(errors, output).toEqual([]);
    } else {
      expect(errors.map((record) => [watchOf(record), (record.error as { kind: string }).kind])).toEqual([
        [1, fault.kind],
      ]);
    }
    fault.verify?.(faulty, run);

    const [faultyState] = sandbox.query<{ last_error_kind: string | null; last_status: string }>(
      'SELECT last_error_kind, last_status FROM watches WHERE id = 1',
    );
    expect(faultyState).toEqual(
      fault.kind === null
        ? { last_error_kind: null, last_status: 'ok' }
        : { last_error_kind: fault.kind, last_status: 'error' },
    );
    const faultyAds = sandbox.query<{ active: number; missed: number }>(
      'SELECT COUNT(*) AS active, COALESCE(SUM(missed_runs), 0) AS missed FROM ads WHERE watch_id = 1 AND gone_at IS NULL',
    );
    expect(faultyAds).toEqual([{ active: ADS_PER_PAGE, missed: 0 }]);
    expect(sandbox.query('SELECT watch_id, ad_id FROM ads WHERE gone_at IS NOT NULL OR missed_runs > 0')).toEqual([]);

    // Once the site behaves again, the watch simply recovers: no error, nothing new, nothing lost.
    const recovered = await sandbox.run(['check', '--json']);
    expect(recovered.code, recovered.stdout + recovered.stderr).toBe(0);
    const after = checkRecords(recovered.stdout);
    expect(after.filter((record) => record.type !== 'summary')).toEqual([]);
    expect(sandbox.query('SELECT consecutive_failures, last_error_kind FROM watches WHERE id = 1')).toEqual([
      { consecutive_failures: 0, last_error_kind: null },
    ]);
  });
});
