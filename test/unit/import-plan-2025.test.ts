import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { plan2025TinyDb } from '../../src/import/tinydb-2025.js';

const sample = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/legacy/pyhabot-2025-tinydb/watchlist.json'), 'utf8'),
) as unknown;
const options = { source: 'watchlist.json', allowAnyHost: false };
const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const WEBHOOK = 'https://discord.com/api/webhooks/112233445566778899/AbCdEf-token';

function tinyDb(watchlist: Record<string, unknown>, advertisements: Record<string, unknown> = {}): unknown {
  return { _default: {}, watchlist, advertisements };
}

function ad(id: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: `ad ${id}`,
    url: `https://hardverapro.hu/apro/ad_${id}/friss.html`,
    price: 1000,
    city: 'Budapest',
    date: '2025-12-19 16:20',
    pinned: false,
    seller_name: 'someone',
    seller_url: 'https://hardverapro.hu/tag/someone.html',
    seller_rates: '+12',
    image: `//cdn.rios.hu/dl/uad/2025-12/${id}/x.jpg/100`,
    prev_prices: [],
    watch_id: 1,
    active: true,
    price_alert: false,
    ...fields,
  };
}

function plannedAds(document: unknown) {
  return plan2025TinyDb(document, options).watches[0]?.ads ?? [];
}

describe('plan2025TinyDb on the sample', () => {
  const plan = plan2025TinyDb(sample, options);

  it('plans both watches with their webhooks', () => {
    expect(plan.format).toBe('pyhabot-2025');
    expect(plan.skipped).toEqual([]);
    expect(plan.notes).toEqual([]);
    expect(plan.watches.map((watch) => [watch.entries, watch.url, watch.name, watch.targets])).toEqual([
      [['1'], MOBIL, 'mobil', [WEBHOOK]],
      [['2'], 'https://hardverapro.hu/aprok/keres.php?stext=steam+deck&maxprice=150000', 'steam deck', []],
    ]);
  });

  it("makes the fork's ads the seen ads of their watch, with price history and gone state", () => {
    const [mobil, steamDeck] = plan.watches;
    expect(mobil?.baselineDone).toBe(true);
    expect(mobil?.seenUpToId).toBeNull();
    expect(steamDeck?.ads).toEqual([]);
    const byId = new Map(mobil?.ads.map((seen) => [seen.ad.id, seen]));
    expect(byId.get(7318447)).toEqual({
      ad: expect.objectContaining({
        id: 7318447,
        title: 'Apple iPhone 15 128GB független dobozos, csere is',
        url: 'https://hardverapro.hu/apro/apple_iphone_15_128gb_fuggetlen_dobozos_csere_is/friss.html',
        price: 170000,
        priceKind: 'fixed',
        priceText: '170 000 Ft',
        cities: ['XIII. kerület'],
        pinned: false,
        seller: { name: 'seller_one', url: 'https://hardverapro.hu/tag/seller_one.html', rating: 139, business: false },
        image: 'https://cdn.rios.hu/dl/uad/2025-12/7318447/x.jpg/100',
      }),
      previousPrices: [{ price: 180000, priceKind: 'fixed', priceText: '180 000 Ft' }],
      gone: false,
    });
    expect(byId.get(4795714)).toMatchObject({
      ad: { id: 4795714, price: 84990, pinned: true, timeText: '' },
      previousPrices: [],
      gone: true,
    });
  });

  it('counts a watch that was never checked and has no ads as a fresh watch', () => {
    expect(plan.watches[1]?.baselineDone).toBe(false);
  });
});

describe('plan2025TinyDb on edge cases', () => {
  it('counts a watch checked before (last_checked > 0) as past its baseline even without ads', () => {
    const plan = plan2025TinyDb(tinyDb({ '1': { id: 1, url: MOBIL, last_checked: 1766157600.5 } }), options);
    expect(plan.watches[0]).toMatchObject({ baselineDone: true, ads: [] });
  });

  it.each([
    ['"170 000 Ft"', '170 000 Ft', { price: 170000, priceKind: 'fixed' }],
    ['"170000"', '170000', { price: 170000, priceKind: 'fixed' }],
    ['"1,5M Ft"', '1,5M Ft', { price: 1500000, priceKind: 'fixed' }],
    ['"Keresem"', 'Keresem', { price: null, priceKind: 'wanted' }],
    ['"Csere"', 'Csere', { price: null, priceKind: 'swap' }],
    ['"Ingyenes"', 'Ingyenes', { price: null, priceKind: 'free' }],
    ['"érdeklődj"', 'érdeklődj', { price: null, priceKind: 'unknown' }],
    ['null', null, { price: null, priceKind: 'unknown', priceText: '' }],
  ])('reads a price given as %s the way the listing parser reads it', (_label, price, expected) => {
    const [seen] = plannedAds(tinyDb({ '1': { id: 1, url: MOBIL } }, { '5': ad(5, { price }) }));
    expect(seen?.ad).toMatchObject(expected);
  });

  it('reads previous prices given as strings and leaves out empty ones', () => {
    const [seen] = plannedAds(
      tinyDb({ '1': { id: 1, url: MOBIL } }, { '5': ad(5, { price: 900, prev_prices: ['1 200 Ft', null, 1000] }) }),
    );
    expect(seen?.previousPrices.map((point) => point.price)).toEqual([1200, 1000]);
  });

  it('fills in what is missing from an ad', () => {
    const [seen] = plannedAds(tinyDb({ '1': { id: 1, url: MOBIL } }, { '5': { watch_id: 1 } }));
    expect(seen).toEqual({
      ad: expect.objectContaining({ id: 5, title: '', url: '', price: null, cities: [], image: null }),
      previousPrices: [],
      gone: false,
    });
  });

  it('gives ads to the watch their watch_id names, and leaves out (with a note) ads of no watch in the file', () => {
    const plan = plan2025TinyDb(
      tinyDb(
        { '1': { id: 1, url: MOBIL }, '2': { id: 2, url: 'https://hardverapro.hu/aprok/hardver/index.html' } },
        { '5': ad(5, { watch_id: 2 }), '6': ad(6, { watch_id: 9 }), '7': ad(7, { watch_id: 9 }) },
      ),
      options,
    );
    expect(plan.watches.map((watch) => watch.ads.map((seen) => seen.ad.id))).toEqual([[], [5]]);
    expect(plan.watches.map((watch) => watch.baselineDone)).toEqual([false, true]);
    expect(plan.notes).toEqual(['2 ads belong to watch 9, which is not in the file; they were left out']);
  });

  it('skips a watch whose URL is refused, saying its seen ads are left out too', () => {
    const plan = plan2025TinyDb(
      tinyDb({ '1': { id: 1, url: 'https://example.com/aprok/mobil/index.html' } }, { '5': ad(5) }),
      options,
    );
    expect(plan.watches).toEqual([]);
    expect(plan.skipped).toEqual([
      {
        entry: '1',
        url: 'https://example.com/aprok/mobil/index.html',
        reason: expect.stringMatching(/1 seen ad left out/),
      },
    ]);
  });

  it('folds two watches of the same search into one with the ads of both', () => {
    const plan = plan2025TinyDb(
      tinyDb(
        { '1': { id: 1, url: MOBIL, webhook: WEBHOOK }, '2': { id: 2, url: `${MOBIL}?offset=100`, webhook: null } },
        { '5': ad(5, { watch_id: 1 }), '6': ad(6, { watch_id: 2 }) },
      ),
      options,
    );
    expect(plan.watches).toHaveLength(1);
    expect(plan.watches[0]).toMatchObject({ entries: ['1', '2'], targets: [WEBHOOK], baselineDone: true });
    expect(plan.watches[0]?.ads.map((seen) => seen.ad.id)).toEqual([5, 6]);
  });

  it('keeps a generic webhook as a JSON webhook and lists a chat channel as not carried over', () => {
    const plan = plan2025TinyDb(
      tinyDb({
        '1': {
          id: 1,
          url: MOBIL,
          webhook: 'https://example.org/hook',
          notifyon: { channel_id: '123', integration: 'telegram' },
        },
      }),
      options,
    );
    expect(plan.watches[0]?.targets).toEqual(['https://example.org/hook']);
    expect(plan.watches[0]?.skippedTargets).toEqual([
      { target: 'Telegram chat of the old bot', reason: expect.any(String) },
    ]);
  });

  it.each([
    ['watchlist is a list', { watchlist: [] }, /watchlist should be an object, not a list/],
    ['a watch without url', tinyDb({ '1': { id: 1 } }), /watchlist\.1\.url should be a string, it is missing/],
    [
      'last_checked as text',
      tinyDb({ '1': { url: MOBIL, last_checked: 'yesterday' } }),
      /last_checked should be a number/,
    ],
    ['webhook as a number', tinyDb({ '1': { url: MOBIL, webhook: 5 } }), /webhook should be a string/],
    ['advertisements as a list', { watchlist: {}, advertisements: [] }, /advertisements should be an object/],
    [
      'an ad keyed by a name',
      tinyDb({}, { abc: ad(1) }),
      /advertisements\.abc is not stored under a HardverApró ad id/,
    ],
    ['an ad whose id differs from its key', tinyDb({}, { '5': ad(6) }), /advertisements\.5\.id should be 5/],
    [
      'an ad without watch_id',
      tinyDb({}, { '5': { id: 5 } }),
      /advertisements\.5\.watch_id should be the id of a watch/,
    ],
    ['a price as a list', tinyDb({}, { '5': ad(5, { price: [1] }) }), /advertisements\.5\.price should be a price/],
    ['a negative price', tinyDb({}, { '5': ad(5, { price: -1 }) }), /advertisements\.5\.price should be a price/],
    ['prev_prices as a number', tinyDb({}, { '5': ad(5, { prev_prices: 5 }) }), /prev_prices should be a list/],
    [
      'a previous price as true',
      tinyDb({}, { '5': ad(5, { prev_prices: [true] }) }),
      /prev_prices\.0 should be a price/,
    ],
    ['active as a string', tinyDb({}, { '5': ad(5, { active: 'yes' }) }), /active should be true or false/],
    ['a title as a number', tinyDb({}, { '5': ad(5, { title: 5 }) }), /title should be a string/],
  ])('refuses a file whose field has the wrong type: %s', (_label, document, message) => {
    expect(() => plan2025TinyDb(document, options)).toThrow(UserError);
    expect(() => plan2025TinyDb(document, options)).toThrow(message);
  });
});
