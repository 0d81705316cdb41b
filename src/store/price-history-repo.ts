import type { PriceKind } from '../domain/ad.js';
import type { PricePoint } from '../domain/ad-insight.js';
import type { PricedListing } from '../domain/priced-listing.js';
import type { Db } from './open-db.js';
import { prepared } from './prepared.js';

/** Every ad of a watch last seen at or after `since`, with the prices it asked, for price statistics. */
export function listPricedListings(db: Db, watchId: number, since: Date): PricedListing[] {
  const rows = prepared(
    db,
    `SELECT a.ad_id, a.first_seen_at, a.last_seen_at, a.gone_at, h.price, h.price_kind, h.seen_at
     FROM ads a JOIN price_history h ON h.watch_id = a.watch_id AND h.ad_id = a.ad_id
     WHERE a.watch_id = ? AND a.last_seen_at >= ?
     ORDER BY a.ad_id, h.id`,
  ).all(watchId, since.toISOString()) as Array<{
    ad_id: number;
    first_seen_at: string;
    last_seen_at: string;
    gone_at: string | null;
    price: number | null;
    price_kind: string;
    seen_at: string;
  }>;
  const listings = new Map<number, PricedListing>();
  for (const row of rows) {
    let listing = listings.get(row.ad_id);
    if (listing === undefined) {
      listing = {
        adId: row.ad_id,
        firstSeenAt: row.first_seen_at,
        lastSeenAt: row.last_seen_at,
        active: row.gone_at === null,
        prices: [],
      };
      listings.set(row.ad_id, listing);
    }
    // Only a fixed price is an amount asked; a wanted ad's figure is what the buyer offers.
    listing.prices.push({ price: row.price_kind === 'fixed' ? row.price : null, seenAt: row.seen_at });
  }
  return [...listings.values()];
}

/** One active ad and what it asks. */
export interface CheapAd {
  id: number;
  title: string;
  url: string;
  price: number;
  priceText: string;
  firstSeenAt: string;
}

/** The cheapest active ads of a watch that ask a forint price, leaving out those a filter held back. */
export function listCheapestActiveAds(db: Db, watchId: number, limit: number): CheapAd[] {
  const rows = prepared(
    db,
    `SELECT ad_id, title, url, price, price_text, first_seen_at FROM ads
     WHERE watch_id = ? AND gone_at IS NULL AND price_kind = 'fixed' AND price IS NOT NULL AND filtered_rule IS NULL
     ORDER BY price, ad_id LIMIT ?`,
  ).all(watchId, limit) as Array<{
    ad_id: number;
    title: string;
    url: string;
    price: number;
    price_text: string;
    first_seen_at: string;
  }>;
  return rows.map((row) => ({
    id: row.ad_id,
    title: row.title,
    url: row.url,
    price: row.price,
    priceText: row.price_text,
    firstSeenAt: row.first_seen_at,
  }));
}

/** Every price these ads of a watch were seen at, oldest first: one query for any number of ads. */
export function loadPricePoints(db: Db, watchId: number, adIds: readonly number[]): PricePoint[] {
  const rows = prepared(
    db,
    `SELECT ad_id, price, price_kind, price_text, seen_at FROM price_history
     WHERE watch_id = ? AND ad_id IN (SELECT value FROM json_each(?)) ORDER BY seen_at, id`,
  ).all(watchId, JSON.stringify(adIds)) as Array<{
    ad_id: number;
    price: number | null;
    price_kind: string;
    price_text: string;
    seen_at: string;
  }>;
  return rows.map((row) => ({
    adId: row.ad_id,
    price: row.price,
    priceKind: row.price_kind as PriceKind,
    priceText: row.price_text,
    seenAt: row.seen_at,
  }));
}
