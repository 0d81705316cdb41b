import { describe, expect, it } from 'vitest';
import { describeFilter } from '../../src/app/describe-filter.js';

describe('describeFilter', () => {
  it('says each setting in a short phrase, in the documented order', () => {
    expect(
      describeFilter({ maxPrice: 150_000, exclude: ['hibás', 'alkatr*'], dropWanted: true, cities: ['Budapest'] }),
    ).toEqual(['exclude: hibás, alkatr*', 'price at most 150 000 Ft', 'no wanted ads', 'only in: Budapest']);
    expect(describeFilter({})).toEqual([]);
  });

  it('shows the controls of words from a file escaped, never as terminal sequences', () => {
    const parts = describeFilter({ exclude: ['hib\u001b]0;owned\u0007ás'], blockSellers: ['Foo\nBar'] });
    expect(parts).toEqual(['exclude: hib\\u001b]0;owned\\u0007ás', 'blocked sellers: Foo Bar']);
  });
});
