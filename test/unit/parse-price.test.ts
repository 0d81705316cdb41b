import { describe, expect, it } from 'vitest';
import type { PriceKind } from '../../src/domain/ad.js';
import { parsePrice } from '../../src/scrape/parse-price.js';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const THIN_SPACE = '\u2009';

describe('parsePrice', () => {
  it.each<[string, number | null, PriceKind]>([
    ['84 990 Ft', 84_990, 'fixed'],
    [`84${NBSP}990${NBSP}Ft`, 84_990, 'fixed'],
    [`84${NARROW_NBSP}990${NARROW_NBSP}Ft`, 84_990, 'fixed'],
    ['200 Ft', 200, 'fixed'],
    ['1 290 Ft', 1_290, 'fixed'],
    ['549 990 Ft', 549_990, 'fixed'],
    ['1 650 000 Ft', 1_650_000, 'fixed'],
    [`1${NBSP}650${NARROW_NBSP}000 Ft`, 1_650_000, 'fixed'],
    ['88 888 888 Ft', 88_888_888, 'fixed'],
    ['84990 Ft', 84_990, 'fixed'],
    ['  84 990 Ft  ', 84_990, 'fixed'],
    ['84 990Ft', 84_990, 'fixed'],
    ['1,5M Ft', 1_500_000, 'fixed'],
    ['3,00M Ft', 3_000_000, 'fixed'],
    ['1,65M Ft', 1_650_000, 'fixed'],
    ['1,25M Ft', 1_250_000, 'fixed'],
    ['2M Ft', 2_000_000, 'fixed'],
    [`1,5M${NBSP}Ft`, 1_500_000, 'fixed'],
    ['1,234567M Ft', 1_234_567, 'fixed'],
    ['1,0000004M Ft', 1_000_000, 'fixed'],
    ['Keresem', null, 'wanted'],
    ['keresem', null, 'wanted'],
    ['Ingyenes', null, 'free'],
    ['Csere', null, 'swap'],
    [' Csere ', null, 'swap'],
    ['', null, 'unknown'],
    ['Ár megegyezés szerint', null, 'unknown'],
    ['49 000 Ftjegelve', null, 'unknown'],
    ['Cserejegelve', null, 'unknown'],
    ['12 34 Ft', null, 'unknown'],
    ['Ft', null, 'unknown'],
    ['1.500.000 Ft', 1_500_000, 'fixed'],
    // Spellings the site could switch to: each must read as the same number, never as a new price.
    ['10.000 Ft', 10_000, 'fixed'],
    ['10 000 HUF', 10_000, 'fixed'],
    ['10.000 HUF', 10_000, 'fixed'],
    ['10000 huf', 10_000, 'fixed'],
    ['HUF 10 000', 10_000, 'fixed'],
    ['Ft 10 000', 10_000, 'fixed'],
    ['10 000 Ft.', 10_000, 'fixed'],
    ['10 000,- Ft', 10_000, 'fixed'],
    ['10.000,-', 10_000, 'fixed'],
    ['10 000,00 Ft', 10_000, 'fixed'],
    ['10 000 Ft-', 10_000, 'fixed'],
    ['10 000 forint', 10_000, 'fixed'],
    ["10'000 Ft", 10_000, 'fixed'],
    ['10 000', 10_000, 'fixed'],
    [`10${THIN_SPACE}000${THIN_SPACE}Ft`, 10_000, 'fixed'],
    [`1${NARROW_NBSP}650${NARROW_NBSP}000${NBSP}HUF`, 1_650_000, 'fixed'],
    ['1.5M HUF', 1_500_000, 'fixed'],
    ['1,5 M Ft', 1_500_000, 'fixed'],
    ['Keresem.', null, 'wanted'],
    // Not a forint amount: unreadable, which the diff never takes for a change of price.
    ['10,5 Ft', null, 'unknown'],
    ['10.00 Ft', null, 'unknown'],
    ['10 000 EUR', null, 'unknown'],
    ['$10 000', null, 'unknown'],
    ['10 000 Ft 20 000 Ft', null, 'unknown'],
    [`${'1 000 '.repeat(20)}Ft`, null, 'unknown'],
    ['constructor', null, 'unknown'],
    ['99999999999999999999 Ft', null, 'unknown'],
    // Runs of mixed spaces fold to one space; only a final "." or "!" is dropped from a word.
    ['84  990 Ft', 84_990, 'fixed'],
    [`84 ${NBSP}990${NBSP}${NBSP}Ft`, 84_990, 'fixed'],
    ['Csere!', null, 'swap'],
    ['.Csere', null, 'unknown'],
    ['Cs.ere', null, 'unknown'],
    // A million count too large to be a whole number of forints.
    ['9000M Ft', 9_000_000_000, 'fixed'],
    ['9999999999M Ft', null, 'unknown'],
    // The length bound: 64 characters are read, 65 are not.
    [`${' '.repeat(55)}10 000 Ft`, 10_000, 'fixed'],
    [`${' '.repeat(56)}10 000 Ft`, null, 'unknown'],
  ])('reads %j as %s (%s)', (text, price, priceKind) => {
    expect(parsePrice(text)).toEqual({ price, priceKind });
  });
});
