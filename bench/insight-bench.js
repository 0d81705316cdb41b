// What re-post matching and price context add to the check of one watch with 10 000 recorded ads, against the built
// dist/. Each measured check is the in-process work of one watch as a check records it: parse the real listing
// page, load what the watch knows, diff, screen, and write ads and events in one transaction; "with" adds
// `noteChanges` (the seller lookup for every new ad and the price sample), "without" leaves it out. The two run
// paired and interleaved (their order alternating) on the same database, and each check is rolled back, so every
// run starts from the same 10 000 ads. Network time and the commit are left out of both, which can only make the
// share the insight adds look larger than in a real check.
import { randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { noteChanges, recordReposts } from '../dist/app/note-changes.js';
import { diffAds } from '../dist/domain/diff-ads.js';
import { screenChanges } from '../dist/domain/screen-changes.js';
import { parseListing } from '../dist/scrape/parse-listing.js';
import { applyAdDiff, loadKnownAds } from '../dist/store/ads-repo.js';
import { openDb } from '../dist/store/open-db.js';
import { recordEvent } from '../dist/store/outbox-repo.js';
import { insertWatch } from '../dist/store/watches-repo.js';
import { checkSummary, createScratch } from './cli.js';
import { startFakeSite } from './fake-site.js';
import { figure, summarize } from './stats.js';

const FIXTURE_PAGE = new URL('../test/fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url);
const PAGE_URL = 'https://hardverapro.hu/aprok/mobil/index.html';
const RECORDED_ADS = 10_000;
const WARMUP_PAIRS = 20;
const PAIRS = 200;
/** The check may grow by under 10 % with both on. */
export const INSIGHT_GROWTH_LIMIT = 1.1;
const DAY_MS = 86_400_000;

const CLI_PAIRS = 15;

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
function pageWithNewAds(count, round) {
  return (html) => {
    const ads = parseListing(html, PAGE_URL, new Date()).ads;
    return ads.map((ad, index) => (index < count ? { ...ad, id: 9_000_000 + round * 1000 + index } : ad));
  };
}

/** One watch's check, as `recordScrape` writes it, rolled back; milliseconds. */
function timedCheck(db, watchId, html, newAds, round, withInsight) {
  const start = performance.now();
  const ads = pageWithNewAds(newAds, round)(html);
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
    // As a check does: the history is read before the scrape is written, the re-post links after.
    const changes = withInsight ? noteChanges(db, watchId, screened.changes, {}, now, 'label') : screened.changes;
    applyAdDiff(db, watchId, diff, now);
    const watch = { id: watchId, name: 'm', url: PAGE_URL };
    const events = changes.map(({ type, ad, repost }) => ({ type, watch, ad, ...(repost ? { repost } : {}) }));
    if (withInsight) recordReposts(db, watchId, events);
    for (const event of events) {
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

/**
 * The figures: the whole check with both on against both off (1 and 10 new ads), and its in-process part alone
 * (0, 1, 10 and 100 new ads), which shows what the insight itself costs.
 */
export async function benchInsight(log) {
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
      const label = `in-process part of that check (parse + record), ${newAds} new on the page`;
      figures.push(
        // Shown for what the insight itself costs; the target is held by the whole check below.
        figure(`${label}: with re-posts and price context vs without`, 'ratio', result.ratios, null, {
          withMs: summarize(result.withMs, 3),
          withoutMs: summarize(result.withoutMs, 3),
        }),
      );
      notes[newAds] = { reposts: result.reposts, contexts: result.contexts };
    }
  } finally {
    db.close();
  }
  figures.push(benchDealer(log));
  figures.push(...(await benchInsightCheck(log)));
  return { figures, notes };
}

const DEALER_RECORDED = 5000;
const DEALER_NEW = 1000;
/** A dealer's re-post matching may take this long at most, however many ads it lists. */
export const DEALER_MATCH_LIMIT_MS = 1000;
const DEALER_WORDS =
  'tok folia tolto kabel eredeti uj bontatlan garancia samsung apple xiaomi fekete feher kek piros'.split(' ');

/**
 * The costliest re-post matching a check can meet: a dealer with 5 000 ads recorded in the window whose 1 000 ads
 * are all new at once (its first check after `rescrape`), every title of the same few words and no numbers, so no
 * candidate can be set aside by its numbers and about half of the new ads are re-posts.
 */
function benchDealer(log) {
  log(`insight: a dealer's ${DEALER_NEW} new ads against its ${DEALER_RECORDED} recorded ones`);
  const title = (n) =>
    Array.from({ length: 8 }, (_, k) => DEALER_WORDS[(n * 7 + k * 5 + ((n >> k) & 3)) % DEALER_WORDS.length]).join(' ');
  const dealerAd = (id, n) => ({
    ...DEALER_TEMPLATE,
    id,
    title: title(n),
    url: `https://hardverapro.hu/apro/d${id}/friss.html`,
  });
  const db = openDb(':memory:');
  try {
    const now = new Date();
    const watchId = insertWatch(db, { name: 'd', url: PAGE_URL }, new Date(now.getTime() - 100 * DAY_MS)).id;
    const recorded = Array.from({ length: DEALER_RECORDED }, (_, n) => dealerAd(n + 1, n));
    const rules = { complete: false, baseline: true, goneAfterMisses: 3, seenUpToId: null };
    applyAdDiff(db, watchId, diffAds(new Map(), recorded, rules), new Date(now.getTime() - 20 * DAY_MS));
    const changes = Array.from({ length: DEALER_NEW }, (_, n) => ({
      type: 'new_ad',
      ad: dealerAd(100_000 + n, n * 3 + 1),
    }));
    const times = [];
    for (let run = 0; run < 7; run += 1) {
      const start = performance.now();
      noteChanges(db, watchId, changes, {}, now, 'label');
      if (run > 1) times.push(performance.now() - start);
    }
    return figure(
      `re-posts and price context for a dealer's ${DEALER_NEW} new ads, ${DEALER_RECORDED.toLocaleString('en')} of its ads recorded`,
      'ms',
      times,
      { max: DEALER_MATCH_LIMIT_MS },
    );
  } finally {
    db.close();
  }
}

const DEALER_TEMPLATE = {
  price: 5000,
  priceText: '5 000 Ft',
  priceKind: 'fixed',
  cities: ['Budapest'],
  timeText: 'ma 10:00',
  postedAt: null,
  pinned: false,
  featured: false,
  iced: false,
  ribbon: null,
  seller: { name: 'Nagy Bolt Kft', url: null, rating: 500, business: true },
  image: null,
  imageLarge: null,
};

/** The fixture page with its first `count` ordinary ads under new ids: that many new ads for a watch that saw it. */
function pageWithRenamedAds(html, pageAds, count) {
  let page = html;
  const ordinary = pageAds.filter((ad) => !ad.pinned).slice(0, count);
  ordinary.forEach((ad, index) => {
    page = page.replaceAll(`data-uadid="${ad.id}"`, `data-uadid="${9_100_000 + index}"`);
  });
  return Buffer.from(page, 'utf8');
}

/**
 * The whole `pyhabot check` of that watch as users run it (the built CLI in a child process, the page from a fake
 * site on 127.0.0.1), with re-posts and price context on (the defaults) and off (`repostWindowDays: 0`,
 * `priceContextDays: 0`), paired and interleaved; every run starts from a copy of the same database.
 */
export async function benchInsightCheck(log) {
  const html = readFileSync(FIXTURE_PAGE, 'utf8');
  const pageAds = parseListing(html, PAGE_URL, new Date()).ads;
  const figures = [];
  for (const newAds of [1, 10]) {
    const site = await startFakeSite({ answerDelayMs: 0, page: Buffer.from(html, 'utf8') });
    const on = createScratch('insight-on', { requestDelayMs: 0, newestFirst: false });
    const off = createScratch('insight-off', {
      requestDelayMs: 0,
      newestFirst: false,
      repostWindowDays: 0,
      priceContextDays: 0,
    });
    try {
      const added = await on.run(['add', `${site.origin}/aprok/w0/index.html`, '--allow-any-host', '--name', 'w0']);
      if (added.code !== 0) throw new Error(`add failed: ${added.stderr}`);
      const baseline = await on.run(['check', '--json']);
      if (baseline.code !== 0) throw new Error(`baseline failed: ${baseline.stderr}`);
      const db = new Database(on.dbPath);
      try {
        seedWatch(db, 1, pageAds, Date.now());
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      const golden = `${on.dbPath}.golden`;
      copyFileSync(on.dbPath, golden);
      await site.close();
      const changed = await startFakeSite({ answerDelayMs: 0, page: pageWithRenamedAds(html, pageAds, newAds) });
      const url = `${changed.origin}/aprok/w0/index.html`;
      const run = async (scratch) => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratch.dbPath}${suffix}`, { force: true });
        copyFileSync(golden, scratch.dbPath);
        // The watch's address names the first fake site; the page now comes from the second.
        const moved = new Database(scratch.dbPath);
        moved.prepare('UPDATE watches SET url = ?').run(url);
        moved.close();
        const result = await scratch.run(['check', '--json']);
        const summary = checkSummary(result);
        if (result.code !== 0 || summary.newAds + summary.reposts !== newAds) {
          throw new Error(
            `check failed (exit ${result.code}): ${JSON.stringify(summary)} ${result.stderr.slice(0, 300)}`,
          );
        }
        return result;
      };
      log(`insight: pyhabot check, ${newAds} new ads, ${RECORDED_ADS.toLocaleString('en')} recorded, on/off paired`);
      const cpu = [];
      const wall = [];
      const cpuOn = [];
      const cpuOff = [];
      for (let pair = 0; pair < CLI_PAIRS + 2; pair += 1) {
        const onFirst = pair % 2 === 0;
        const first = await run(onFirst ? on : off);
        const second = await run(onFirst ? off : on);
        const [withRun, withoutRun] = onFirst ? [first, second] : [second, first];
        if (pair < 2) continue;
        cpu.push(withRun.cpuMs / withoutRun.cpuMs);
        cpuOn.push(withRun.cpuMs);
        cpuOff.push(withoutRun.cpuMs);
        wall.push(withRun.wallMs / withoutRun.wallMs);
      }
      await changed.close();
      const label = `pyhabot check, a watch with ${RECORDED_ADS.toLocaleString('en')} ads recorded, ${newAds} new`;
      figures.push(
        figure(
          `${label}: CPU time, re-posts and price context on vs off`,
          'ratio',
          cpu,
          { max: INSIGHT_GROWTH_LIMIT },
          { onCpuMs: summarize(cpuOn, 1), offCpuMs: summarize(cpuOff, 1) },
        ),
        figure(`${label}: wall time, on vs off`, 'ratio', wall, null),
      );
    } finally {
      on.remove();
      off.remove();
      await site.close().catch(() => {});
    }
  }
  return figures;
}
