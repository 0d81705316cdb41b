import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import type { AdChange } from '../../src/domain/diff-ads.js';
import type { PriceChangedEvent } from '../../src/domain/events.js';
import { screenChanges, watchFilters } from '../../src/domain/screen-changes.js';
import { summariseItem } from '../../src/notify/ad-summary.js';
import { testAd } from '../helpers/test-ad.js';

function ad(id: number, price: number | null, priceKind: Ad['priceKind'] = 'fixed', title = `Ad ${id}`): Ad {
  return testAd(id, { title, price, priceKind, seller: { name: 's', url: null, rating: 3, business: false } });
}

function repriced(id: number, from: number | null, to: number, fromKind: Ad['priceKind'] = 'fixed'): AdChange {
  return {
    type: 'price_changed',
    ad: ad(id, to),
    previous: { price: from, priceKind: fromKind, priceText: from === null ? 'Keresem' : `${from} Ft` },
  };
}

describe('screenChanges', () => {
  const filters = watchFilters({ exclude: ['hibás'] }, { own: { maxPrice: 150_000 }, useGlobal: true });

  it('keeps passing changes in order and holds back the rest with the rule', () => {
    const changes: AdChange[] = [
      { type: 'new_ad', ad: ad(1, 100_000) },
      { type: 'new_ad', ad: ad(2, 200_000) },
      { type: 'new_ad', ad: ad(3, 1000, 'fixed', 'iPhone HIBÁS') },
      repriced(4, 120_000, 110_000),
    ];
    const screened = screenChanges(filters, changes);
    expect(screened.changes.map((change) => change.ad.id)).toEqual([1, 4]);
    expect(screened.filtered.map(({ change, rule }) => [change.ad.id, rule])).toEqual([
      [2, 'watch: over maxPrice 150000 Ft'],
      [3, 'global: title has "hibás"'],
    ]);
  });

  it('marks a price change that brings the ad under the bound, and only that one', () => {
    const screened = screenChanges(filters, [
      repriced(1, 180_000, 150_000),
      repriced(2, 140_000, 130_000),
      repriced(3, null, 100_000, 'wanted'),
      repriced(4, 150_000, 200_000),
    ]);
    expect(
      screened.changes.map((change) => [change.ad.id, 'nowUnderLimit' in change ? change.nowUnderLimit : null]),
    ).toEqual([
      [1, 150_000],
      [2, null],
      [3, null],
    ]);
    expect(screened.filtered.map(({ change }) => change.ad.id)).toEqual([4]);
  });

  it('marks the lowest of the bounds crossed, and none for a price that was at the bound already', () => {
    const both = watchFilters({ maxPrice: 200_000 }, { own: { maxPrice: 150_000 }, useGlobal: true });
    const marks = (screened: ReturnType<typeof screenChanges>) =>
      screened.changes.map((change) => ('nowUnderLimit' in change ? change.nowUnderLimit : null));
    expect(marks(screenChanges(both, [repriced(1, 250_000, 140_000)]))).toEqual([150_000]);
    expect(marks(screenChanges(both.slice().reverse(), [repriced(1, 250_000, 140_000)]))).toEqual([150_000]);
    expect(marks(screenChanges(both, [repriced(2, 150_000, 140_000)]))).toEqual([null]);
  });

  it('marks nothing when the new price cannot be compared', () => {
    const unpriced = watchFilters(null, { own: { maxPrice: 150_000, keepUnpriced: true }, useGlobal: true });
    const toWanted: AdChange = {
      type: 'price_changed',
      ad: ad(1, null, 'wanted'),
      previous: { price: 200_000, priceKind: 'fixed', priceText: '200000 Ft' },
    };
    expect(screenChanges(unpriced, [toWanted]).changes).toEqual([toWanted]);
  });

  it('uses the watch filter alone when there is no global one', () => {
    const own = watchFilters(null, { own: { exclude: ['x'] }, useGlobal: true });
    expect(own.map((filter) => filter.label)).toEqual(['watch']);
  });

  it('honours a watch that opts out of the global filter', () => {
    const own = watchFilters({ exclude: ['hibás'] }, { own: {}, useGlobal: false });
    expect(screenChanges(own, [{ type: 'new_ad', ad: ad(3, 1000, 'fixed', 'hibás') }]).filtered).toEqual([]);
  });
});

describe('the notification of an ad that fell under the bound', () => {
  const event: PriceChangedEvent = {
    type: 'price_changed',
    watch: { id: 1, name: 'w', url: 'https://hardverapro.hu/aprok/mobil/index.html' },
    ad: ad(1, 145_000),
    oldPrice: 180_000,
    newPrice: 145_000,
    oldPriceKind: 'fixed',
    newPriceKind: 'fixed',
    oldPriceText: '180 000 Ft',
    nowUnderLimit: 150_000,
  };
  const item = { id: 1, idempotencyKey: 'k', event, createdAt: '2026-01-01T00:00:00Z' };

  it.each([
    ['en', 'now under your 150 000 Ft limit'],
    ['hu', 'most már 150 000 Ft alatt'],
  ] as const)('says so in %s', (language, text) => {
    expect(summariseItem(item, language).price.replace(/\u00a0/g, ' ')).toContain(text);
  });
});
