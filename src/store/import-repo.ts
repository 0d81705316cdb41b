import type { Ad, PriceKind } from '../domain/ad.js';
import type { WatchFilter } from '../domain/ad-filter.js';
import type { WatchRules } from '../domain/watch-rules.js';
import { adRowParams } from './ads-repo.js';
import { setWatchFilter } from './filters-repo.js';
import type { Db } from './open-db.js';
import { setWatchRules } from './rules-repo.js';
import { insertWatch, type NewWatch } from './watches-repo.js';

/** One price an ad was listed at. */
export interface PricePoint {
  price: number | null;
  priceKind: PriceKind;
  priceText: string;
}

/** An ad another tool had already seen for a watch, to be recorded as known. */
export interface SeenAd {
  ad: Ad;
  /** Prices before the current one, oldest first; the history ends with the ad's current price. */
  previousPrices: PricePoint[];
  /** The ad was no longer listed when the other tool last looked. */
  gone: boolean;
}

/** A watch to create from an import, with what it has already seen. */
export interface ImportedWatch extends NewWatch {
  /** The first check reports changes instead of recording a silent baseline. */
  baselineDone: boolean;
  ads: SeenAd[];
  /** The watch's own filter; absent for none. */
  filter?: WatchFilter;
  /** The watch's own notification rules; absent for none. */
  rules?: WatchRules;
}

/** What an import adds to a watch that already exists; nothing it has recorded itself is changed. */
export interface WatchMerge {
  watchId: number;
  addTargets: string[];
  ads: SeenAd[];
  /** The new `seen_up_to_id`, or null to leave it as it is. */
  seenUpToId: number | null;
  markBaselineDone: boolean;
}

/** Every write one import makes. */
export interface ImportWrites {
  create: ImportedWatch[];
  merge: WatchMerge[];
}

/** The ids of every ad a watch has recorded, active and gone. */
export function listRecordedAdIds(db: Db, watchId: number): Set<number> {
  const rows = db.prepare('SELECT ad_id FROM ads WHERE watch_id = ?').all(watchId) as Array<{ ad_id: number }>;
  return new Set(rows.map((row) => row.ad_id));
}

/** Apply an import in one transaction (all or nothing); returns the ids of the created watches, in order. */
export function applyImport(db: Db, writes: ImportWrites, now: Date): number[] {
  const at = now.toISOString();
  return db
    .transaction(() => {
      const created: number[] = [];
      for (const watch of writes.create) {
        const { id } = insertWatch(db, watch, now);
        if (watch.baselineDone) markBaselineDone(db, id, at);
        if (watch.filter !== undefined) setWatchFilter(db, id, watch.filter);
        if (watch.rules !== undefined) setWatchRules(db, id, watch.rules);
        insertSeenAds(db, id, watch.ads, at);
        created.push(id);
      }
      for (const merge of writes.merge) {
        appendTargets(db, merge.watchId, merge.addTargets);
        insertSeenAds(db, merge.watchId, merge.ads, at);
        if (merge.seenUpToId !== null) {
          db.prepare('UPDATE watches SET seen_up_to_id = ? WHERE id = ?').run(merge.seenUpToId, merge.watchId);
        }
        if (merge.markBaselineDone) markBaselineDone(db, merge.watchId, at);
        db.prepare('UPDATE watches SET updated_at = ? WHERE id = ?').run(at, merge.watchId);
      }
      return created;
    })
    .immediate();
}

function markBaselineDone(db: Db, watchId: number, at: string): void {
  db.prepare('UPDATE watches SET baseline_done = 1, updated_at = ? WHERE id = ?').run(at, watchId);
}

function appendTargets(db: Db, watchId: number, targets: string[]): void {
  if (targets.length === 0) return;
  const { next } = db
    .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM watch_targets WHERE watch_id = ?')
    .get(watchId) as { next: number };
  const insert = db.prepare('INSERT OR IGNORE INTO watch_targets (watch_id, position, target) VALUES (?, ?, ?)');
  for (const [offset, target] of targets.entries()) insert.run(watchId, next + offset, target);
}

function insertSeenAds(db: Db, watchId: number, ads: SeenAd[], at: string): void {
  if (ads.length === 0) return;
  const insertAd = db.prepare(
    `INSERT INTO ads (watch_id, ad_id, title, url, price, price_kind, price_text, data, first_seen_at, last_seen_at,
       gone_at, iced)
     VALUES (@watchId, @id, @title, @url, @price, @priceKind, @priceText, @data, @at, @at, @goneAt, @iced)`,
  );
  const addHistory = db.prepare(
    `INSERT INTO price_history (watch_id, ad_id, price, price_kind, price_text, seen_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const { ad, previousPrices, gone } of ads) {
    insertAd.run({ ...adRowParams(watchId, ad, at), goneAt: gone ? at : null });
    // The other tool kept no dates for its prices: the order is all that is known, and the row ids keep it.
    for (const point of [...previousPrices, ad]) {
      addHistory.run(watchId, ad.id, point.price, point.priceKind, point.priceText, at);
    }
  }
}

/** Run `work` in one write transaction, taken at once so no other writer slips in between its reads and writes. */
export function inWriteTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}
