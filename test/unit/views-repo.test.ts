import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEED_EVENT_TYPES } from '../../src/notify/channels/file/entry-kinds.js';
import { listRecentEvents, listRecentEventsForTarget } from '../../src/store/events-repo.js';
import { type Db, openDb } from '../../src/store/open-db.js';
import { recordEvent } from '../../src/store/outbox-repo.js';
import { listCheapestActiveAds, listPricedListings } from '../../src/store/price-history-repo.js';
import { insertWatch } from '../../src/store/watches-repo.js';
import { samples } from '../helpers/notification-items.js';

let dir: string;
let db: Db;
const now = new Date('2026-12-01T12:00:00Z');
const FEED = 'file+/srv/www/feed.xml';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyhabot-views-'));
  db = openDb(join(dir, 'pyhabot.db'));
  insertWatch(db, { name: 'one', url: 'https://hardverapro.hu/aprok/mobil/index.html' }, now);
  insertWatch(db, { name: 'two', url: 'https://hardverapro.hu/aprok/notebook/index.html' }, now);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function record(watchId: number, key: string, targets: string[], event = samples.newAd.event): void {
  recordEvent(db, { watchId, runId: null, event, idempotencyKey: key, targets, now });
}

describe('listRecentEvents', () => {
  it("lists a watch's events or every watch's, newest first, only of the kinds asked for", () => {
    record(1, 'a', []);
    record(2, 'b', []);
    record(1, 'c', [], samples.priceDrop.event);
    // An alert has no ad; a feed never shows it.
    db.prepare(
      `INSERT INTO events (watch_id, type, ad_id, idempotency_key, payload, created_at)
       VALUES (1, 'watch_failing', NULL, 'alert', '{}', ?)`,
    ).run(now.toISOString());
    const keys = (watchIds: number[] | 'all', limit = 10) =>
      listRecentEvents(db, { watchIds, types: FEED_EVENT_TYPES, limit }).map((item) => item.idempotencyKey);
    expect(keys([1])).toEqual(['c', 'a']);
    expect(keys('all')).toEqual(['c', 'b', 'a']);
    expect(keys('all', 2)).toEqual(['c', 'b']);
    expect(listRecentEvents(db, { watchIds: [1], types: FEED_EVENT_TYPES, limit: 1 })[0]?.event).toEqual(
      samples.priceDrop.event,
    );
  });
});

describe('listRecentEventsForTarget', () => {
  it('lists the events ever bound for a target, of every watch, whatever became of their delivery', () => {
    record(1, 'a', [FEED, 'ntfy://other']);
    record(2, 'b', [FEED]);
    record(1, 'c', ['ntfy://other']);
    db.prepare("UPDATE outbox SET status = 'delivered'").run();
    const keys = listRecentEventsForTarget(db, FEED, { types: FEED_EVENT_TYPES, limit: 10 }).map(
      (item) => item.idempotencyKey,
    );
    expect(keys).toEqual(['b', 'a']);
  });
});

describe('price statistics queries', () => {
  const insertAd = (
    adId: number,
    price: number | null,
    kind: string,
    options: { gone?: boolean; filtered?: boolean; lastSeen?: string } = {},
  ) => {
    const at = options.lastSeen ?? now.toISOString();
    db.prepare(
      `INSERT INTO ads (watch_id, ad_id, title, url, price, price_kind, price_text, data, first_seen_at, last_seen_at, gone_at, filtered_rule)
       VALUES (1, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)`,
    ).run(
      adId,
      `ad ${adId}`,
      `https://hardverapro.hu/apro/${adId}/friss.html`,
      price,
      kind,
      `${price} Ft`,
      at,
      at,
      options.gone ? at : null,
      options.filtered ? 'maxPrice' : null,
    );
    db.prepare(
      `INSERT INTO price_history (watch_id, ad_id, price, price_kind, price_text, seen_at) VALUES (1, ?, ?, ?, '', ?)`,
    ).run(adId, price, kind, at);
  };

  it('reads each ad with its prices, a non-fixed price as none, and only ads seen since the date', () => {
    insertAd(1, 50_000, 'fixed');
    insertAd(2, 30_000, 'wanted');
    insertAd(3, 10_000, 'fixed', { gone: true, lastSeen: '2026-01-01T00:00:00.000Z' });
    db.prepare(
      `INSERT INTO price_history (watch_id, ad_id, price, price_kind, price_text, seen_at) VALUES (1, 1, 45000, 'fixed', '', ?)`,
    ).run(now.toISOString());
    const listings = listPricedListings(db, 1, new Date('2026-09-01T00:00:00Z'));
    expect(
      listings.map((listing) => [listing.adId, listing.active, listing.prices.map((entry) => entry.price)]),
    ).toEqual([
      [1, true, [50_000, 45_000]],
      [2, true, [null]],
    ]);
  });

  it('lists the cheapest active fixed-price ads, leaving out gone ones and those a filter held back', () => {
    insertAd(1, 50_000, 'fixed');
    insertAd(2, 1_000, 'wanted');
    insertAd(3, 2_000, 'fixed', { gone: true });
    insertAd(4, 3_000, 'fixed', { filtered: true });
    insertAd(5, 40_000, 'fixed');
    insertAd(6, 60_000, 'fixed');
    expect(listCheapestActiveAds(db, 1, 2).map((ad) => [ad.id, ad.price])).toEqual([
      [5, 40_000],
      [1, 50_000],
    ]);
  });
});
