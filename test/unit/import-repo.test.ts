import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import { loadKnownAds } from '../../src/store/ads-repo.js';
import { getWatchFilter } from '../../src/store/filters-repo.js';
import { applyImport, inWriteTransaction, listRecordedAdIds, type SeenAd } from '../../src/store/import-repo.js';
import { type Db, openDb } from '../../src/store/open-db.js';
import { getWatchRules } from '../../src/store/rules-repo.js';
import { getWatch, insertWatch, listWatches } from '../../src/store/watches-repo.js';

const now = new Date('2025-12-20T08:00:00Z');
const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const HARDVER = 'https://hardverapro.hu/aprok/hardver/index.html';

function seen(id: number, price: number, previous: number[] = [], gone = false): SeenAd {
  const ad: Ad = {
    id,
    title: `ad ${id}`,
    url: `https://hardverapro.hu/apro/ad_${id}/friss.html`,
    price,
    priceText: `${price} Ft`,
    priceKind: 'fixed',
    cities: ['Budapest'],
    timeText: '',
    postedAt: null,
    pinned: false,
    featured: false,
    iced: false,
    ribbon: null,
    seller: { name: 'x', url: null, rating: null, business: false },
    image: null,
    imageLarge: null,
  };
  return {
    ad,
    previousPrices: previous.map((value) => ({ price: value, priceKind: 'fixed', priceText: `${value} Ft` })),
    gone,
  };
}

let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
});
afterEach(() => {
  db.close();
});

describe('applyImport', () => {
  it('creates watches with their targets, seen state and seen ads with price history', () => {
    const ids = applyImport(
      db,
      {
        create: [
          {
            name: 'phones',
            url: MOBIL,
            notify: ['ntfy://phones-topic'],
            seenUpToId: 7318447,
            baselineDone: true,
            ads: [seen(5, 900, [1200, 1000]), seen(6, 50, [], true)],
          },
          { name: 'hardware', url: HARDVER, baselineDone: false, ads: [] },
        ],
        merge: [],
      },
      now,
    );
    expect(ids).toEqual([1, 2]);
    const phones = getWatch(db, 1);
    expect(phones).toMatchObject({ notify: ['ntfy://phones-topic'], seenUpToId: 7318447 });
    expect(phones?.lastCheck.baselineDone).toBe(true);
    expect(getWatch(db, 2)?.lastCheck.baselineDone).toBe(false);
    const history = db.prepare('SELECT ad_id, price FROM price_history WHERE watch_id = 1 ORDER BY id').all() as Array<{
      ad_id: number;
      price: number;
    }>;
    expect(history).toEqual([
      { ad_id: 5, price: 1200 },
      { ad_id: 5, price: 1000 },
      { ad_id: 5, price: 900 },
      { ad_id: 6, price: 50 },
    ]);
    const known = loadKnownAds(db, 1, [6]);
    expect(known.get(5)).toMatchObject({ price: 900, priceKind: 'fixed', gone: false, missedRuns: 0 });
    expect(known.get(6)).toMatchObject({ gone: true });
    expect(listRecordedAdIds(db, 1)).toEqual(new Set([5, 6]));
  });

  it('adds targets after the existing ones, seen ads, a higher "seen up to" and the baseline to a watch', () => {
    const watch = insertWatch(db, { name: 'phones', url: MOBIL, notify: ['ntfy://first-topic'] }, now);
    applyImport(
      db,
      {
        create: [],
        merge: [
          {
            watchId: watch.id,
            addTargets: ['ntfy://second-topic'],
            ads: [seen(9, 100)],
            seenUpToId: 50,
            markBaselineDone: true,
          },
        ],
      },
      now,
    );
    const merged = getWatch(db, watch.id);
    expect(merged?.notify).toEqual(['ntfy://first-topic', 'ntfy://second-topic']);
    expect(merged?.seenUpToId).toBe(50);
    expect(merged?.lastCheck.baselineDone).toBe(true);
    expect(listRecordedAdIds(db, watch.id)).toEqual(new Set([9]));
  });

  it('writes all or nothing: a failing write undoes the watches created before it', () => {
    insertWatch(db, { name: 'taken', url: HARDVER }, now);
    expect(() =>
      inWriteTransaction(db, () =>
        applyImport(
          db,
          {
            create: [
              { name: 'phones', url: MOBIL, baselineDone: true, ads: [seen(1, 1)] },
              { name: 'clash', url: HARDVER, baselineDone: false, ads: [] },
            ],
            merge: [],
          },
          now,
        ),
      ),
    ).toThrow(/UNIQUE/);
    expect(listWatches(db).map((watch) => watch.name)).toEqual(['taken']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM ads').get()).toEqual({ n: 0 });
  });

  it('stores the filter of a created watch, and none for a watch created without one', () => {
    const filter = { own: { exclude: ['hibás'], maxPrice: 150_000 }, useGlobal: false };
    const [filtered, plain] = applyImport(
      db,
      {
        create: [
          { name: 'phones', url: MOBIL, baselineDone: false, ads: [], filter },
          { name: 'hardware', url: HARDVER, baselineDone: false, ads: [] },
        ],
        merge: [],
      },
      now,
    );
    expect(getWatchFilter(db, filtered as number)).toEqual(filter);
    expect(db.prepare('SELECT watch_id FROM watch_filters').all()).toEqual([{ watch_id: filtered }]);
    expect(getWatchFilter(db, plain as number)).toEqual({ own: {}, useGlobal: true });
  });

  it("undoes a created watch's filter with the rest when a later write fails", () => {
    insertWatch(db, { name: 'taken', url: HARDVER }, now);
    const create = [
      {
        name: 'phones',
        url: MOBIL,
        baselineDone: false,
        ads: [],
        filter: { own: { dropIced: true }, useGlobal: true },
      },
      { name: 'clash', url: HARDVER, baselineDone: false, ads: [] },
    ];
    expect(() => inWriteTransaction(db, () => applyImport(db, { create, merge: [] }, now))).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM watch_filters').get()).toEqual({ n: 0 });
  });

  it('stores the rules of a created watch, and none for a watch created without them', () => {
    const rules = { minDrop: { percent: 5 }, below: null, lifecycle: { gone: true }, digest: 'daily' as const };
    const [ruled, plain] = applyImport(
      db,
      {
        create: [
          { name: 'phones', url: MOBIL, baselineDone: false, ads: [], rules },
          { name: 'hardware', url: HARDVER, baselineDone: false, ads: [] },
        ],
        merge: [],
      },
      now,
    );
    expect(getWatchRules(db, ruled as number)).toEqual(rules);
    expect(db.prepare('SELECT watch_id FROM watch_rules').all()).toEqual([{ watch_id: ruled }]);
    expect(getWatchRules(db, plain as number)).toEqual({});
  });

  it("undoes a created watch's rules with the rest when a later write fails", () => {
    insertWatch(db, { name: 'taken', url: HARDVER }, now);
    const create = [
      { name: 'phones', url: MOBIL, baselineDone: false, ads: [], rules: { reposts: 'skip' as const } },
      { name: 'clash', url: HARDVER, baselineDone: false, ads: [] },
    ];
    expect(() => inWriteTransaction(db, () => applyImport(db, { create, merge: [] }, now))).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM watch_rules').get()).toEqual({ n: 0 });
  });
});
