// Times what a filter adds to the check of one real listing page (100 ads, all of them new, the costliest case):
// compiling the watch's and the global filter and judging every ad, and the same with the filter's store work
// (reading the watch's filter, remembering each ad's verdict), against the built dist/.
import { readFileSync } from 'node:fs';
import { diffAds } from '../dist/domain/diff-ads.js';
import { screenChanges, watchFilters } from '../dist/domain/screen-changes.js';
import { parseListing } from '../dist/scrape/parse-listing.js';
import { applyAdDiff } from '../dist/store/ads-repo.js';
import { getWatchFilter, recordFilterVerdicts, setWatchFilter } from '../dist/store/filters-repo.js';
import { openDb } from '../dist/store/open-db.js';
import { insertWatch } from '../dist/store/watches-repo.js';

const FIXTURE_PAGE = new URL('../test/fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url);
const WARMUP_RUNS = 200;
const RUNS = 1000;
export const FILTER_TARGET_MS = 1;

/** A filter as people write them on HardverApró: the usual words, a regex, bounds, kinds, sellers, cities. */
const OWN_FILTER = {
  exclude: ['hibás', 'alkatr*', 'sérült', 'javított', 'félkonfig', 'felvásárlás', 'csere', '/s2[345] ?ultra/'],
  require: ['iphone'],
  minPrice: 1000,
  maxPrice: 300000,
  dropWanted: true,
  dropIced: true,
  minRating: 5,
  blockSellers: ['Eladó 01', 'Eladó 25', 'Eladó 61'],
  cities: ['Budapest', 'Pécs', 'Szeged'],
};
const GLOBAL_FILTER = { exclude: ['bontatlan*', 'akció'], dropPinned: true };

function time(work) {
  for (let i = 0; i < WARMUP_RUNS; i += 1) work(i);
  const durations = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    work(i);
    durations.push(performance.now() - start);
  }
  return durations;
}

/** Milliseconds per page: the filter decision alone, and with its store reads and writes. */
export function benchFilter() {
  const ads = parseListing(
    readFileSync(FIXTURE_PAGE, 'utf8'),
    'https://hardverapro.hu/aprok/mobil/index.html',
    new Date('2025-12-19T16:30:00+01:00'),
  ).ads;
  const changes = ads.map((ad) => ({ type: 'new_ad', ad }));
  let kept = 0;
  const decision = time(() => {
    const filters = watchFilters(GLOBAL_FILTER, { own: OWN_FILTER, useGlobal: true });
    kept = screenChanges(filters, changes).changes.length;
  });

  const db = openDb(':memory:');
  const watch = insertWatch(db, { name: 'm', url: 'https://hardverapro.hu/aprok/mobil/index.html' }, new Date());
  setWatchFilter(db, watch.id, { own: OWN_FILTER, useGlobal: true });
  const rules = { complete: false, baseline: false, goneAfterMisses: 3, seenUpToId: null };
  applyAdDiff(db, watch.id, diffAds(new Map(), ads, rules), new Date());
  const verdicts = db.transaction(() => {
    const filters = watchFilters(GLOBAL_FILTER, getWatchFilter(db, watch.id));
    recordFilterVerdicts(db, watch.id, screenChanges(filters, changes));
  });
  const withStore = time(() => verdicts.immediate());
  db.close();
  return { ads: ads.length, kept, decision, withStore };
}
