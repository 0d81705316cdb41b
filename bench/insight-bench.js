// What re-post matching and price context add to the check of one watch with 10 000 recorded ads, against the built
// dist/. Each measured check is the in-process work of one watch as `recordScrape` does it: parse the real listing
// page, load what the watch knows, diff, screen, and write ads and events in one transaction; "with" adds
// `noteChanges` (the seller lookup for every new ad and the price sample), "without" leaves it out. The two run
// paired and interleaved (their order alternating) on the same database, and each check is rolled back, so every
// run starts from the same 10 000 ads. Network time and the commit are left out of both, which can only make the
// share the insight adds look larger than in a real check.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { noteChanges } from '../dist/app/note-changes.js';
import { loadKnownAds, applyAdDiff } from '../dist/store/ads-repo.js';
import { diffAds } from '../dist/domain/diff-ads.js';
import { screenChanges } from '../dist/domain/screen-changes.js';
import { parseListing } from '../dist/scrape/parse-listing.js';
import { openDb } from '../dist/store/open-db.js';
import { recordEvent } from '../dist/store/outbox-repo.js';
import { insertWatch } from '../dist/store/watches-repo.js';
import { figure, summarize } from './stats.js';

const FIXTURE_PAGE = new URL('../test/fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url);
const PAGE_URL = 'https://hardverapro.hu/aprok/mobil/index.html';
const RECORDED_ADS = 10_000;
const WARMUP_PAIRS = 20;
const PAIRS = 200;
/** The check may grow by under 10 % with both on. */
export const INSIGHT_GROWTH_LIMIT = 1.1;
const DAY_MS = 86_400_000;

/**
 * 10 000 ads over the past year: one in four by the sellers on the page (the search's regulars, some 25 ads a year
 * for each ad they have on the page, so a dealer with six ads there has 150), the rest by 2 500 other sellers.
 * One regular's ad in fifty has the very title on the page (an earlier listing of the same item: a re-post
 * candidate); the other titles are numbered apart. One in three is still listed; the others went gone.
 */
function seedWatch(db, watchId, pageAds, now) {
  const insertAd = db.prepare(
    `INSERT INTO ads (watch_id, ad_id, title, url, price, price_kind, price_text, data, first_seen_at, last_seen_at,
       gone_at) VALUES (?, ?, ?, ?, ?, 'fixed', ?, ?, ?, ?, ?)`,
  );
  const insertPrice = db.prepare(
    `INSERT INTO price_history (watch_id, ad_id, price, price_kind, price_text, seen_at) VALUES (?, ?, ?, 'fixed', ?, ?)`,
  );
  db.transaction(() => {
    for (let n = 0; n < RECORDED_ADS; n += 1) {
      const regular = n % 4 === 0;
      const template = pageAds[Math.floor(n / 4) % pageAds.length];
      const seller = regular ? template.seller : { ...template.seller, name: `Eladó ${1000 + (n % 2500)}` };
      const id = 1_000_000 + n;
      const title = regular && n % 200 === 0 ? template.title : `${template.title} ${n}`;
      const url = `https://hardverapro.hu/apro/old_${id}/friss.html`;
      const price = 10_000 + ((n * 7919) % 400) * 1000;
      const priceText = `${price} Ft`;
      const firstSeen = new Date(now - 365 * DAY_MS + (n / RECORDED_ADS) * 360 * DAY_MS);
      const lastSeen = new Date(Math.min(now - DAY_MS, firstSeen.getTime() + 30 * DAY_MS));
      const gone = n % 3 === 0 ? null : lastSeen.toISOString();
      const data = JSON.stringify({ ...template, id, title, url, price, priceText, priceKind: 'fixed', seller });
      insertAd.run(
        watchId,
        id,
        title,
        url,
        price,
        priceText,
        data,
        firstSeen.toISOString(),
        lastSeen.toISOString(),
        gone,
      );
      insertPrice.run(watchId, id, price, priceText, firstSeen.toISOString());
    }
  })();
}

/** The page with the first `count` ordinary ads under new ids: that many new ads for the watch, the rest known. */
function pageWithNewAds(pageAds, count, round) {
  return (html) => {
    const ads = parseListing(html, PAGE_URL, new Date()).ads;
    return ads.map((ad, index) => (index < count ? { ...ad, id: 9_000_000 + round * 1000 + index } : ad));
  };
}

/** One watch's check, as `recordScrape` writes it, rolled back; milliseconds. */
function timedCheck(db, watchId, html, newAds, round, withInsight) {
  const start = performance.now();
  const ads = pageWithNewAds(null, newAds, round)(html);
  const now = new Date();
  db.exec('BEGIN IMMEDIATE');
  try {
    const known = loadKnownAds(
      db,
      watchId,
      ads.map((ad) => ad.id),
      { allActive: false },
    );
    const diff = diffAds(known, ads, { complete: false, baseline: false, goneAfterMisses: 3, seenUpToId: null });
    const screened = screenChanges([], diff.changes);
    applyAdDiff(db, watchId, diff, now);
    const changes = withInsight ? noteChanges(db, watchId, screened.changes, {}, now, true) : screened.changes;
    for (const change of changes) {
      const event = { type: change.type, watch: { id: watchId, name: 'm', url: PAGE_URL }, ad: change.ad };
      recordEvent(db, { watchId, runId: null, event, idempotencyKey: randomUUID(), targets: [], now });
    }
    return { ms: performance.now() - start, changes };
  } finally {
    db.exec('ROLLBACK');
  }
}

/** Paired, interleaved checks with and without the insight, for a page with `newAds` new ads. */
function measure(db, watchId, html, newAds) {
  const ratios = [];
  const withMs = [];
  const withoutMs = [];
  let noted = null;
  for (let pair = 0; pair < WARMUP_PAIRS + PAIRS; pair += 1) {
    const withFirst = pair % 2 === 0;
    const first = timedCheck(db, watchId, html, newAds, pair, withFirst);
    const second = timedCheck(db, watchId, html, newAds, pair, !withFirst);
    const [withRun, withoutRun] = withFirst ? [first, second] : [second, first];
    noted ??= withRun.changes;
    if (pair < WARMUP_PAIRS) continue;
    withMs.push(withRun.ms);
    withoutMs.push(withoutRun.ms);
    ratios.push(withRun.ms / withoutRun.ms);
  }
  const reposts = noted.filter((change) => change.type === 'reposted' || change.repost !== undefined).length;
  const contexts = noted.filter((change) => change.context !== undefined).length;
  return { ratios, withMs, withoutMs, reposts, contexts };
}

/** The figures: for 0, 1, 10 and 100 new ads on the page, the check with both on against the check without. */
export function benchInsight(log) {
  const html = readFileSync(FIXTURE_PAGE, 'utf8');
  const pageAds = parseListing(html, PAGE_URL, new Date()).ads;
  const db = openDb(':memory:');
  const figures = [];
  const notes = { recordedAds: RECORDED_ADS, pairs: PAIRS };
  try {
    const watchId = insertWatch(db, { name: 'm', url: PAGE_URL }, new Date()).id;
    const now = Date.now();
    seedWatch(db, watchId, pageAds, now);
    // The page's own ads, as a check an hour ago recorded them.
    const rules = { complete: false, baseline: true, goneAfterMisses: 3, seenUpToId: null };
    applyAdDiff(db, watchId, diffAds(new Map(), pageAds, rules), new Date(now - 3_600_000));
    for (const newAds of [0, 1, 10, 100]) {
      log(`insight: ${newAds} new ads on the page, ${RECORDED_ADS.toLocaleString('en')} recorded`);
      const result = measure(db, watchId, html, newAds);
      const label = `check of a watch with ${RECORDED_ADS.toLocaleString('en')} ads recorded, ${newAds} new on the page`;
      figures.push(
        // A hundred new ads at once is a watch's first check after days away: shown, not held to the target.
        figure(
          `${label}: with re-posts and price context vs without`,
          'ratio',
          result.ratios,
          newAds < 100
            ? {
                max: INSIGHT_GROWTH_LIMIT,
              }
            : null,
          {
            withMs: summarize(result.withMs, 3),
            withoutMs: summarize(result.withoutMs, 3),
          },
        ),
      );
      notes[newAds] = { reposts: result.reposts, contexts: result.contexts };
    }
  } finally {
    db.close();
  }
  return { figures, notes };
}
