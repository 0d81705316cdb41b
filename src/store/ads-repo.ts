import type { Ad, PriceKind } from '../domain/ad.js';
import type { AdDiff, KnownAd } from '../domain/diff-ads.js';
import type { Db } from './open-db.js';
import { prepared } from './prepared.js';
import { loadPricePoints } from './price-history-repo.js';

/** How many ads a watch has recorded, active and gone. */
export function countWatchAds(db: Db, watchId: number): { active: number; gone: number } {
  const row = db
    .prepare(
      `SELECT COALESCE(SUM(gone_at IS NULL), 0) AS active, COALESCE(SUM(gone_at IS NOT NULL), 0) AS gone
       FROM ads WHERE watch_id = ?`,
    )
    .get(watchId) as { active: number; gone: number };
  return { active: row.active, gone: row.gone };
}

const KNOWN_COLUMNS = 'ad_id, title, url, price, price_kind, price_text, missed_runs, gone_at, iced';

/**
 * The ads a watch remembers that matter for a diff: any of `scrapedIds`, and every active one unless
 * `allActive` is false. Only a complete scrape needs the active ones (to count misses); a watch that reads page 1
 * of a long search keeps thousands of them, so an incomplete scrape looks up just what it saw.
 */
export function loadKnownAds(
  db: Db,
  watchId: number,
  scrapedIds: number[],
  options: { allActive?: boolean } = {},
): Map<number, KnownAd> {
  const known = new Map<number, KnownAd>();
  if (options.allActive !== false) {
    const active = prepared(db, `SELECT ${KNOWN_COLUMNS} FROM ads WHERE watch_id = ? AND gone_at IS NULL`);
    for (const row of active.all(watchId) as KnownRow[]) known.set(row.ad_id, toKnownAd(row));
  }
  const unknownIds = scrapedIds.filter((id) => !known.has(id));
  if (unknownIds.length > 0) {
    const lookup = prepared(
      db,
      `SELECT ${KNOWN_COLUMNS} FROM ads WHERE watch_id = ? AND ad_id IN (SELECT value FROM json_each(?))`,
    );
    for (const row of lookup.all(watchId, JSON.stringify(unknownIds)) as KnownRow[]) {
      known.set(row.ad_id, toKnownAd(row));
    }
  }
  return known;
}

function toKnownAd(row: KnownRow): KnownAd {
  return { ...toAdColumns(row), missedRuns: row.missed_runs, gone: row.gone_at !== null, iced: row.iced === 1 };
}

/** The fields of an ad that its row keeps in columns of their own, beside the whole card as JSON. */
type AdColumns = Pick<Ad, 'id' | 'title' | 'url' | 'price' | 'priceKind' | 'priceText'>;

function toAdColumns(row: KnownRow): AdColumns {
  return {
    id: row.ad_id,
    title: row.title,
    url: row.url,
    price: row.price,
    priceKind: row.price_kind as PriceKind,
    priceText: row.price_text,
  };
}

/** The named parameters an ad's row is written with: its columns, its card as JSON, and `at` for when. */
export function adRowParams(watchId: number, ad: Ad, at: string) {
  const { id, title, url, price, priceKind, priceText } = ad;
  return { watchId, id, title, url, price, priceKind, priceText, data: JSON.stringify(ad), at, iced: ad.iced ? 1 : 0 };
}

/**
 * Write what a diff means for a watch's ads: first sightings, new prices, edits, reappearances, misses and gone
 * ads. An ad seen again unchanged only has its last-seen time moved on, in one statement for all of them: most
 * ads of most checks are unchanged, and rewriting each one's stored card was most of the cost of a check.
 */
export function applyAdDiff(db: Db, watchId: number, diff: AdDiff, now: Date): void {
  const at = now.toISOString();
  const insertAd = prepared(
    db,
    `INSERT INTO ads (watch_id, ad_id, title, url, price, price_kind, price_text, data, first_seen_at, last_seen_at, iced)
     VALUES (@watchId, @id, @title, @url, @price, @priceKind, @priceText, @data, @at, @at, @iced)`,
  );
  const refreshAd = prepared(
    db,
    `UPDATE ads SET title = @title, url = @url, price = @price, price_kind = @priceKind, price_text = @priceText,
       data = @data, last_seen_at = @at, missed_runs = 0, gone_at = NULL, iced = @iced
     WHERE watch_id = @watchId AND ad_id = @id`,
  );
  const touchAds = prepared(
    db,
    `UPDATE ads SET last_seen_at = ?, missed_runs = 0, gone_at = NULL
     WHERE watch_id = ? AND ad_id IN (SELECT value FROM json_each(?))`,
  );
  const addHistory = prepared(
    db,
    `INSERT INTO price_history (watch_id, ad_id, price, price_kind, price_text, seen_at)
     VALUES (@watchId, @id, @price, @priceKind, @priceText, @at)`,
  );
  const setMissed = prepared(db, 'UPDATE ads SET missed_runs = ? WHERE watch_id = ? AND ad_id = ?');
  const setGone = prepared(
    db,
    'UPDATE ads SET missed_runs = missed_runs + 1, gone_at = ? WHERE watch_id = ? AND ad_id = ?',
  );
  const params = (ad: Ad) => adRowParams(watchId, ad, at);
  for (const ad of diff.firstSeen) {
    const values = params(ad);
    insertAd.run(values);
    addHistory.run(values);
  }
  for (const ad of diff.repriced) {
    const values = params(ad);
    refreshAd.run(values);
    addHistory.run(values);
  }
  for (const ad of diff.edited) refreshAd.run(params(ad));
  if (diff.unchanged.length > 0) touchAds.run(at, watchId, JSON.stringify(diff.unchanged.map((ad) => ad.id)));
  for (const { id, missedRuns } of diff.missed) setMissed.run(missedRuns, watchId, id);
  for (const id of diff.gone) setGone.run(at, watchId, id);
}

/** One recorded ad with its price history, for `pyhabot ads`. */
export interface RecordedAd extends AdColumns {
  firstSeenAt: string;
  lastSeenAt: string;
  active: boolean;
  goneAt: string | null;
  priceHistory: Array<{ price: number | null; priceKind: PriceKind; priceText: string; seenAt: string }>;
  ad: Ad;
}

/** The ads a watch has recorded, newest first; gone ones only with `includeGone`. */
export function listRecordedAds(
  db: Db,
  watchId: number,
  options: { includeGone: boolean; limit?: number },
): RecordedAd[] {
  const rows = db
    .prepare(
      `SELECT ad_id, title, url, price, price_kind, price_text, data, first_seen_at, last_seen_at, gone_at
       FROM ads WHERE watch_id = ? ${options.includeGone ? '' : 'AND gone_at IS NULL'}
       ORDER BY first_seen_at DESC, ad_id DESC LIMIT ?`,
    )
    .all(watchId, options.limit ?? -1) as Array<
    KnownRow & { data: string; first_seen_at: string; last_seen_at: string }
  >;
  // One query for the history of every listed ad: a query per ad made this slow for watches with thousands of ads.
  const historyByAd = new Map<number, RecordedAd['priceHistory']>();
  for (const { adId, ...point } of loadPricePoints(
    db,
    watchId,
    rows.map((row) => row.ad_id),
  )) {
    const list = historyByAd.get(adId) ?? [];
    list.push(point);
    historyByAd.set(adId, list);
  }
  return rows.map((row) => ({
    ...toAdColumns(row),
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    active: row.gone_at === null,
    goneAt: row.gone_at,
    priceHistory: historyByAd.get(row.ad_id) ?? [],
    ad: JSON.parse(row.data) as Ad,
  }));
}

interface KnownRow {
  ad_id: number;
  title: string;
  url: string;
  price: number | null;
  price_kind: string;
  price_text: string;
  missed_runs: number;
  gone_at: string | null;
  iced: number;
}

/** An ad as a watch last recorded it, with when it was first and last listed and when it was recorded gone. */
export interface AdTimeline {
  ad: Ad;
  firstSeenAt: string;
  lastSeenAt: string;
  goneAt: string | null;
}

/** The recorded timelines of some of a watch's ads, keyed by ad id (ids it never saw are left out). */
export function loadAdTimelines(db: Db, watchId: number, ids: readonly number[]): Map<number, AdTimeline> {
  if (ids.length === 0) return new Map();
  const rows = prepared(
    db,
    `SELECT ad_id, data, first_seen_at, last_seen_at, gone_at FROM ads
     WHERE watch_id = ? AND ad_id IN (SELECT value FROM json_each(?))`,
  ).all(watchId, JSON.stringify(ids)) as Array<{
    ad_id: number;
    data: string;
    first_seen_at: string;
    last_seen_at: string;
    gone_at: string | null;
  }>;
  return new Map(
    rows.map((row) => [
      row.ad_id,
      {
        ad: JSON.parse(row.data) as Ad,
        firstSeenAt: row.first_seen_at,
        lastSeenAt: row.last_seen_at,
        goneAt: row.gone_at,
      },
    ]),
  );
}

/** The lowest fixed price recorded in the price history of some of a watch's ads, keyed by ad id. */
export function lowestRecordedPrices(db: Db, watchId: number, ids: readonly number[]): Map<number, number> {
  if (ids.length === 0) return new Map();
  const rows = prepared(
    db,
    `SELECT ad_id, MIN(price) AS lowest FROM price_history
     WHERE watch_id = ? AND ad_id IN (SELECT value FROM json_each(?)) AND price_kind = 'fixed' AND price IS NOT NULL
     GROUP BY ad_id`,
  ).all(watchId, JSON.stringify(ids)) as Array<{ ad_id: number; lowest: number }>;
  return new Map(rows.map((row) => [row.ad_id, row.lowest]));
}
