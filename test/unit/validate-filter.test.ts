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
});
