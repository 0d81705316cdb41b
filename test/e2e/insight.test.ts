import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const MOBIL = '/aprok/mobil/index.html';
const DAY_MS = 86_400_000;
const EARLIER_ID = 6_000_001;

/** Record ads the watch saw in the past, the way a check writes them, straight into the database. */
function seedHistory(sandbox: CliSandbox, seller: string): void {
  const db = new Database(sandbox.defaultDbPath);
  try {
    const now = Date.now();
    const iso = (daysAgo: number): string => new Date(now - daysAgo * DAY_MS).toISOString();
    const insertAd = db.prepare(
      `INSERT INTO ads (watch_id, ad_id, title, url, price, price_kind, price_text, data, first_seen_at, last_seen_at,
         gone_at)
       VALUES (1, @id, @title, @url, @price, @kind, @text, @data, @first, @last, @gone)`,
    );
    const insertPrice = db.prepare(
      `INSERT INTO price_history (watch_id, ad_id, price, price_kind, price_text, seen_at)
       VALUES (1, ?, ?, ?, ?, ?)`,
    );
    const record = (ad: {
      id: number;
      title: string;
      seller: string;
      prices: Array<[number | null, string, number]>;
      kind?: string;
      first: number;
      last: number;
      gone?: number;
    }): void => {
      const [price, text] = ad.prices.at(-1) ?? [null, ''];
      const url = `https://hardverapro.hu/apro/old_${ad.id}/friss.html`;
      const data = { id: ad.id, title: ad.title, url, price, priceText: text, seller: { name: ad.seller } };
      insertAd.run({
        id: ad.id,
        title: ad.title,
        url,
        price,
        kind: ad.kind ?? 'fixed',
        text,
        data: JSON.stringify(data),
        first: iso(ad.first),
        last: iso(ad.last),
        gone: ad.gone === undefined ? null : iso(ad.gone),
      });
      for (const [value, priceText, daysAgo] of ad.prices) {
        insertPrice.run(ad.id, value, ad.kind ?? 'fixed', priceText, iso(daysAgo));
      }
    };
    db.transaction(() => {
      // The listing the seller let expire: first seen 34 days ago at 45 000 Ft, lowered once, gone a week ago.
      record({
        id: EARLIER_ID,
        title: 'Samsung Galaxy S23 128GB, fekete',
        // Written in other case than the card shows: the seller still matches.
        seller: seller.toLowerCase(),
        prices: [
          [45_000, '45 000 Ft', 34],
          [42_000, '42 000 Ft', 20],
        ],
        first: 34,
        last: 7,
        gone: 7,
      });
      // Ten priced ads of other sellers, sold in the last 90 days: part of the price sample.
      for (let n = 0; n < 10; n += 1) {
        const price = 50_000 + n * 5000;
        record({
          id: EARLIER_ID + 1 + n,
          title: `Telefon ${n}`,
          seller: `someone ${n}`,
          prices: [[price, `${price} Ft`, 40]],
          first: 40,
          last: 5,
          gone: 5,
        });
      }
      // Outside the sample: last seen 100 days ago, and a "Keresem" ad without a price.
      record({
        id: EARLIER_ID + 20,
        title: 'Régi',
        seller: 'x',
        prices: [[1, '1 Ft', 120]],
        first: 120,
        last: 100,
        gone: 100,
      });
      record({
        id: EARLIER_ID + 21,
        title: 'Keresek telefont',
        seller: 'y',
        prices: [[null, 'Keresem', 3]],
        kind: 'wanted',
        first: 3,
        last: 1,
        gone: 1,
      });
    })();
  } finally {
    db.close();
  }
}

describe('re-posts and price context, end to end on a seeded history', () => {
  it('labels a re-post with its first listing, keeps a near miss new, and skips or notifies re-posts as the rules say', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'requestDelayMs: 0\nnewestFirst: false\nmaxRetries: 0\n');
    const page = new ListingPage().keepFirst(10).withoutNextPage();
    site.serve(MOBIL, page);
    const template = page.adIds()[5] as number;
    expect(
      (await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify', `${receiver.url}/hook`])).code,
    ).toBe(0);
    const baseline = await sandbox.run(['check']);
    expect(baseline.code, baseline.stderr).toBe(0);
    // The template card's seller, as the site shows it.
    const [{ seller }] = sandbox.query<{ seller: string }>(
      "SELECT json_extract(data, '$.seller.name') AS seller FROM ads WHERE ad_id = ?",
      template,
    ) as [{ seller: string }];
    seedHistory(sandbox, seller);

    page
      .addAd(template, 9_000_001, 'Samsung Galaxy S23 128GB fekete')
      .setPrice(9_000_001, '40 000 Ft')
      .addAd(template, 9_000_002, 'Samsung Galaxy S23 Ultra 256GB fekete')
      .setPrice(9_000_002, '90 000 Ft');
    const check = await sandbox.run(['check']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('Samsung Galaxy S23 128GB fekete');
    expect(check.stdout).toContain('re-posted; first listed 34 days ago at 45 000 Ft, now 40 000 Ft');
    // 9 priced ads of the baseline and 10 seeded ones; not the earlier listing, the old one or the "Keresem" one.
    expect(check.stdout).toMatch(/\d+ % below the median of 19 ads \(90 days\)/);
    expect(check.stdout).toMatch(/2 new ads/);

    const bodies = receiver.jsonBodies() as Array<Record<string, unknown> & { ad: { id: number } }>;
    const repost = bodies.find((body) => body.ad.id === 9_000_001);
    expect(repost).toMatchObject({
      type: 'new_ad',
      repost: {
        earlierAdId: EARLIER_ID,
        daysAgo: 34,
        priceHistory: [
          { adId: EARLIER_ID, price: 45_000 },
          { adId: EARLIER_ID, price: 42_000 },
        ],
      },
      context: { sample: 19, days: 90 },
    });
    const nearMiss = bodies.find((body) => body.ad.id === 9_000_002);
    // Not a re-post, so the seller's earlier listing is just another price of the market.
    expect(nearMiss).toMatchObject({ type: 'new_ad', context: { sample: 20 } });
    expect(nearMiss).not.toHaveProperty('repost');
    expect(
      sandbox.query('SELECT ad_id, reposted_from FROM ads WHERE ad_id IN (9000001, 9000002) ORDER BY ad_id'),
    ).toEqual([
      { ad_id: 9_000_001, reposted_from: EARLIER_ID },
      { ad_id: 9_000_002, reposted_from: null },
    ]);

    // The same item a third time, on a watch that records re-posts without notifying them.
    expect((await sandbox.run(['edit', '1', '--reposts', 'skip'])).code).toBe(0);
    page.addAd(template, 9_000_003, 'SAMSUNG Galaxy S23 128 GB - fekete!').setPrice(9_000_003, '38 000 Ft');
    const skipped = await sandbox.run(['check', '--json']);
    expect(skipped.code, skipped.stderr).toBe(0);
    const records = skipped.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.find((record) => record.type === 'reposted')).toMatchObject({
      ad: { id: 9_000_003 },
      notified: false,
      // The latest listing it repeats, and the first one of the chain for when it was first listed.
      repost: {
        earlierAdId: 9_000_001,
        daysAgo: 34,
        priceHistory: [{ price: 45_000 }, { price: 42_000 }, { price: 40_000 }],
      },
      context: { days: 90 },
    });
    expect(records.at(-1)).toMatchObject({ type: 'summary', newAds: 0, reposts: 1, delivered: 0 });
    expect(receiver.jsonBodies()).toHaveLength(2);
    expect(sandbox.query("SELECT type, ad_id FROM events WHERE type = 'reposted'")).toEqual([
      { type: 'reposted', ad_id: 9_000_003 },
    ]);

    // A fourth time, the watch back on the config file's rules, which notify re-posts as their own kind of news.
    writeFileSync(
      join(sandbox.dir, '.pyhabotrc'),
      'requestDelayMs: 0\nnewestFirst: false\nmaxRetries: 0\nrules:\n  reposts: notify\n',
    );
    expect((await sandbox.run(['edit', '1', '--reposts', 'default'])).code).toBe(0);
    page.addAd(template, 9_000_004, 'Samsung Galaxy S23 128GB fekete').setPrice(9_000_004, '36 000 Ft');
    const notified = await sandbox.run(['check']);
    expect(notified.code, notified.stderr).toBe(0);
    expect(notified.stdout).toMatch(/^RE-POST \[.*\] Samsung Galaxy S23 128GB fekete$/m);
    expect(notified.stdout).toMatch(/1 re-post/);
    expect(receiver.jsonBodies().at(-1)).toMatchObject({
      type: 'reposted',
      ad: { id: 9_000_004 },
      repost: { earlierAdId: 9_000_003 },
    });
    expect(receiver.jsonBodies()).toHaveLength(3);
  });
});
