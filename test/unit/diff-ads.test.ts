import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import { type DiffRules, diffAds, type KnownAd } from '../../src/domain/diff-ads.js';
import { testAd } from '../helpers/test-ad.js';

function ad(id: number, price: number | null = 1000, priceKind: Ad['priceKind'] = 'fixed'): Ad {
  return testAd(id, {
    title: `Ad ${id}`,
    price,
    priceKind,
    seller: { name: 's', url: null, rating: null, business: false },
  });
}

function known(id: number, overrides: Partial<KnownAd> = {}): [number, KnownAd] {
  const { title, url } = ad(id);
  return [
    id,
    {
      id,
      title,
      url,
      price: 1000,
      priceKind: 'fixed',
      priceText: '1000 Ft',
      missedRuns: 0,
      gone: false,
      iced: false,
      ...overrides,
    },
  ];
}

const rules: DiffRules = { complete: true, baseline: false, goneAfterMisses: 3, seenUpToId: null };

describe('diffAds', () => {
  it('reports ads never seen as new', () => {
    const diff = diffAds(new Map([known(1)]), [ad(1), ad(2)], rules);
    expect(diff.changes).toEqual([{ type: 'new_ad', ad: ad(2) }]);
    expect(diff.firstSeen.map((a) => a.id)).toEqual([2]);
    expect(diff.unchanged.map((a) => a.id)).toEqual([1]);
  });

  it.each([
    ['title', { title: 'Ad 1 (alkudható)' }],
    ['link', { url: 'https://hardverapro.hu/apro/ad_1_uj/friss.html' }],
    ['price text', { priceText: '1 000 Ft' }],
  ])('keeps an ad whose %s changed at the same price as an edit, not a change to report', (_label, edit) => {
    const diff = diffAds(new Map([known(1), known(2)]), [{ ...ad(1), ...edit }, ad(2)], rules);
    expect(diff.changes).toEqual([]);
    expect(diff.edited.map((a) => a.id)).toEqual([1]);
    expect(diff.unchanged.map((a) => a.id)).toEqual([2]);
  });

  it('records a baseline silently', () => {
    const diff = diffAds(new Map(), [ad(1), ad(2)], { ...rules, baseline: true });
    expect(diff.changes).toEqual([]);
    expect(diff.firstSeen).toHaveLength(2);
  });

  it('treats ids at or below an imported high-water mark as seen', () => {
    const diff = diffAds(new Map(), [ad(5), ad(10), ad(11)], { ...rules, seenUpToId: 10 });
    expect(diff.changes.map((c) => c.ad.id)).toEqual([11]);
    expect(diff.firstSeen).toHaveLength(3);
  });

  it.each([
    ['a lower price', ad(1, 900), true],
    ['a higher price', ad(1, 1100), true],
    ['the same price', ad(1, 1000), false],
    ['another price kind', ad(1, 1000, 'swap'), true],
  ])('reports %s as a price change: %s', (_label, scraped, changed) => {
    const diff = diffAds(new Map([known(1)]), [scraped], rules);
    expect(diff.changes.length === 1 && diff.changes[0]?.type === 'price_changed').toBe(changed);
    expect(diff.repriced.length).toBe(changed ? 1 : 0);
  });

  it('carries the previous price in a price change', () => {
    const diff = diffAds(new Map([known(1, { price: 1200, priceText: '1 200 Ft' })]), [ad(1, 1000)], rules);
    expect(diff.changes[0]).toMatchObject({ type: 'price_changed', previous: { price: 1200, priceText: '1 200 Ft' } });
  });

  it('counts misses on complete scrapes and marks gone after the threshold', () => {
    const diff = diffAds(new Map([known(1), known(2, { missedRuns: 2 }), known(3, { missedRuns: 1 })]), [ad(1)], rules);
    expect(diff.gone).toEqual([2]);
    expect(diff.missed).toEqual([{ id: 3, missedRuns: 2 }]);
  });

  it('never counts misses on an incomplete scrape', () => {
    const diff = diffAds(new Map([known(1), known(2, { missedRuns: 2 })]), [ad(1)], { ...rules, complete: false });
    expect(diff.missed).toEqual([]);
    expect(diff.gone).toEqual([]);
  });

  it('notices a gone ad coming back without reporting it as new', () => {
    const diff = diffAds(new Map([known(1, { gone: true })]), [ad(1)], rules);
    expect(diff.reappeared).toEqual([1]);
    expect(diff.changes).toEqual([]);
  });

  it('reports no reappearance for an ad that never went', () => {
    const diff = diffAds(new Map([known(1), known(2, { missedRuns: 1 })]), [ad(1), ad(2)], rules);
    expect(diff.reappeared).toEqual([]);
  });

  it('stores a price change found during a baseline without reporting it', () => {
    const diff = diffAds(new Map([known(1)]), [ad(1, 900)], { ...rules, baseline: true });
    expect(diff.changes).toEqual([]);
    expect(diff.repriced.map((a) => a.price)).toEqual([900]);
  });

  it('tells an iced ad that is active again, and stores the change of state', () => {
    const iced = { ...ad(2), iced: true };
    const diff = diffAds(
      new Map([known(1, { iced: true }), known(2), known(3, { iced: true }), known(4, { iced: true, gone: true })]),
      [ad(1), iced, iced, { ...ad(3), iced: true }, ad(4)],
      rules,
    );
    expect(diff.reactivated).toEqual([1]);
    // An ad back from gone is a reappearance only, whatever it was before it went.
    expect(diff.reappeared).toEqual([4]);
    // Icing and thawing are kept, so the next scrape compares with the state the site showed last.
    expect(diff.edited.map((edited) => [edited.id, edited.iced])).toEqual([
      [1, false],
      [2, true],
      [4, false],
    ]);
    expect(diff.unchanged.map((unchanged) => unchanged.id)).toEqual([3]);
    expect(diff.changes).toEqual([]);
  });

  it('ignores duplicate ids in one scrape', () => {
    const diff = diffAds(new Map(), [ad(1), ad(1)], rules);
    expect(diff.changes).toHaveLength(1);
    expect(diff.firstSeen).toHaveLength(1);
  });

  it('does not count gone ads as missed again', () => {
    const diff = diffAds(new Map([known(1, { gone: true, missedRuns: 3 })]), [], rules);
    expect(diff.missed).toEqual([]);
    expect(diff.gone).toEqual([]);
  });

  describe('prices the site writes another way, or that cannot be read', () => {
    const unreadable = (id: number, priceText: string): Ad => ({
      ...ad(id),
      price: null,
      priceKind: 'unknown',
      priceText,
    });

    it.each<[string, Ad, 'edited' | 'unchanged']>([
      ['the same number spelt another way', { ...ad(1), priceText: '1.000 Ft' }, 'edited'],
      ['an unreadable price', unreadable(1, '1 000 EUR'), 'unchanged'],
      ['an empty price', unreadable(1, ''), 'unchanged'],
    ])('takes %s for no change of price', (_label, scraped, where) => {
      const diff = diffAds(new Map([known(1)]), [scraped], rules);
      expect(diff.changes).toEqual([]);
      expect(diff.repriced).toEqual([]);
      expect(diff[where].map((a) => a.id)).toEqual([1]);
    });

    it('keeps the last price read through an unreadable one, so a real change after it is still reported', () => {
      const during = diffAds(new Map([known(1)]), [unreadable(1, '???')], rules);
      expect(during.unchanged[0]).toMatchObject({ price: 1000, priceKind: 'fixed', priceText: '1000 Ft' });
      const after = diffAds(new Map([known(1)]), [ad(1, 800)], rules);
      expect(after.changes).toMatchObject([{ type: 'price_changed', previous: { price: 1000 } }]);
    });

    it('reads a price for the first time without reporting it as a change', () => {
      const diff = diffAds(new Map([known(1, { price: null, priceKind: 'unknown', priceText: '?' })]), [ad(1)], rules);
      expect(diff.changes).toEqual([]);
      expect(diff.edited.map((a) => a.id)).toEqual([1]);
    });
    it('stores a price read for the first time from the same text (a parser that learnt a spelling)', () => {
      const before = known(1, { price: null, priceKind: 'unknown', priceText: '1000 Ft' });
      const diff = diffAds(new Map([before]), [ad(1)], rules);
      expect(diff.changes).toEqual([]);
      expect(diff.edited).toMatchObject([{ id: 1, price: 1000, priceKind: 'fixed' }]);
    });

    it('stores a price kind read for the first time from the same text', () => {
      const before = known(1, { price: null, priceKind: 'unknown', priceText: 'Keresem' });
      const diff = diffAds(new Map([before]), [ad(1, null, 'wanted')], rules);
      expect(diff.edited).toMatchObject([{ id: 1, price: null, priceKind: 'wanted' }]);
    });

    it('stores the new text of a price that stays unreadable', () => {
      const before = known(1, { price: null, priceKind: 'unknown', priceText: '1 000 EUR' });
      const diff = diffAds(new Map([before]), [unreadable(1, '900 EUR')], rules);
      expect(diff.changes).toEqual([]);
      expect(diff.edited).toMatchObject([{ id: 1, priceKind: 'unknown', priceText: '900 EUR' }]);
    });
  });

  describe('most active ads missing at once', () => {
    const activeAds = (count: number) => new Map(Array.from({ length: count }, (_, index) => known(index + 1)));
    const seen = (...ids: number[]) => ids.map((id) => ad(id));

    it.each<[string, number, number[], boolean]>([
      ['6 of 10 missing', 10, [1, 2, 3, 4], true],
      ['all 4 missing', 4, [], true],
      ['3 of 4 missing', 4, [4], true],
      ['5 of 10 missing (half, not more)', 10, [1, 2, 3, 4, 5], false],
      ['2 of 3 missing (below the minimum of 4 active ads)', 3, [1], false],
    ])('%s: held is %s', (_label, count, present, held) => {
      const diff = diffAds(activeAds(count), seen(...present), { ...rules, goneAfterMisses: 1 });
      if (held) {
        expect(diff.massDisappearance).toEqual({ missing: count - present.length, active: count });
        expect(diff.gone).toEqual([]);
        expect(diff.missed).toEqual([]);
      } else {
        expect(diff.massDisappearance).toBeNull();
        expect(diff.gone).toHaveLength(count - present.length);
      }
    });

    it('counts ads marked gone and ads only missed together', () => {
      const ads = new Map([...activeAds(7), known(8, { missedRuns: 2 }), known(9, { missedRuns: 2 }), known(10)]);
      const diff = diffAds(ads, seen(1, 2, 3, 4), rules);
      expect(diff.massDisappearance).toEqual({ missing: 6, active: 10 });
    });

    it('records the misses once the disappearance is accepted', () => {
      const diff = diffAds(activeAds(10), [], { ...rules, goneAfterMisses: 1, acceptMassDisappearance: true });
      expect(diff.massDisappearance).toBeNull();
      expect(diff.gone).toHaveLength(10);
    });

    it('ignores ads already gone and incomplete scrapes', () => {
      const goneAds = new Map([...activeAds(3), known(4, { gone: true }), known(5, { gone: true })]);
      expect(diffAds(goneAds, seen(1), rules).massDisappearance).toBeNull();
      expect(diffAds(activeAds(10), [], { ...rules, complete: false }).massDisappearance).toBeNull();
    });
  });
});
