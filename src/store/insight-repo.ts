import type { PriceKind } from '../domain/ad.js';
import type { PricePoint } from '../domain/ad-insight.js';
import type { SamplePrice } from '../domain/price-context.js';
import type { RepostCandidate } from '../domain/repost-match.js';
import type { Db } from './open-db.js';
import { prepared } from './prepared.js';

/** A re-post chain is followed this many links back at most: a damaged link can never loop for ever. */
const MAX_CHAIN = 50;

/** The seller lookup, which the `ads_by_seller` index of schema 7 serves (parameters: watch, name, since, before). */
export const SELLER_ADS_SQL = `SELECT ad_id, title, url, json_extract(data, '$.seller.name') AS seller, first_seen_at
  FROM ads WHERE watch_id = ? AND lower(json_extract(data, '$.seller.name')) = lower(?)
    AND first_seen_at >= ? AND first_seen_at < ?`;

/**
 * The ads of a watch by this seller first seen in [since, before): the re-post candidates. The seller index keeps
 * this to the seller's few ads however many the watch recorded; the name compares case-insensitively (ASCII
 * letters in the lookup; the matcher compares the full names again).
 */
export function listSellerAds(
  db: Db,
  watchId: number,
  sellerName: string,
  window: { since: Date; before: Date },
): Array<RepostCandidate & { url: string }> {
  const rows = prepared(db, SELLER_ADS_SQL).all(
    watchId,
    sellerName,
    window.since.toISOString(),
    window.before.toISOString(),
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
  const rows = prepared(
    db,
    `SELECT ad_id, price, price_kind, price_text, seen_at FROM price_history
     WHERE watch_id = ? AND ad_id IN (SELECT value FROM json_each(?)) ORDER BY seen_at, id`,
  ).all(watchId, JSON.stringify(chain)) as Array<{
    ad_id: number;
    price: number | null;
    price_kind: string;
    price_text: string;
    seen_at: string;
  }>;
  return {
    firstSeenAt,
    priceHistory: rows.map((row) => ({
      adId: row.ad_id,
      price: row.price,
      priceKind: row.price_kind as PriceKind,
      priceText: row.price_text,
      seenAt: row.seen_at,
    })),
  };
}

/** Link a re-post to the earlier ad it repeats; call after the re-post itself is recorded. */
export function markRepost(db: Db, watchId: number, adId: number, earlierAdId: number): void {
  prepared(db, 'UPDATE ads SET reposted_from = ? WHERE watch_id = ? AND ad_id = ?').run(earlierAdId, watchId, adId);
}

/**
 * The price sample of a watch: each ad's latest asking price, for the ads with a price in forints that were listed
 * at some time in [since, before) and first seen before `before` (an ad first seen in this very check is not yet
 * part of the market it is compared with).
 */
export function loadPriceSample(db: Db, watchId: number, window: { since: Date; before: Date }): SamplePrice[] {
  const rows = prepared(
    db,
    `SELECT ad_id, price FROM ads
     WHERE watch_id = ? AND price_kind = 'fixed' AND price > 0 AND last_seen_at >= ? AND first_seen_at < ?`,
  ).all(watchId, window.since.toISOString(), window.before.toISOString()) as Array<{ ad_id: number; price: number }>;
  return rows.map((row) => ({ adId: row.ad_id, price: row.price }));
}
