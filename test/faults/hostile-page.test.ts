import { describe, expect, it } from 'vitest';
import { hostilePages } from '../../bench/hostile-pages.js';
import { parseListing } from '../../src/scrape/parse-listing.js';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';

// Pages built to make the parser's scans cost the square of the page (a class token repeated in one attribute,
// tags that never close, deep nesting, a flood of cards), at the size of the response body cap. Each must be read
// or rejected, never taken for an empty search; how the cost grows with size is measured in the benchmark
// (bench/hostile-parse.js), not with timers here.

const BODY_CAP = 8 * 1024 * 1024;
const PAGE_URL = 'https://hardverapro.hu/aprok/mobil/index.html';
const SEARCH = '/aprok/mobil/keres.php';

describe('hostile listing pages', () => {
  for (const page of hostilePages(BODY_CAP - 64 * 1024)) {
    it(`reads "${page.name}" with the verdict ${page.verdict}`, () => {
      const result = parseListing(page.html, PAGE_URL, new Date('2026-11-30T12:00:00Z'));
      expect(result.verdict, result.reason ?? '').toBe(page.verdict);
      if (result.verdict === 'results') expect(result.ads.length).toBeGreaterThan(0);
    }, 30_000);
  }

  it('lets `check` read the page that used to take hours, and record its one ad', async () => {
    await using site = await startFakeHardverapro();
    const [worst] = hostilePages(BODY_CAP - 64 * 1024);
    if (worst === undefined) throw new Error('no hostile page');
    site.serve(SEARCH, worst.html);
    using sandbox = createCliSandbox();
    expect((await sandbox.run(['add', site.urlFor(SEARCH), '--allow-any-host'])).code).toBe(0);
    const result = await sandbox.run(['check', '--json'], { timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(0);
    const summary = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .at(-1);
    expect(summary).toMatchObject({ type: 'summary', baselines: 1, watchesFailed: 0 });
    expect(sandbox.query('SELECT ad_id FROM ads')).toHaveLength(1);
  }, 180_000);
});
