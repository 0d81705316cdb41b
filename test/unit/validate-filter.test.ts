import { describe, expect, it } from 'vitest';
import { adFilter } from '../../src/config/filter-value.js';
import { validateFilter } from '../../src/domain/validate-filter.js';

describe('validateFilter (the config file and PYHABOT_FILTER)', () => {
  it('accepts a filter and normalises it', () => {
    expect(validateFilter({ exclude: ['hibás', 'hibás'], dropWanted: true, dropIced: false }, 'filter')).toEqual({
      ok: true,
      filter: { exclude: ['hibás'], dropWanted: true },
    });
  });

  it('names every problem with where it is', () => {
    const checked = validateFilter(
      { exlude: ['x'], maxPrice: -1, cities: 'Budapest', dropIced: 'yes', sellerKind: 'shop' },
      'filter',
    );
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems).toEqual([
      'filter.exlude: unknown filter setting; known ones are exclude, require, minPrice, maxPrice, keepUnpriced, dropWanted, dropIced, dropPinned, sellerKind, minRating, blockSellers, allowSellers, cities',
      'filter.maxPrice: expected a whole number from 0 to 999999999',
      'filter.cities: expected a list of non-empty strings',
      'filter.dropIced: expected true or false',
      'filter.sellerKind: expected business or private',
    ]);
  });

  it('refuses a pattern that cannot compile', () => {
    expect(validateFilter({ exclude: ['/(/'] }, 'filter')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^filter: \/\(\/ is not a valid regular expression/)],
    });
    expect(validateFilter(['x'], 'filter')).toEqual({
      ok: false,
      problems: ['filter: expected a mapping of filter settings'],
    });
  });

  it('reads the environment variable as JSON', () => {
    const type = adFilter();
    const context = { at: 'PYHABOT_FILTER', secret: false };
    expect(type.fromText?.('{"exclude":["hibás"]}', context)).toEqual({ ok: true, value: { exclude: ['hibás'] } });
    expect(type.fromText?.('null', context)).toEqual({ ok: true, value: null });
    expect(type.fromText?.('exclude=hibás', context)).toMatchObject({ ok: false });
  });

  it.each([0, 999_999_999, 12_000])('accepts %s as a price or rating bound', (value) => {
    for (const key of ['minPrice', 'maxPrice', 'minRating']) {
      expect(validateFilter({ [key]: value }, 'filter')).toMatchObject({ ok: true });
    }
  });

  it.each([-1, 1_000_000_000, 1.5, Number.NaN, 2 ** 60, '5', null])(
    'refuses %s as a price or rating bound',
    (value) => {
      for (const key of ['minPrice', 'maxPrice', 'minRating']) {
        expect(validateFilter({ [key]: value }, 'f')).toEqual({
          ok: false,
          problems: [`f.${key}: expected a whole number from 0 to 999999999`],
        });
      }
    },
  );

  it('accepts lists of words, an empty list included, and refuses blank or non-text entries', () => {
    for (const key of ['exclude', 'require', 'blockSellers', 'allowSellers', 'cities']) {
      expect(validateFilter({ [key]: ['a', 'b'] }, 'f')).toMatchObject({ ok: true });
      expect(validateFilter({ [key]: [] }, 'f')).toMatchObject({ ok: true });
      for (const bad of [['a', '  '], [''], ['a', 1], 'a', null]) {
        expect(validateFilter({ [key]: bad }, 'f')).toEqual({
          ok: false,
          problems: [`f.${key}: expected a list of non-empty strings`],
        });
      }
    }
  });

  it('accepts true and false for every switch and refuses anything else', () => {
    for (const key of ['keepUnpriced', 'dropWanted', 'dropIced', 'dropPinned']) {
      expect(validateFilter({ [key]: true }, 'f')).toMatchObject({ ok: true });
      expect(validateFilter({ [key]: false }, 'f')).toMatchObject({ ok: true });
      expect(validateFilter({ [key]: 1 }, 'f')).toEqual({ ok: false, problems: [`f.${key}: expected true or false`] });
    }
  });

  it('accepts both kinds of seller', () => {
    expect(validateFilter({ sellerKind: 'business' }, 'f')).toMatchObject({ ok: true });
    expect(validateFilter({ sellerKind: 'private' }, 'f')).toMatchObject({ ok: true });
  });

  it('refuses anything but a mapping', () => {
    for (const value of [null, 'exclude', 3, undefined]) {
      expect(validateFilter(value, 'f')).toEqual({ ok: false, problems: ['f: expected a mapping of filter settings'] });
    }
  });

  it('refuses price bounds no ad could pass', () => {
    expect(validateFilter({ minPrice: 5, maxPrice: 1 }, 'f')).toEqual({
      ok: false,
      problems: ['f: minPrice 5 is above maxPrice 1: no ad could pass'],
    });
  });
});
