import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../src/app/check-report.js';
import { runCheck } from '../../src/app/run-check.js';
import type { AdFilter } from '../../src/domain/ad-filter.js';
import { foldText } from '../../src/domain/fold-text.js';
import { parseListing } from '../../src/scrape/parse-listing.js';
import { setWatchFilter } from '../../src/store/filters-repo.js';
import { openDb } from '../../src/store/open-db.js';
import { insertWatch } from '../../src/store/watches-repo.js';

const SEED = 20251219;

// Parsed inside the test that uses it, not while the file loads: a mutation run can then trace a change to the
// parser to that test instead of running every test of the file for it.
const readRealAds = () =>
  parseListing(
    readFileSync(new URL('../fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url), 'utf8'),
    'https://hardverapro.hu/aprok/mobil/index.html',
    new Date('2025-12-19T16:30:00+01:00'),
  ).ads;

describe('foldText', () => {
  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(foldText(foldText(text))).toBe(foldText(text));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('is idempotent on Hungarian-looking text', () => {
    const letters = fc.constantFrom(...'aáeéiíoóöőuúüűAÁEÉIÍOÓÖŐUÚÜŰbcsz 0-9.'.split(''));
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 30 }), (chars) => {
        const folded = foldText(chars.join(''));
        expect(foldText(folded)).toBe(folded);
        expect(folded).toMatch(/^[a-z0-9 .-]*$/);
      }),
      { seed: SEED },
    );
  });
});

const words = ['hibás', 'alkatr*', 'bontatlan', 'iphone', 'garancia', 'samsung', '/pro\\b/', 'apple watch', 'új'];
const filterArbitrary: fc.Arbitrary<AdFilter> = fc
  .record(
    {
      exclude: fc.subarray(words),
      require: fc.subarray(words, { maxLength: 1 }),
      maxPrice: fc.integer({ min: 0, max: 600_000 }),
      minPrice: fc.integer({ min: 0, max: 20_000 }),
      keepUnpriced: fc.boolean(),
      dropWanted: fc.boolean(),
      dropIced: fc.boolean(),
      dropPinned: fc.boolean(),
      sellerKind: fc.constantFrom('business' as const, 'private' as const),
      minRating: fc.integer({ min: 0, max: 400 }),
      cities: fc.subarray(['Budapest', 'Pécs', 'Szeged', 'Győr']),
    },
    { requiredKeys: [] },
  )
  .filter(
    (filter) => filter.minPrice === undefined || filter.maxPrice === undefined || filter.minPrice <= filter.maxPrice,
  );

describe('a check with a filter', () => {
  it('records every ad, notifies exactly the ones it keeps, and never notifies a dropped one', async () => {
    const realAds = readRealAds();
    await fc.assert(
      fc.asyncProperty(filterArbitrary, fc.boolean(), async (filter, asGlobal) => {
        const db = openDb(':memory:');
        try {
          const now = () => new Date('2025-12-19T16:30:00Z');
          const watch = insertWatch(
            db,
            { name: 'm', url: 'https://hardverapro.hu/aprok/mobil/index.html', notifyExisting: true },
            now(),
          );
          if (!asGlobal) setWatchFilter(db, watch.id, { own: filter, useGlobal: true });
          const records: CheckRecord[] = [];
          await runCheck(
            {
              db,
              settings: {
                maxPages: 1,
                goneAfterMisses: 3,
                notify: ['https://example.invalid/hook'],
                deliveryMaxAttempts: 1,
                deliveryBackoffMs: 0,
                filter: asGlobal ? filter : null,
              },
              scrape: async () => ({ ads: realAds, complete: true }),
              send: async () => {},
              mask: (target) => target,
              now,
              signal: new AbortController().signal,
              report: (record) => records.push(record),
              progress: () => {},
              pid: 1,
            },
            { watchIds: [], dryRun: false },
          );
          const notified = (db.prepare('SELECT ad_id FROM events').all() as Array<{ ad_id: number }>).map(
            (r) => r.ad_id,
          );
          const dropped = records.flatMap((r) => (r.type === 'filtered' ? [r.ad.id] : []));
          const recorded = db.prepare('SELECT COUNT(*) AS n FROM ads').get() as { n: number };
          expect(recorded.n).toBe(realAds.length);
          expect(notified.filter((id) => dropped.includes(id))).toEqual([]);
          expect([...notified, ...dropped].sort()).toEqual(realAds.map((ad) => ad.id).sort());
          const held = db.prepare('SELECT ad_id FROM ads WHERE filtered_rule IS NOT NULL').all() as Array<{
            ad_id: number;
          }>;
          expect(held.map((r) => r.ad_id).sort()).toEqual([...dropped].sort());
        } finally {
          db.close();
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
