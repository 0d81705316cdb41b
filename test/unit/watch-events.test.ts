import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWatchEvents, rulesOfWatch } from '../../src/app/watch-events.js';
import type { Ad } from '../../src/domain/ad.js';
import { diffAds } from '../../src/domain/diff-ads.js';
import { type EffectiveRules, effectiveRules } from '../../src/domain/effective-rules.js';
import type { WatchRef } from '../../src/domain/events.js';
import { watchFilters } from '../../src/domain/screen-changes.js';
import { applyAdDiff, loadKnownAds } from '../../src/store/ads-repo.js';
import { type Db, openDb } from '../../src/store/open-db.js';
import { setWatchRules } from '../../src/store/rules-repo.js';
import { insertWatch } from '../../src/store/watches-repo.js';
import { testAd } from '../helpers/test-ad.js';

const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';

function ad(id: number, price: number, overrides: Partial<Ad> = {}): Ad {
  return testAd(id, { price, ...overrides });
}

let db: Db;
let watch: WatchRef;
let hour = 0;
beforeEach(() => {
  db = openDb(':memory:');
  const inserted = insertWatch(db, { name: 'phones', url: MOBIL }, new Date('2026-11-01T00:00:00Z'));
  watch = { id: inserted.id, name: inserted.name, url: inserted.url };
  hour = 0;
});
afterEach(() => {
  db.close();
});

/** One complete scrape, judged and written as a check does; returns the events it notifies. */
function scrape(ads: Ad[], rules: EffectiveRules, baseline = false) {
  const known = loadKnownAds(
    db,
    watch.id,
    ads.map((item) => item.id),
  );
  const diff = diffAds(known, ads, { complete: true, baseline, goneAfterMisses: 1, seenUpToId: null });
  const filters = watchFilters(null, { own: {}, useGlobal: true });
  hour += 1;
  const now = new Date(Date.UTC(2026, 10, 1, hour));
  const built = buildWatchEvents(db, { watch, diff, scraped: ads, baseline, filters, rules, insight: {}, now });
  applyAdDiff(db, watch.id, diff, now);
  return built;
}

describe('buildWatchEvents', () => {
  const all = effectiveRules({ lifecycle: { reactivated: true, reappeared: true, gone: true } }, {});

  it('gives a price drop the lowest price the watch has seen, the new one included', () => {
    scrape([ad(1, 100_000)], all, true);
    scrape([ad(1, 90_000)], all);
    scrape([ad(1, 120_000)], all);
    expect(scrape([ad(1, 110_000)], all).events).toMatchObject([{ type: 'price_changed', lowestPrice: 90_000 }]);
    expect(scrape([ad(1, 80_000)], all).events).toMatchObject([{ type: 'price_changed', lowestPrice: 80_000 }]);
  });

  it('tells an ad that left with how long it was listed, and its return with when it had gone', () => {
    scrape([ad(1, 1000), ad(2, 2000)], all, true);
    scrape([ad(1, 1000), ad(2, 2000)], all);
    expect(scrape([ad(1, 1000)], all).events).toEqual([
      {
        type: 'gone',
        watch,
        ad: ad(2, 2000),
        firstSeenAt: '2026-11-01T01:00:00.000Z',
        lastSeenAt: '2026-11-01T02:00:00.000Z',
      },
    ]);
    expect(scrape([ad(1, 1000), ad(2, 2000)], all).events).toEqual([
      { type: 'reappeared', watch, ad: ad(2, 2000), goneAt: '2026-11-01T03:00:00.000Z' },
    ]);
  });

  it('tells an iced ad active again, and nothing at all on a baseline', () => {
    expect(scrape([ad(1, 1000, { iced: true })], all, true).events).toEqual([]);
    expect(scrape([ad(1, 1000)], all).events).toEqual([{ type: 'reactivated', watch, ad: ad(1, 1000) }]);
  });

  it("reads a watch's rules over the config file's", () => {
    setWatchRules(db, watch.id, { minDrop: { percent: 5 } });
    expect(rulesOfWatch(db, { priceChanges: 'all', minDrop: { forints: 1 } }, watch.id)).toMatchObject({
      priceChanges: 'all',
      minDrop: { percent: 5 },
    });
    expect(rulesOfWatch(db, null, watch.id + 1)).toEqual(effectiveRules({}, {}));
  });
});
