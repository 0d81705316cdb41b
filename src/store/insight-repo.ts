import type { PricePoint } from '../domain/ad-insight.js';
import type { SamplePrice } from '../domain/price-context.js';
import type { RepostCandidate } from '../domain/repost-match.js';
import type { Db } from './open-db.js';
import { prepared } from './prepared.js';
import { loadPricePoints } from './price-history-repo.js';

/** A re-post chain is followed this many links back at most: a damaged link can never loop for ever. */
const MAX_CHAIN = 50;

/**
 * A seller's most recent ads that are compared with a new one: a dealer with more in the window is matched against
 * its latest ones only, so one check's cost stays bounded whatever a seller has listed.
 */
export const MAX_SELLER_CANDIDATES = 1000;

/**
 * The seller lookup, which the `ads_by_seller` index of schema 7 serves, newest first (parameters: watch, name,
 * since, before, limit).
 */
export const SELLER_ADS_SQL = `SELECT ad_id, title, url, lower(json_extract(data, '$.seller.name')) AS seller, first_seen_at
  FROM ads WHERE watch_id = ? AND lower(json_extract(data, '$.seller.name')) = lower(?)
    AND first_seen_at >= ? AND first_seen_at < ?
  ORDER BY first_seen_at DESC LIMIT ?`;

/** A re-post candidate as the store reads it: with the address a re-post names. */
export type SellerAd = RepostCandidate & { url: string };

/**
 * The ads of a watch by this seller first seen in [since, before): the re-post candidates. The seller index keeps
 * this to the seller's few ads however many the watch recorded. The seller comes back as its key (the indexed
 * value, so no stored card is parsed).
 */
export function listSellerAds(
  db: Db,
  watchId: number,
  sellerName: string,
  window: { since: Date; before: Date },
): SellerAd[] {
  const rows = prepared(db, SELLER_ADS_SQL).all(
    watchId,
    sellerName,
    window.since.toISOString(),
    window.before.toISOString(),
    MAX_SELLER_CANDIDATES,
  ) as Array<{
    ad_id: number;
    title: string;
    url: string;
    seller: unknown;
    first_seen_at: string;
  }>;
  return rows.map((row) => ({
    id: row.ad_id,
    title: row.title,
    url: row.url,
    sellerName: typeof row.seller === 'string' ? row.seller : '',
    firstSeenAt: row.first_seen_at,
  }));
}

/**
 * The item's history across its listings, from the given ad back through the ads it re-posted: when it was first
 * seen and every price seen, oldest first.
 */
export function loadListingHistory(
  db: Db,
  watchId: number,
  adId: number,
): { firstSeenAt: string; priceHistory: PricePoint[] } | null {
  const lookup = prepared(db, 'SELECT first_seen_at, reposted_from FROM ads WHERE watch_id = ? AND ad_id = ?');
  const chain: number[] = [];
  let firstSeenAt: string | null = null;
  for (let id: number | null = adId; id !== null && chain.length < MAX_CHAIN && !chain.includes(id); ) {
    const row = lookup.get(watchId, id) as { first_seen_at: string; reposted_from: number | null } | undefined;
    if (row === undefined) break;
    chain.push(id);
    firstSeenAt = row.first_seen_at;
    id = row.reposted_from;
  }
  if (firstSeenAt === null) return null;
  return { firstSeenAt, priceHistory: loadPricePoints(db, watchId, chain) };
}

/** Link a re-post to the earlier ad it repeats; call after the re-post itself is recorded. */
export function markRepost(db: Db, watchId: number, adId: number, earlierAdId: number): void {
  prepared(db, 'UPDATE ads SET reposted_from = ? WHERE watch_id = ? AND ad_id = ?').run(earlierAdId, watchId, adId);
}

/**
 * The price sample of a watch: the latest asking price of each ad with a price in forints first seen in
 * [since, before), cheapest first (an ad first seen in this very check is not yet part of the market it is compared
 * with). The `ads_priced` index of schema 7 holds all of it.
 */
export function loadPriceSample(db: Db, watchId: number, window: { since: Date; before: Date }): SamplePrice[] {
  // Two JSON arrays in one row: turning thousands of rows into objects one by one cost ten times as much.
  const row = prepared(
    db,
    `SELECT json_group_array(ad_id) AS ids, json_group_array(price) AS prices FROM (${PRICE_SAMPLE_SQL})`,
  ).get(watchId, window.since.toISOString(), window.before.toISOString()) as { ids: string; prices: string };
  const ids = JSON.parse(row.ids) as number[];
  const prices = JSON.parse(row.prices) as number[];
  return ids.map((adId, index) => ({ adId, price: prices[index] as number })).sort((a, b) => a.price - b.price);
}

/** The price sample query (parameters: watch, since, before). */
export const PRICE_SAMPLE_SQL = `SELECT ad_id, price FROM ads
  WHERE watch_id = ? AND first_seen_at >= ? AND first_seen_at < ? AND price_kind = 'fixed' AND price > 0`;
