import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { LISTING_FIXTURE, ListingPage } from '../helpers/listing-fixture.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/hardverapro');

describe('pyhabot parse', () => {
  it('reads a saved page: verdict, ads, pager, as JSON', async () => {
    using sandbox = createCliSandbox();
    const result = await sandbox.run([
      'parse',
      LISTING_FIXTURE,
      '--json',
      '--captured-at',
      '2025-12-19T16:30:00+01:00',
      '--base-url',
      'https://hardverapro.hu/aprok/mobil/index.html',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const page = JSON.parse(result.stdout);
    expect(Object.keys(page).sort()).toEqual(['ads', 'nextPage', 'reason', 'total', 'unreadableCards', 'verdict']);
    expect(page).toMatchObject({
      verdict: 'results',
      nextPage: 'https://hardverapro.hu/aprok/mobil/index.html?offset=100',
      total: 5299,
      unreadableCards: 0,
    });
    expect(page.ads).toHaveLength(100);
    const dated = page.ads.find((ad: { timeText: string }) => ad.timeText === 'ma 16:20');
    expect(dated.postedAt).toBe('2025-12-19T16:20:00+01:00');
  });

  it('prints a human table', async () => {
    using sandbox = createCliSandbox();
    const result = await sandbox.run(['parse', LISTING_FIXTURE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^results/);
    expect(result.stdout).toMatch(/100 ads, about 5299 in the whole search/);
    expect(result.stdout).toMatch(/ID\s+PRICE\s+POSTED\s+FLAGS\s+TITLE/);
  });

  it('exits 3 for a page it does not recognise, 0 for an empty listing', async () => {
    using sandbox = createCliSandbox();
    const old = await sandbox.run(['parse', join(FIXTURES, 'listing-media-body-layout.html'), '--json']);
    expect(old.code).toBe(3);
    expect(JSON.parse(old.stdout)).toMatchObject({ verdict: 'unrecognized', ads: [] });
    const empty = await sandbox.run(['parse', join(FIXTURES, 'listing-empty.html'), '--json']);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ verdict: 'empty', ads: [] });
  });

  it('exits 2 for a missing file or bad arguments', async () => {
    using sandbox = createCliSandbox();
    const missing = await sandbox.run(['parse', join(sandbox.dir, 'nope.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^pyhabot: cannot read .*nope\.html: no such file/);
    const badDate = await sandbox.run(['parse', LISTING_FIXTURE, '--captured-at', 'yesterday']);
    expect(badDate.code).toBe(2);
    const badBase = await sandbox.run(['parse', LISTING_FIXTURE, '--base-url', 'not a url']);
    expect(badBase.code).toBe(2);
  });

  it('fetches a URL with the real client', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    site.serve('/aprok/mobil/index.html', new ListingPage().keepFirst(3));
    const result = await sandbox.run(['parse', site.urlFor('/aprok/mobil/index.html'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).ads).toHaveLength(3);
    expect(site.server.requests[0]?.headers['user-agent']).toMatch(
      /^pyhabot\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/pyhabot\/pyhabot\)$/,
    );
  });
});
