import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';
import { ListingPage } from '../helpers/listing-fixture.js';
import { ndjson } from '../helpers/ndjson.js';

// Changes on the site's side that are no news: a new spelling of every price, prices that cannot be read, a list
// that comes back empty while the pager still counts thousands of ads, most ads vanishing at once. None may send
// a notification or mark an ad gone; the ones that need a human end the run with exit 3 and a warning.

const MOBIL = '/aprok/mobil/index.html';
const CONFIG = ['requestDelayMs: 0', 'newestFirst: false', 'maxRetries: 0', 'goneAfterMisses: 1', ''].join('\n');
const ADS = 10;

/** Every ad of `page` priced `price` forints, written with `spell`. */
function priced(page: ListingPage, spell: (digits: string) => string): ListingPage {
  const next = page.clone();
  for (const [index, id] of page.adIds().entries()) next.setPrice(id, spell(String(10_000 + index * 1000)));
  return next;
}

const spaced = (digits: string) => `${digits.slice(0, -3)} ${digits.slice(-3)} Ft`;

async function setUp(sandbox: CliSandbox, siteUrl: string, receiverUrl: string): Promise<void> {
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), CONFIG);
  const added = await sandbox.run(['add', siteUrl, '--allow-any-host', '--notify', `${receiverUrl}/hook`]);
  expect(added.code, added.stderr).toBe(0);
}

describe('site-side changes are no news', () => {
  it('reads a site-wide change of price spelling, and back, as no price change', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    await setUp(sandbox, site.urlFor(MOBIL), receiver.url);
    const page = priced(new ListingPage().keepFirst(ADS).withoutNextPage(), spaced);
    site.serve(MOBIL, page);
    expect((await sandbox.run(['check'])).code).toBe(0);
    const historyBefore = sandbox.query('SELECT id FROM price_history').length;

    for (const spell of [
      (digits: string) => `${digits.slice(0, -3)}.${digits.slice(-3)} Ft`,
      (digits: string) => `${digits.slice(0, -3)}\u00a0${digits.slice(-3)} HUF`,
      spaced,
    ]) {
      site.serve(MOBIL, priced(page, spell));
      const run = await sandbox.run(['check', '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(ndjson(run.stdout).at(-1)).toMatchObject({ type: 'summary', priceChanges: 0, newAds: 0 });
    }
    expect(sandbox.query('SELECT id FROM events')).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
    expect(sandbox.query('SELECT id FROM price_history')).toHaveLength(historyBefore);
    expect(sandbox.query<{ price_text: string }>('SELECT price_text FROM ads').map((row) => row.price_text)).toContain(
      '10 000 Ft',
    );
  });

  it('warns with exit 3 when most prices cannot be read, and notifies nothing', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    await setUp(sandbox, site.urlFor(MOBIL), receiver.url);
    const page = priced(new ListingPage().keepFirst(ADS).withoutNextPage(), spaced);
    site.serve(MOBIL, page);
    expect((await sandbox.run(['check'])).code).toBe(0);

    site.serve(
      MOBIL,
      priced(page, (digits) => `${Number(digits) / 400} EUR`),
    );
    const run = await sandbox.run(['check', '--json']);
    expect(run.code, run.stderr).toBe(3);
    const warning = ndjson(run.stdout).find((record) => record.type === 'watch_error');
    expect(warning).toMatchObject({ error: { kind: 'unrecognized_page' } });
    expect(JSON.stringify(warning)).toMatch(/10 of 10 prices could not be read .*the price format has changed/);
    expect(sandbox.query('SELECT id FROM events')).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
  });

  it('warns with exit 3 when the list is empty while the pager counts thousands of ads', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    await setUp(sandbox, site.urlFor(MOBIL), receiver.url);
    const page = new ListingPage().keepFirst(ADS).withoutNextPage();
    site.serve(MOBIL, page);
    expect((await sandbox.run(['check'])).code).toBe(0);

    site.serve(MOBIL, page.clone().keepFirst(0));
    const run = await sandbox.run(['check', '--json']);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout).toContain('the ad list is empty but the pager counts 5299 ads');
    expect(sandbox.query('SELECT ad_id FROM ads WHERE gone_at IS NOT NULL OR missed_runs > 0')).toEqual([]);
  });

  it('holds most ads vanishing at once as a suspected layout change, marking none gone', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    await setUp(sandbox, site.urlFor(MOBIL), receiver.url);
    const page = new ListingPage().keepFirst(ADS).withoutNextPage();
    site.serve(MOBIL, page);
    expect((await sandbox.run(['check'])).code).toBe(0);

    site.serve(MOBIL, page.clone().keepFirst(4));
    const run = await sandbox.run(['check', '--json']);
    expect(run.code, run.stderr).toBe(3);
    const warning = ndjson(run.stdout).find((record) => record.type === 'watch_error');
    expect(warning).toMatchObject({ error: { kind: 'suspected_layout_change' } });
    expect(JSON.stringify(warning)).toContain('6 of 10 ads are missing from the page at once');
    expect(sandbox.query('SELECT ad_id FROM ads WHERE gone_at IS NOT NULL OR missed_runs > 0')).toEqual([]);
    expect(sandbox.query('SELECT id FROM events')).toEqual([]);

    // Half of them going is still ordinary.
    site.serve(MOBIL, page.clone().keepFirst(5));
    const half = await sandbox.run(['check']);
    expect(half.code, half.stderr).toBe(0);
    expect(sandbox.query('SELECT ad_id FROM ads WHERE gone_at IS NOT NULL')).toHaveLength(5);
  });

  it('believes a disappearance seen three runs in a row', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    await setUp(sandbox, site.urlFor(MOBIL), receiver.url);
    const page = new ListingPage().keepFirst(ADS).withoutNextPage();
    site.serve(MOBIL, page);
    expect((await sandbox.run(['check'])).code).toBe(0);

    site.serve(MOBIL, page.clone().keepFirst(2));
    for (let run = 0; run < 3; run += 1) expect((await sandbox.run(['check'])).code).toBe(3);
    const believed = await sandbox.run(['check']);
    expect(believed.code, believed.stderr).toBe(0);
    expect(sandbox.query('SELECT ad_id FROM ads WHERE gone_at IS NOT NULL')).toHaveLength(8);
  });
});
