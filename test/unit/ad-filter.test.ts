import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import { type AdFilter, isEmptyFilter, normalizeFilter } from '../../src/domain/ad-filter.js';
import { compileFilter, filterAd } from '../../src/domain/filter-ad.js';
import { foldedWords, foldText, splitFoldedWords } from '../../src/domain/fold-text.js';
import { compileTitlePattern, PatternError, prepareTitle } from '../../src/domain/title-pattern.js';
import { parseListing } from '../../src/scrape/parse-listing.js';

// Parsed on first use inside a test, not while the file loads: a mutation run can then trace a change to the
// parser to a test that reads the page instead of running every test of the file for it.
let realAdsRead: Ad[] | undefined;
function realAds(): Ad[] {
  realAdsRead ??= parseListing(
    readFileSync(new URL('../fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url), 'utf8'),
    'https://hardverapro.hu/aprok/mobil/index.html',
    new Date('2025-12-19T16:30:00+01:00'),
  ).ads;
  return realAdsRead;
}

function realAd(id: number): Ad {
  const ad = realAds().find((candidate) => candidate.id === id);
  if (!ad) throw new Error(`no ad ${id} in the fixture`);
  return ad;
}

function ad(overrides: Partial<Ad> & { title?: string } = {}): Ad {
  return {
    id: 1,
    title: 'Samsung Galaxy S23',
    url: 'https://hardverapro.hu/apro/x/friss.html',
    price: 100_000,
    priceText: '100 000 Ft',
    priceKind: 'fixed',
    cities: ['Budapest'],
    timeText: 'ma 10:00',
    postedAt: null,
    pinned: false,
    featured: false,
    iced: false,
    ribbon: null,
    seller: { name: 'Kovács.Péter', url: null, rating: 12, business: false },
    image: null,
    imageLarge: null,
    ...overrides,
  };
}

function verdict(filter: AdFilter, subject: Ad) {
  return filterAd([compileFilter(filter, 'watch')], subject);
}

function titleMatches(pattern: string, title: string): boolean {
  return compileTitlePattern(pattern).matches(prepareTitle(title));
}

describe('foldText', () => {
  it.each([
    ['SÉRÜLT', 'serult'],
    ['hibás', 'hibas'],
    ['Ő Ű ő ű Ö Ü ö ü', 'o u o u o u o u'],
    ['ÁÉÍÓÚ', 'aeiou'],
    ['Előresorolva', 'eloresorolva'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('foldedWords', () => {
  it('splits at every run of anything but letters and digits, with no empty words at either end', () => {
    expect(foldedWords('  Új -- iPhone_15, 128GB! ')).toEqual(['uj', 'iphone', '15', '128gb']);
    expect(foldedWords('...')).toEqual([]);
    expect(splitFoldedWords('/a//b/')).toEqual(['a', 'b']);
  });
});

describe('title patterns', () => {
  it.each([
    // accents and case fold both ways
    ['hibas', 'Iphone 14 Pro hibás', true],
    ['hibás', 'IPHONE 14 PRO HIBAS', true],
    ['serult', 'Vásárolok törött, SÉRÜLT Samsung Z Flip 6 készüléket!', true],
    ['gyönyörű', 'GYONYORU iPhone SE', true],
    ['gyonyoru', 'GYÖNYÖRŰ iPhone SE 2020', true],
    ['felvásárlás', 'iPhone, iPad, Apple Watch, Airpods felvásárlás! Akár azonnal!', true],
    // whole words only
    ['hibas', 'HIBÁTLAN iPhone 14 256GB Purple', false],
    ['pro', 'Iphone 12 pro 128gb Silver', true],
    ['pro', 'Poco X6 Proffesional', false],
    ['csere', 'Apple iPhone 15 128GB Független Dobozos CSERE IS', true],
    ['csere', 'Cserebere', false],
    // suffix wildcard: Hungarian suffixes
    ['alkatr*', 'Samsung alkatrésznek eladó', true],
    ['alkatr*', 'alkatrész', true],
    ['alkatr*', 'nem alk atrész', false],
    ['hib*', 'HIBÁTLAN iPhone', true],
    ['kártyafügg*', 'Kártyafüggetlen, MS3584', true],
    // phrases match consecutive words
    ['vagy csere', 'Iphone 12 Pro Max 128gb eladó vagy csere Rengeteg', true],
    ['csere vagy', 'Iphone 12 Pro Max 128gb eladó vagy csere Rengeteg', false],
    ['apple garan*', 'BONTATLAN Új iPhone 17 Független 1év Apple GARANCIA Deák', true],
    // punctuation inside a pattern splits words like the title does
    ['s25+', 'Samsung Galaxy S25 FE / S25 / S25+', true],
    ['12/256', 'Xiaomi 15T 12/256 GB', true],
    // regular expressions: case-insensitive, tried on the title as written and folded
    ['/s2[345] ultra/', 'Felújított Samsung S23 Ultra 12/512GB', true],
    ['/^új/', 'ÚJ OnePlus Watch 3', true],
    ['/^uj\\b/', 'ÚJ OnePlus Watch 3', true],
    ['/\\d{3}gb/', 'iPhone 14 Plus 128 GB', false],
    // only a whole entry between slashes is a regular expression, surrounding blanks aside
    ['  /^s23$/  ', 'S23', true],
    ['  /^s23$/  ', 'S23 Ultra', false],
    ['/x/ y', 'x', false],
    ['/x/ y', 'x y', true],
    ['a/x/', 'x', false],
    ['/X/i', 'x', true],
    // a joined word takes the wildcard on its last part only
    ['i5-12*', 'Intel i5-12400F', true],
    ['i5-12*', 'Intel i55 12400F', false],
    ['alkatr*', 'alkat', false],
  ])('%j in %j → %s', (pattern, title, expected) => {
    expect(titleMatches(pattern, title)).toBe(expected);
  });

  it.each([
    ['/(unclosed/', /not a valid regular expression/],
    ['/x/g', /only the flags/],
    ['al*katr', /only at the end of a word/],
    ['   ', /empty/],
    ['!!!', /no letters or digits/],
    ['/x/gi', /only the flags/],
    ['/x/ig', /only the flags/],
    ['/x/y', /only the flags/],
  ])('rejects %j', (pattern, message) => {
    expect(() => compileTitlePattern(pattern)).toThrow(PatternError);
    expect(() => compileTitlePattern(pattern)).toThrow(message);
  });
});

describe('title pattern refusals', () => {
  it.each([
    ['al*katr', '"al*katr": * is a wildcard only at the end of a word, as in alkatr*'],
    ['ok **', '"ok **": * is a wildcard only at the end of a word, as in alkatr*'],
    ['!!!', '"!!!" holds no letters or digits to match'],
    ['ok *', '"ok *" holds no letters or digits to match'],
    ['   ', 'an empty word cannot match anything'],
    ['/x/g', '/x/g: only the flags i, m, s and u are allowed after the closing /'],
  ])('refuses %j saying exactly what is wrong', (pattern, message) => {
    expect(() => compileTitlePattern(pattern)).toThrow(new PatternError(message));
  });

  it('names its error as a pattern error', () => {
    expect(() => compileTitlePattern('!!!')).toThrow(expect.objectContaining({ name: 'PatternError' }));
  });

  it("quotes the engine's reason for a broken regular expression", () => {
    expect(() => compileTitlePattern('/(x/')).toThrow(
      /^\/\(x\/ is not a valid regular expression \(Invalid regular expression: .+\)$/,
    );
  });

  it('accepts every allowed flag', () => {
    expect(compileTitlePattern('/^a.b$/ismu').matches(prepareTitle('A\nB'))).toBe(true);
    expect(compileTitlePattern('/^a.b$/').matches(prepareTitle('A\nB'))).toBe(false);
  });

  it('keeps the pattern as written to quote in the rule', () => {
    expect(compileTitlePattern(' Hibás* ').source).toBe(' Hibás* ');
    expect(compileTitlePattern('/x/').source).toBe('/x/');
  });
});

describe('filterAd on the real page', () => {
  it('keeps everything with an empty filter', () => {
    const compiled = [compileFilter({}, 'watch')];
    expect(realAds().every((subject) => filterAd(compiled, subject).keep)).toBe(true);
  });

  it('drops an excluded title and names the word', () => {
    expect(verdict({ exclude: ['hibás'] }, realAd(7328583))).toEqual({
      keep: false,
      rule: 'watch: title has "hibás"',
    });
    expect(verdict({ exclude: ['hibás'] }, realAd(7207958)).keep).toBe(true); // HIBÁTLAN is another word
  });

  it('requires every required word', () => {
    expect(verdict({ require: ['iphone', '128*'] }, realAd(7322207)).keep).toBe(true);
    expect(verdict({ require: ['iphone', '256*'] }, realAd(7322207))).toEqual({
      keep: false,
      rule: 'watch: title lacks "256*"',
    });
  });

  it('treats Keresem as unpriced and Ingyenes as 0 Ft under a bound', () => {
    const wanted = realAd(4385214);
    expect(verdict({ maxPrice: 150_000 }, wanted)).toEqual({ keep: false, rule: 'watch: no price (Keresem)' });
    expect(verdict({ maxPrice: 150_000, keepUnpriced: true }, wanted).keep).toBe(true);
    const free = ad({ price: null, priceKind: 'free', priceText: 'Ingyenes' });
    expect(verdict({ maxPrice: 1000 }, free).keep).toBe(true);
    expect(verdict({ minPrice: 1 }, free).keep).toBe(false);
    const swap = ad({ price: null, priceKind: 'swap', priceText: 'Csere' });
    expect(verdict({ minPrice: 1 }, swap)).toEqual({ keep: false, rule: 'watch: no price (Csere)' });
    expect(verdict({ dropIced: true }, swap).keep).toBe(true);
  });

  it('applies both price bounds inclusively', () => {
    expect(verdict({ minPrice: 100_000, maxPrice: 100_000 }, ad()).keep).toBe(true);
    expect(verdict({ maxPrice: 99_999 }, ad())).toEqual({ keep: false, rule: 'watch: over maxPrice 99999 Ft' });
    expect(verdict({ minPrice: 100_001 }, ad())).toEqual({ keep: false, rule: 'watch: under minPrice 100001 Ft' });
  });

  it('drops wanted, iced and promoted ads on request', () => {
    expect(verdict({ dropWanted: true }, realAd(7316023)).keep).toBe(false);
    expect(verdict({ dropIced: true }, realAd(7283193))).toEqual({ keep: false, rule: 'watch: iced ad' });
    expect(verdict({ dropPinned: true }, realAd(4795714)).keep).toBe(false);
    expect(verdict({ dropWanted: true, dropIced: true, dropPinned: true }, realAd(7318447)).keep).toBe(true);
  });

  it('filters sellers by kind, rating and name', () => {
    const business = realAd(7163775);
    const unrated = realAd(7328583);
    expect(verdict({ sellerKind: 'private' }, business).keep).toBe(false);
    expect(verdict({ sellerKind: 'business' }, business).keep).toBe(true);
    expect(verdict({ sellerKind: 'business' }, unrated).keep).toBe(false);
    expect(verdict({ minRating: 5 }, unrated)).toEqual({ keep: false, rule: 'watch: seller rating n.a. under 5' });
    expect(verdict({ minRating: 307 }, business).keep).toBe(true);
    expect(verdict({ blockSellers: ['eladó 25'] }, business)).toEqual({
      keep: false,
      rule: 'watch: blocked seller Eladó 25',
    });
    expect(verdict({ allowSellers: ['ELADO 25'] }, business).keep).toBe(true);
    expect(verdict({ allowSellers: ['Eladó 1'] }, business).keep).toBe(false);
  });

  it('matches cities accent-folded, with Budapest covering its districts', () => {
    expect(verdict({ cities: ['Budapest'] }, realAd(7163775)).keep).toBe(true); // XIII. kerület
    expect(verdict({ cities: ['budapest'] }, realAd(7227613)).keep).toBe(true); // I. kerület, XXII. kerület
    expect(verdict({ cities: ['Budapest'] }, realAd(7318447))).toEqual({ keep: false, rule: 'watch: not in Budapest' });
    expect(verdict({ cities: ['pecs'] }, realAd(7318447)).keep).toBe(true); // Pécs, Szigetvár
    expect(verdict({ cities: ['XIII. kerület'] }, realAd(7308228)).keep).toBe(true);
    expect(verdict({ cities: ['XIII. kerület'] }, realAd(7227613)).keep).toBe(false);
    expect(verdict({ cities: ['Budapest'] }, ad({ cities: [] })).keep).toBe(false);
  });

  it('runs the global filter first and says which one dropped the ad', () => {
    const filters = [compileFilter({ exclude: ['csere'] }, 'global'), compileFilter({ maxPrice: 10 }, 'watch')];
    expect(filterAd(filters, realAd(7318447))).toEqual({ keep: false, rule: 'global: title has "csere"' });
    expect(filterAd(filters, realAd(7320460))).toEqual({ keep: false, rule: 'watch: over maxPrice 10 Ft' });
  });

  it('rejects bounds no ad could pass', () => {
    expect(() => compileFilter({ minPrice: 10, maxPrice: 5 }, 'watch')).toThrow(PatternError);
  });
});

describe('filterAd rules, word for word', () => {
  const seller = (overrides: Partial<Ad['seller']>): Ad['seller'] => ({ ...ad().seller, ...overrides });

  it('names each rule that drops an ad', () => {
    expect(verdict({ dropWanted: true }, ad({ priceKind: 'wanted', price: null, priceText: 'Keresem' }))).toEqual({
      keep: false,
      rule: 'watch: wanted ad (Keresem)',
    });
    expect(verdict({ dropPinned: true }, ad({ pinned: true }))).toEqual({
      keep: false,
      rule: 'watch: promoted ad (Előresorolva)',
    });
    expect(verdict({ sellerKind: 'business' }, ad())).toEqual({ keep: false, rule: 'watch: private seller' });
    expect(verdict({ sellerKind: 'private' }, ad({ seller: seller({ business: true }) }))).toEqual({
      keep: false,
      rule: 'watch: business seller',
    });
    expect(verdict({ minRating: 13 }, ad())).toEqual({ keep: false, rule: 'watch: seller rating 12 under 13' });
    expect(verdict({ allowSellers: ['someone'] }, ad())).toEqual({
      keep: false,
      rule: 'watch: seller Kovács.Péter not allowed',
    });
    expect(verdict({ cities: ['Pécs', 'Győr'] }, ad())).toEqual({ keep: false, rule: 'watch: not in Pécs, Győr' });
    expect(verdict({ maxPrice: 5 }, ad({ price: null, priceKind: 'unknown', priceText: '' }))).toEqual({
      keep: false,
      rule: 'watch: no price (unknown)',
    });
  });

  it('keeps a seller rated exactly the minimum, and an unrated one when the minimum is 0', () => {
    expect(verdict({ minRating: 12 }, ad()).keep).toBe(true);
    expect(verdict({ minRating: 0 }, ad({ seller: seller({ rating: null }) })).keep).toBe(true);
    expect(verdict({ minRating: 1 }, ad({ seller: seller({ rating: -3 }) }))).toEqual({
      keep: false,
      rule: 'watch: seller rating -3 under 1',
    });
  });

  it('compares seller names and cities trimmed and folded', () => {
    expect(verdict({ blockSellers: ['  kovacs.peter '] }, ad()).keep).toBe(false);
    expect(verdict({ allowSellers: [' KOVÁCS.PÉTER'] }, ad({ seller: seller({ name: ' Kovács.Péter ' }) })).keep).toBe(
      true,
    );
    expect(verdict({ cities: [' pécs '] }, ad({ cities: [' Pécs '] })).keep).toBe(true);
  });

  it('takes an empty list of sellers or cities for no restriction', () => {
    expect(verdict({ allowSellers: [], cities: [] }, ad({ cities: [] })).keep).toBe(true);
  });

  it.each<[string, boolean]>([
    ['XIII. kerület', true],
    ['XIII.kerület', true],
    ['xxii. kerulet', true],
    ['L. kerület', true],
    ['XIII kerület', false],
    ['XIII. kerületi', false],
    ['Pest XIII. kerület', false],
    ['MMXIII. kerület', false],
    ['. kerület', false],
  ])('reads the district %j as Budapest: %s', (city, inBudapest) => {
    expect(verdict({ cities: ['Budapest'] }, ad({ cities: [city] })).keep).toBe(inBudapest);
    expect(verdict({ cities: ['Debrecen'] }, ad({ cities: [city] })).keep).toBe(false);
  });

  it('says why bounds no ad could pass are refused, and allows equal bounds', () => {
    expect(() => compileFilter({ minPrice: 10, maxPrice: 5 }, 'watch')).toThrow(
      new PatternError('minPrice 10 is above maxPrice 5: no ad could pass'),
    );
    expect(compileFilter({ minPrice: 5, maxPrice: 5 }, 'watch').filter).toEqual({ minPrice: 5, maxPrice: 5 });
  });
});

describe('normalizeFilter', () => {
  it('drops empty entries and duplicates and keeps the documented key order', () => {
    const normalized = normalizeFilter({
      cities: [],
      maxPrice: 5,
      exclude: [' hibás ', 'hibás', ''],
      dropIced: false,
    });
    expect(normalized).toEqual({ exclude: ['hibás'], maxPrice: 5 });
    expect(Object.keys(normalized)).toEqual(['exclude', 'maxPrice']);
    expect(isEmptyFilter(normalizeFilter({ cities: [], dropIced: false }))).toBe(true);
  });
});
