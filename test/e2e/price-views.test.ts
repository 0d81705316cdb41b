import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { summarisePrices } from '../../src/domain/price-stats.js';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const MOBIL = '/aprok/mobil/index.html';
const DAY = 86_400_000;

/** The fixture's hand-checked prices, read without any pyhabot code. */
const truth = JSON.parse(
  readFileSync(new URL('../fixtures/hardverapro/listing-2025-12-mobil.expected.json', import.meta.url), 'utf8'),
) as { ads: Array<{ id: string; price_text_title_col: string }> };
const truthPrices = truth.ads
  .map((ad) =>
    /^[\d ]+ Ft$/.test(ad.price_text_title_col) ? Number(ad.price_text_title_col.replace(/\D/g, '')) : null,
  )
  .filter((price): price is number => price !== null);

function configure(sandbox: CliSandbox): void {
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'requestDelayMs: 0\nnewestFirst: false\nmaxRetries: 0\n');
}

/** Spread the ads' first sightings over the last 80 days, as months of checks would have recorded them. */
function spreadHistory(sandbox: CliSandbox): void {
  const db = new Database(sandbox.defaultDbPath);
  try {
    const now = Date.now();
    const ads = db.prepare('SELECT ad_id FROM ads').all() as Array<{ ad_id: number }>;
    for (const { ad_id: id } of ads) {
      const at = new Date(now - (id % 80) * DAY).toISOString();
      db.prepare('UPDATE ads SET first_seen_at = ? WHERE ad_id = ?').run(at, id);
      db.prepare(
        'UPDATE price_history SET seen_at = ? WHERE ad_id = ? AND id = (SELECT MIN(id) FROM price_history WHERE ad_id = ?)',
      ).run(at, id, id);
    }
  } finally {
    db.close();
  }
}

const NAN = /NaN|Infinity|undefined/;

describe('pyhabot stats, end to end on the real page with a seeded history', () => {
  it('prints the figures, a weekly chart, the current prices and the cheapest ads, fitted to 80 and 40 columns', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    site.serve(MOBIL, new ListingPage().withoutNextPage());
    expect((await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--name', 'Mobiles'])).code).toBe(0);
    expect((await sandbox.run(['check'])).code).toBe(0);
    spreadHistory(sandbox);

    const json = await sandbox.run(['stats', '1', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const figures = JSON.parse(json.stdout);
    const expected = summarisePrices(truthPrices);
    expect(figures).toMatchObject({
      watch: { id: 1, name: 'Mobiles' },
      days: 90,
      count: truthPrices.length,
      unpriced: truth.ads.length - truthPrices.length,
      kept: expected?.kept,
      median: Math.round(expected?.median ?? Number.NaN),
      q1: Math.round(expected?.q1 ?? Number.NaN),
      q3: Math.round(expected?.q3 ?? Number.NaN),
    });
    expect(figures.weeks).toHaveLength(13);
    expect(figures.weeks.at(-1).count).toBe(truthPrices.length);
    const cheapest = [...truthPrices].sort((a, b) => a - b).slice(0, 5);
    expect(figures.cheapest.map((ad: { price: number }) => ad.price)).toEqual(cheapest);
    expect(json.stdout).not.toMatch(NAN);

    for (const columns of [80, 40]) {
      const text = await sandbox.run(['stats', '1'], { env: { COLUMNS: String(columns) } });
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain(`${truthPrices.length} ads with a price, 2 without one`);
      expect(text.stdout).toContain(`median    ${formatForints(Math.round(expected?.median ?? 0))}`);
      expect(text.stdout).toMatch(/┤/);
      expect(text.stdout).toMatch(/█/);
      expect(text.stdout).toContain('Cheapest active ads');
      expect(text.stdout).not.toMatch(NAN);
      const lines = text.stdout.split('\n');
      expect(lines.filter((line) => stringWidth(line) > columns)).toEqual([]);
    }
  });

  it('draws with ASCII where the locale is not UTF-8, and without colour codes off a terminal', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    site.serve(MOBIL, new ListingPage().withoutNextPage());
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    await sandbox.run(['check']);
    spreadHistory(sandbox);
    const text = await sandbox.run(['stats', '1'], { env: { LANG: 'C' } });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/#/);
    expect(text.stdout).not.toMatch(/[█┤╭╮╰╯─│]/);
    expect(text.stdout).not.toContain('\u001b[');
  });

  it('colours the chart and the bars when colour is asked for, and documents its options in --help', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    site.serve(MOBIL, new ListingPage().withoutNextPage());
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    await sandbox.run(['check']);
    const coloured = await sandbox.run(['stats', '1'], { env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[36m████');
    const noColour = await sandbox.run(['stats', '1', '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(noColour.stdout).not.toContain('\u001b[');

    const help = await sandbox.run(['stats', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pyhabot stats [options] <id>');
    expect(help.stdout).toMatch(/--days <n> +how many days back to look \(default: 90\)/);
    expect(help.stdout).toContain('--json');
    expect(help.stdout).toContain('cheapest and\ndearest 5 %');
  });

  it('says something sensible for a watch without priced ads, with one ad, and with one price for all', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    const page = new ListingPage().withoutNextPage();
    const [first, second] = page.adIds().slice(-2) as [number, number];
    site.serve(MOBIL, page);
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);

    const unchecked = await sandbox.run(['stats', '1']);
    expect(unchecked.code).toBe(0);
    expect(unchecked.stdout).toContain('No ad with a price was listed in that time.');
    expect(unchecked.stdout).toContain('Run `pyhabot check 1` to record its ads.');
    const empty = JSON.parse((await sandbox.run(['stats', '1', '--json'])).stdout);
    expect(empty).toMatchObject({ count: 0, median: null, q1: null, q3: null, histogram: { bins: [], leftOut: 0 } });

    const onePrice = page.clone().remove(...page.adIds().filter((id) => id !== first && id !== second));
    site.serve(MOBIL, onePrice.setPrice(first, '45 000 Ft').setPrice(second, '45 000 Ft'));
    await sandbox.run(['check']);
    const constant = await sandbox.run(['stats', '1']);
    expect(constant.code, constant.stderr).toBe(0);
    expect(constant.stdout).toContain('2 ads with a price');
    expect(constant.stdout).toMatch(/median {4}45 000 Ft\n {2}quartiles 45 000 Ft\n {2}range {5}45 000 Ft/);
    expect(constant.stdout).toMatch(/45 000 ┼─+/);
    expect(constant.stdout).toMatch(/45 000 Ft {2}█+ {2}2/);
    expect(constant.stdout).not.toMatch(NAN);
  });

  it('refuses an unknown watch and a bad --days with a clean line and exit 2', async () => {
    using sandbox = createCliSandbox();
    const unknown = await sandbox.run(['stats', '9']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no watch with id 9');
    const badDays = await sandbox.run(['stats', '1', '--days', '0']);
    expect(badDays.code).toBe(2);
    expect(badDays.stderr).toContain('expected a whole number from 1 to 3650');
    expect(badDays.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('pyhabot ads, sparklines', () => {
  it("draws each ad's price history where it has more than one price, in ASCII without a UTF-8 locale", async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    const page = new ListingPage().keepFirst(12).withoutNextPage();
    const id = page.adIds()[8] as number;
    site.serve(MOBIL, page);
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    await sandbox.run(['check']);
    for (const price of ['150 000 Ft', '120 000 Ft', '135 000 Ft']) {
      site.serve(MOBIL, page.clone().setPrice(id, price));
      expect((await sandbox.run(['check'])).code).toBe(0);
    }
    const rowOf = (stdout: string, adId: number): string =>
      stdout.split('\n').find((line) => line.startsWith(String(adId))) ?? '';

    const listed = await sandbox.run(['ads', '1', '--limit', '0']);
    expect(listed.code, listed.stderr).toBe(0);
    // The ad first asked 99 999 Ft: the lowest of its four prices, 150 000 Ft the highest.
    expect(rowOf(listed.stdout, id)).toContain('▁█▄▆ 99 999 Ft -> 150 000 Ft -> 120 000 Ft -> 135 000 Ft');
    const untouched = page.adIds().find((other) => other !== id && /\d Ft/.test(rowOf(listed.stdout, other)));
    expect(rowOf(listed.stdout, untouched ?? 0)).not.toMatch(/[▁▂▃▄▅▆▇█]/);

    const ascii = await sandbox.run(['ads', '1', '--limit', '0'], { env: { LANG: 'C' } });
    expect(rowOf(ascii.stdout, id)).toContain('_#~+ 99 999 Ft -> 150 000 Ft -> 120 000 Ft -> 135 000 Ft');
  });
});

function formatForints(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} Ft`;
}
