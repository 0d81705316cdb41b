import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noteChanges, recordReposts } from '../../src/app/note-changes.js';
import type { Ad } from '../../src/domain/ad.js';
import type { AdChange } from '../../src/domain/diff-ads.js';
import { diffAds } from '../../src/domain/diff-ads.js';
import { applyAdDiff } from '../../src/store/ads-repo.js';
import { MAX_SELLER_CANDIDATES, SELLER_ADS_SQL } from '../../src/store/insight-repo.js';
import { type Db, openDb } from '../../src/store/open-db.js';
import { insertWatch } from '../../src/store/watches-repo.js';
import { testAd } from '../helpers/test-ad.js';

const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const NOW = new Date('2026-03-01T12:00:00Z');
const daysBefore = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);

function ad(id: number, title: string, seller: string, price: number | null = 50_000): Ad {
  return testAd(id, { title, price, seller: { name: seller, url: null, rating: 3, business: false } });
}

let db: Db;
let watchId: number;

/** Record ads as a check on `at` would: first sightings with their price. */
function recordAt(at: Date, ads: Ad[]): void {
  applyAdDiff(
    db,
    watchId,
    diffAds(new Map(), ads, { complete: false, baseline: true, goneAfterMisses: 3, seenUpToId: null }),
    at,
  );
}

const newAd = (value: Ad): AdChange => ({ type: 'new_ad', ad: value });

beforeEach(() => {
  db = openDb(':memory:');
  watchId = insertWatch(db, { name: 'phones', url: MOBIL }, daysBefore(200)).id;
  recordAt(daysBefore(30), [ad(100, 'RTX 3080 10GB', 'gabor88', 150_000)]);
  // Eight priced ads of other sellers: enough for a price context.
  recordAt(
    daysBefore(20),
    Array.from({ length: 8 }, (_, n) => ad(200 + n, `Kártya ${n}`, `seller${n}`, 100_000 + n * 10_000)),
  );
});
afterEach(() => db.close());

describe('noteChanges', () => {
  it('labels a re-post by default, with the earlier listing and a price context leaving that listing out', () => {
    const [change] = noteChanges(db, watchId, [newAd(ad(300, 'RTX 3080 10GB', 'gabor88', 140_000))], {}, NOW, 'label');
    expect(change).toMatchObject({
      type: 'new_ad',
      repost: { earlierAdId: 100, daysAgo: 30, priceHistory: [{ adId: 100, price: 150_000 }] },
      context: { sample: 8, days: 90, median: 135_000 },
    });
  });

  it('makes a re-post its own notified event under "notify", and a silent one under "skip"', () => {
    const [notified] = noteChanges(db, watchId, [newAd(ad(300, 'RTX 3080 10GB', 'gabor88'))], {}, NOW, 'notify');
    expect(notified).toMatchObject({ type: 'reposted', notify: true, repost: { earlierAdId: 100 } });
    const [skipped] = noteChanges(db, watchId, [newAd(ad(300, 'RTX 3080 10GB', 'gabor88'))], {}, NOW, 'skip');
    expect(skipped).toMatchObject({ type: 'reposted', notify: false });
  });

  it('keeps a different item of the same seller new, and counts its earlier ad in the sample', () => {
    const [change] = noteChanges(db, watchId, [newAd(ad(300, 'RTX 3070 8GB', 'gabor88', 90_000))], {}, NOW, 'label');
    expect(change).not.toHaveProperty('repost');
    expect(change).toMatchObject({ type: 'new_ad', context: { sample: 9, percentile: 0 } });
  });

  it('follows the configured window', () => {
    const change = newAd(ad(300, 'RTX 3080 10GB', 'gabor88'));
    expect(noteChanges(db, watchId, [change], { repostWindowDays: 29 }, NOW, 'label')[0]).not.toHaveProperty('repost');
  });

  it('gives no context under the least sample, nor to an ad without a price', () => {
    const priced = newAd(ad(300, 'Új kártya', 'new', 120_000));
    expect(noteChanges(db, watchId, [priced], { priceContextMinSample: 10 }, NOW, 'label')[0]).not.toHaveProperty(
      'context',
    );
    expect(
      noteChanges(db, watchId, [newAd(ad(301, 'Keresek kártyát', 'x', null))], {}, NOW, 'label')[0],
    ).not.toHaveProperty('context');
  });

  it('gives a price drop its context without the ad itself, and a rise none', () => {
    const previous = { price: 100_000, priceKind: 'fixed' as const, priceText: '100 000 Ft' };
    const drop: AdChange = { type: 'price_changed', ad: ad(200, 'Kártya 0', 'seller0', 90_000), previous };
    const rise: AdChange = { type: 'price_changed', ad: ad(200, 'Kártya 0', 'seller0', 110_000), previous };
    const [dropped, risen] = noteChanges(db, watchId, [drop, rise], {}, NOW, 'label');
    expect(dropped).toMatchObject({ context: { sample: 8 } });
    expect(risen).not.toHaveProperty('context');
  });

  it('links a recorded re-post to the ad it repeats, and a later one to the first listing through it', () => {
    const second = ad(300, 'RTX 3080 10GB', 'gabor88', 140_000);
    recordAt(daysBefore(2), [second]);
    const [noted] = noteChanges(db, watchId, [newAd(second)], {}, daysBefore(2), 'label');
    expect(db.prepare('SELECT reposted_from FROM ads WHERE ad_id = 300').get()).toEqual({ reposted_from: null });
    if (noted?.type !== 'new_ad' || noted.repost === undefined) throw new Error('expected a labelled re-post');
    const watch = { id: watchId, name: 'phones', url: MOBIL };
    recordReposts(db, watchId, [{ type: 'new_ad', watch, ad: second, repost: noted.repost }]);
    expect(db.prepare('SELECT reposted_from FROM ads WHERE ad_id = 300').get()).toEqual({ reposted_from: 100 });
    const [third] = noteChanges(db, watchId, [newAd(ad(400, 'rtx 3080 10 gb', 'GABOR88'))], {}, NOW, 'label');
    expect(third).toMatchObject({
      repost: {
        earlierAdId: 300,
        daysAgo: 30,
        priceHistory: [
          { adId: 100, price: 150_000 },
          { adId: 300, price: 140_000 },
        ],
      },
    });
  });

  it('looks candidates up by seller through the index, not by reading every ad of the watch', () => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${SELLER_ADS_SQL}`)
      .all(watchId, 'gabor88', '2026', '2027', 10) as Array<{
      detail: string;
    }>;
    expect(plan.map((row) => row.detail).join(' ')).toMatch(
      /^SEARCH ads USING (COVERING )?INDEX ads_by_seller \(watch_id=\? AND <expr>=\?/,
    );
  });
});

describe('noteChanges, for a seller with more ads than are compared', () => {
  /** The item listed 50 days ago, then `others` other items of the same dealer, each newer than it. */
  function dealerWith(others: number): void {
    recordAt(daysBefore(50), [ad(5000, 'RTX 3080 10GB', 'dealer')]);
    recordAt(
      daysBefore(40),
      Array.from({ length: others }, (_, n) => ad(6000 + n, `Tok ${n}`, 'dealer')),
    );
  }

  it("matches against the dealer's newest ads, and the item is found while it is among them", () => {
    dealerWith(MAX_SELLER_CANDIDATES - 1);
    const [change] = noteChanges(db, watchId, [newAd(ad(7000, 'RTX 3080 10GB', 'dealer'))], {}, NOW, 'label');
    expect(change).toMatchObject({ repost: { earlierAdId: 5000 } });
  });

  it('leaves a listing older than the newest compared ones unmatched: one check costs the same for any dealer', () => {
    dealerWith(MAX_SELLER_CANDIDATES);
    const [change] = noteChanges(db, watchId, [newAd(ad(7000, 'RTX 3080 10GB', 'dealer'))], {}, NOW, 'label');
    expect(change).not.toHaveProperty('repost');
  });
});

describe('noteChanges, turned off', () => {
  it('finds no re-post with a window of 0 days and gives no context with 0 days of prices', () => {
    const change = newAd(ad(300, 'RTX 3080 10GB', 'gabor88', 140_000));
    expect(noteChanges(db, watchId, [change], { repostWindowDays: 0, priceContextDays: 0 }, NOW, 'label')).toEqual([
      change,
    ]);
  });
});
