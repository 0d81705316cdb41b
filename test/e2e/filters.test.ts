import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';
import { ListingPage } from '../helpers/listing-fixture.js';
import { ndjson } from '../helpers/ndjson.js';

const MOBIL = '/aprok/mobil/index.html';
const CONFIG = ['requestDelayMs: 0', 'newestFirst: false', 'maxRetries: 0', 'deliveryBackoffMs: 0', ''].join('\n');

/** The fixture's hand-checked ground truth, read without any pyhabot code. */
const truth = JSON.parse(
  readFileSync(new URL('../fixtures/hardverapro/listing-2025-12-mobil.expected.json', import.meta.url), 'utf8'),
) as { ads: Array<{ id: string; title: string; price_text_title_col: string }> };

function forints(priceText: string): number | null {
  return /^[\d ]+ Ft$/.test(priceText) ? Number(priceText.replace(/\D/g, '')) : null;
}

function configure(sandbox: CliSandbox, extra = ''): void {
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), CONFIG + extra);
}

// Three titles under the bound, each named in another spelling than the site's.
const EXCLUDED = { hibas: 7328583, KINDLE: 7220884, powerbank: 7315410 } as const;
const MAX_PRICE = 150_000;

describe('filters, end to end on the real page', () => {
  it('notifies exactly the ads the filter keeps, records every ad, and lists the dropped ones with reasons', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    configure(sandbox);
    site.serve(MOBIL, new ListingPage().withoutNextPage());
    const added = await sandbox.run([
      'add',
      site.urlFor(MOBIL),
      '--allow-any-host',
      '--notify-existing',
      '--notify',
      `${receiver.url}/hook`,
      ...Object.keys(EXCLUDED).flatMap((word) => ['--exclude', word]),
      '--max-price',
      String(MAX_PRICE),
    ]);
    expect(added.code, added.stderr).toBe(0);

    const checked = await sandbox.run(['check', '--json']);
    expect(checked.code, checked.stderr).toBe(0);
    const records = ndjson(checked.stdout);

    const excludedIds = new Set<number>(Object.values(EXCLUDED));
    const expected = truth.ads
      .filter((ad) => {
        const price = forints(ad.price_text_title_col);
        return price !== null && price <= MAX_PRICE && !excludedIds.has(Number(ad.id));
      })
      .map((ad) => Number(ad.id))
      .sort();
    const notified = (receiver.jsonBodies() as Array<{ ad: { id: number } }>).map((body) => body.ad.id).sort();
    expect(notified).toEqual(expected);
    expect(
      records
        .filter((r) => r.type === 'new_ad')
        .map((r) => (r.ad as { id: number }).id)
        .sort(),
    ).toEqual(expected);

    const filtered = records.filter((r) => r.type === 'filtered');
    expect(filtered).toHaveLength(100 - expected.length);
    expect(filtered.find((r) => (r.ad as { id: number }).id === EXCLUDED.hibas)).toMatchObject({
      change: 'new_ad',
      rule: 'watch: title has "hibas"',
    });
    expect(filtered.find((r) => (r.ad as { id: number }).id === 4385214)?.rule).toBe('watch: no price (Keresem)');
    expect(records.at(-1)).toMatchObject({ type: 'summary', newAds: expected.length, filtered: filtered.length });

    // Every ad is recorded, dropped or not; the dropped ones remember why.
    expect(sandbox.query('SELECT COUNT(*) AS n FROM ads')).toEqual([{ n: 100 }]);
    const listed = JSON.parse(
      (await sandbox.run(['ads', '1', '--filtered', '--limit', '0', '--json'])).stdout,
    ) as Array<{
      id: number;
      filteredBy: string;
    }>;
    expect(listed.map((ad) => ad.id).sort()).toEqual(filtered.map((r) => (r.ad as { id: number }).id).sort());
    expect(listed.find((ad) => ad.id === EXCLUDED.powerbank)?.filteredBy).toBe('watch: title has "powerbank"');
    const text = await sandbox.run(['ads', '1', '--filtered']);
    expect(text.stdout).toContain('FILTERED BY');
    expect(text.stdout).toContain('watch: title has "KINDLE"');

    const summary = await sandbox.run(['check']);
    expect(summary.stdout).toMatch(/1 watch, 0 new ads/);
  });

  it('notifies a filtered ad once its price falls under the bound, and never floods when the filter changes', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    configure(sandbox);
    const page = new ListingPage().keepFirst(40).withoutNextPage();
    site.serve(MOBIL, page);
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify', `${receiver.url}/hook`]);
    expect((await sandbox.run(['check'])).code).toBe(0); // baseline
    expect((await sandbox.run(['edit', '1', '--max-price', '100000'])).code).toBe(0);

    // 7328291 (170 000 Ft) is over the bound: a new ad like it is held back.
    page.addAd(7328291, 9_000_001, 'Apple iPhone 14 Plus 256GB');
    const first = ndjson((await sandbox.run(['check', '--json'])).stdout);
    expect(first.map((r) => r.type)).toEqual(['filtered', 'summary']);
    expect(first[0]).toMatchObject({ change: 'new_ad', rule: 'watch: over maxPrice 100000 Ft' });

    page.setPrice(9_000_001, '95 000 Ft');
    const second = ndjson((await sandbox.run(['check', '--json'])).stdout);
    expect(second.map((r) => r.type)).toEqual(['price_changed', 'summary']);
    expect(second[0]).toMatchObject({ ad: { id: 9_000_001 }, newPrice: 95_000 });
    expect(receiver.jsonBodies()).toMatchObject([{ type: 'price_changed', newPrice: 95_000, nowUnderLimit: 100_000 }]);
    expect(sandbox.query('SELECT filtered_rule FROM ads WHERE ad_id = 9000001')).toEqual([{ filtered_rule: null }]);

    // Loosening the filter lets many seen ads through: none of them becomes new.
    expect((await sandbox.run(['edit', '1', '--clear-price'])).code).toBe(0);
    const third = ndjson((await sandbox.run(['check', '--json'])).stdout);
    expect(third.map((r) => r.type)).toEqual(['summary']);
    expect(receiver.requests).toHaveLength(1);
  });

  it('applies the global filter from the config unless the watch opts out', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox, 'filter:\n  dropPinned: true\n');
    site.serve(MOBIL, new ListingPage().keepFirst(40).withoutNextPage());
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify-existing']);
    const records = ndjson((await sandbox.run(['check', '--json', '--dry-run'])).stdout);
    const pinned = truth.ads.slice(0, 40).length - records.filter((r) => r.type === 'new_ad').length;
    expect(pinned).toBe(28);
    expect(records.find((r) => r.type === 'filtered')?.rule).toBe('global: promoted ad (Előresorolva)');

    await sandbox.run(['edit', '1', '--no-global-filter']);
    const unfiltered = ndjson((await sandbox.run(['check', '--json', '--dry-run'])).stdout);
    expect(unfiltered.filter((r) => r.type === 'new_ad')).toHaveLength(40);
    const shown = await sandbox.run(['show', '1']);
    expect(shown.stdout).toMatch(/global\s+\(ignored\) no promoted ads/);
  });

  it('refuses a broken regular expression with exit 2 and a hint, writing nothing', async () => {
    using sandbox = createCliSandbox();
    const result = await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html', '--exclude', '/(a/']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a valid regular expression');
    expect(result.stderr).toContain('hint:');
    expect(result.stderr).not.toContain('    at ');
    expect((await sandbox.run(['list', '--json'])).stdout.trim()).toBe('[]');
  });
});

describe('filter-test', () => {
  it('prints the keep/drop split of a watch with history, saving nothing', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    site.serve(MOBIL, new ListingPage().keepFirst(40).withoutNextPage());
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    await sandbox.run(['check']);

    const json = await sandbox.run(['filter-test', '1', '--no-promoted', '--exclude', 'bontatlan', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const trial = JSON.parse(json.stdout) as {
      total: number;
      kept: number;
      dropped: number;
      ads: Array<{ id: number; keep: boolean; rule: string | null }>;
    };
    // The first 28 cards are promoted; of the other 12, 7326444 says "bontatlan" in its title.
    expect(trial).toMatchObject({ total: 40, kept: 11, dropped: 29 });
    expect(trial.ads.find((ad) => ad.id === 7326444)).toMatchObject({
      keep: false,
      rule: 'watch: title has "bontatlan"',
    });
    expect(trial.ads.find((ad) => ad.id === 4795714)?.rule).toBe('watch: promoted ad (Előresorolva)');

    const text = await sandbox.run(['filter-test', '1', '--no-promoted', '--exclude', 'bontatlan']);
    expect(text.stdout).toContain('would keep 11:');
    expect(text.stdout).toContain('would drop 29:');
    expect(text.stdout).toContain('would have sent 11 of 40 ads in 1 day');
    // Trying a filter saves nothing.
    expect(sandbox.query('SELECT COUNT(*) AS n FROM watch_filters')).toEqual([{ n: 0 }]);
  });
});

describe('add --search', () => {
  it('builds the full search URL, keeps the client-side filter too, and show prints the URL', async () => {
    using sandbox = createCliSandbox();
    const added = await sandbox.run([
      'add',
      '--search',
      'rtx 3080',
      '--category',
      'hardver/videokartya',
      '--max-price',
      '150000',
      '--no-wanted',
      '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const url = new URL((JSON.parse(added.stdout) as { url: string }).url);
    expect(url.pathname).toBe('/aprok/hardver/videokartya/keres.php');
    expect(url.searchParams.get('maxprice')).toBe('150000');
    expect(url.searchParams.getAll('__buying')).toEqual(['0']);
    expect([...url.searchParams.keys()]).toContain('usrid_text');
    const shown = await sandbox.run(['show', '1']);
    expect(shown.stdout).toContain(url.toString());
    expect(shown.stdout).toContain('price at most 150 000 Ft');
    expect(shown.stdout).toContain('no wanted ads');
  });

  it('refuses a URL together with --search, and search options without it', async () => {
    using sandbox = createCliSandbox();
    const both = await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html', '--search', 'x']);
    expect(both).toMatchObject({ code: 2 });
    expect(both.stderr).toContain('either a URL or --search');
    const stray = await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html', '--shipping']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--shipping goes with --search');
  });
});
