import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import { diffAds } from '../../src/domain/diff-ads.js';
import { applyAdDiff, listRecordedAds, loadKnownAds } from '../../src/store/ads-repo.js';
import { type Db, openDb } from '../../src/store/open-db.js';
import { insertWatch } from '../../src/store/watches-repo.js';
import { testAd } from '../helpers/test-ad.js';

const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const first = new Date('2025-12-20T08:00:00Z');
const later = new Date('2025-12-20T09:00:00Z');

function ad(id: number, overrides: Partial<Ad> = {}): Ad {
  return testAd(id, { priceText: '1 000 Ft', ...overrides });
}

let db: Db;
let watchId: number;
beforeEach(() => {
  db = openDb(':memory:');
  watchId = insertWatch(db, { name: 'phones', url: MOBIL }, first).id;
});
afterEach(() => {
  db.close();
});

/** Diff a scrape against what the database holds and write it, as a check does. */
function record(scraped: Ad[], at: Date, complete = false): void {
  const known = loadKnownAds(
    db,
    watchId,
    scraped.map((item) => item.id),
    { allActive: complete },
  );
  const diff = diffAds(known, scraped, { complete, baseline: false, goneAfterMisses: 1, seenUpToId: null });
  applyAdDiff(db, watchId, diff, at);
}

function recorded(id: number) {
  const found = listRecordedAds(db, watchId, { includeGone: true }).find((item) => item.id === id);
  if (found === undefined) throw new Error(`ad ${id} is not recorded`);
  return found;
}

describe('recording a scrape', () => {
  it('moves the last-seen time of unchanged ads on and leaves their stored card as it was', () => {
    record([ad(1), ad(2)], first);
    record(
      [ad(1, { timeText: 'tegnap 10:00', seller: { name: 'seller', url: null, rating: 4, business: false } })],
      later,
    );
    const unchanged = recorded(1);
    expect(unchanged.lastSeenAt).toBe(later.toISOString());
    expect(unchanged.firstSeenAt).toBe(first.toISOString());
    expect(unchanged.ad.timeText).toBe('ma 10:00');
    expect(recorded(2).lastSeenAt).toBe(first.toISOString());
  });

  it('replaces the stored card of an edited ad without adding to its price history', () => {
    record([ad(1)], first);
    record([ad(1, { title: 'ad 1, alkudható', timeText: 'tegnap 10:00' })], later);
    const edited = recorded(1);
    expect(edited.title).toBe('ad 1, alkudható');
    expect(edited.ad.title).toBe('ad 1, alkudható');
    expect(edited.ad.timeText).toBe('tegnap 10:00');
    expect(edited.lastSeenAt).toBe(later.toISOString());
    expect(edited.priceHistory).toHaveLength(1);
  });

  it('replaces the stored card and extends the history of a repriced ad', () => {
    record([ad(1)], first);
    record([ad(1, { price: 900, priceText: '900 Ft' })], later);
    const repriced = recorded(1);
    expect(repriced.ad.price).toBe(900);
    expect(repriced.priceHistory.map((entry) => entry.price)).toEqual([1000, 900]);
  });

  it('clears misses and the gone mark of an ad that is listed again unchanged', () => {
    record([ad(1), ad(2)], first, true);
    record([ad(2)], later, true);
    expect(recorded(1).active).toBe(false);
    record([ad(1), ad(2)], new Date('2025-12-20T10:00:00Z'), true);
    expect(recorded(1).active).toBe(true);
    expect(loadKnownAds(db, watchId, [1]).get(1)).toMatchObject({ missedRuns: 0, gone: false });
  });

  it('looks up only the scraped ads when asked not to load every active one', () => {
    record([ad(1), ad(2), ad(3)], first);
    const known = loadKnownAds(db, watchId, [2, 4], { allActive: false });
    expect([...known.keys()]).toEqual([2]);
    expect(known.get(2)).toMatchObject({ title: 'ad 2', url: ad(2).url, price: 1000, gone: false });
    expect([...loadKnownAds(db, watchId, []).keys()].sort()).toEqual([1, 2, 3]);
  });
});
