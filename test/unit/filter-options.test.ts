import { describe, expect, it } from 'vitest';
import { applyFilterFlags, hasFilterFlags } from '../../src/app/filter-options.js';
import type { WatchFilter } from '../../src/domain/ad-filter.js';
import { UserError } from '../../src/domain/errors.js';

const stored: WatchFilter = {
  own: { exclude: ['hibás'], maxPrice: 150_000, keepUnpriced: true, dropWanted: true, cities: ['Budapest'] },
  useGlobal: true,
};

describe('hasFilterFlags', () => {
  it('ignores the defaults commander gives --no- options on add', () => {
    expect(hasFilterFlags({ wanted: true, iced: true, promoted: true, globalFilter: true })).toBe(false);
    expect(hasFilterFlags({ wanted: false })).toBe(true);
    expect(hasFilterFlags({ exclude: ['x'] })).toBe(true);
    expect(hasFilterFlags({ clearCities: true })).toBe(true);
  });
});

describe('applyFilterFlags', () => {
  it('adds to lists, replaces bounds and switches, and keeps the rest', () => {
    const result = applyFilterFlags(stored, { exclude: ['alkatr*'], maxPrice: 120_000, iced: false, city: ['Érd'] });
    expect(result).toEqual({
      own: {
        exclude: ['hibás', 'alkatr*'],
        maxPrice: 120_000,
        keepUnpriced: true,
        dropWanted: true,
        dropIced: true,
        cities: ['Budapest', 'Érd'],
      },
      useGlobal: true,
    });
  });

  it('clears before it adds, and has a way back for each switch', () => {
    expect(
      applyFilterFlags(stored, { clearExclude: true, exclude: ['csere'], clearPrice: true, wanted: true }),
    ).toEqual({ own: { exclude: ['csere'], cities: ['Budapest'] }, useGlobal: true });
    expect(applyFilterFlags(stored, { clearFilter: true, globalFilter: false })).toEqual({ own: {}, useGlobal: false });
    const business = applyFilterFlags({ own: {}, useGlobal: true }, { businessOnly: true });
    expect(business.own).toEqual({ sellerKind: 'business' });
    expect(applyFilterFlags(business, { anySeller: true }).own).toEqual({});
  });

  it('refuses patterns and bounds that cannot work with a usage error', () => {
    for (const flags of [{ exclude: ['/[/'] }, { require: ['a*b'] }, { minPrice: 200_000 }]) {
      let caught: unknown;
      try {
        applyFilterFlags(stored, flags);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UserError);
      expect((caught as UserError).exitCode).toBe(2);
      expect((caught as UserError).hint).toBeDefined();
    }
  });
});
