import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { canonicalizeWatchUrl, defaultWatchName } from '../../src/domain/watch-url.js';

const SEARCH =
  'https://hardverapro.hu/aprok/keres.php?stext=rtx+3080&stcid_text=&stcid=&minprice=&maxprice=150000&__buying=1&__buying=0';

/** Every input canonicalizeWatchUrl refuses, with what its message says. */
const REFUSALS: Array<[string, RegExp]> = [
  ['', /empty/],
  ['   ', /empty/],
  ['not a url', /not a URL/],
  ['hardverapro.hu/aprok/mobil/index.html', /not a URL/],
  ['ftp://hardverapro.hu/aprok/mobil/index.html', /only http and https/],
  ['javascript:alert(1)', /only http and https/],
  ['https://example.com/aprok/mobil/index.html', /example\.com is not HardverApró/],
  ['https://hardverapro.hu.evil.com/aprok/mobil/index.html', /is not HardverApró/],
  ['https://hardverapro.hu/', /not a HardverApró listing/],
  ['https://hardverapro.hu/apro/some_ad/friss.html', /not a HardverApró listing/],
  ['https://hardverapro.hu/aprok/mobil/', /not a HardverApró listing/],
  ['https://hardverapro.hu/aprok/mobil/rss.xml', /not a HardverApró listing/],
  ['https://hardverapro.hu/aprok/../index.html', /not a HardverApró listing/],
  ['https://user:pw@hardverapro.hu/aprok/mobil/index.html', /user name or password/],
  [`https://hardverapro.hu/aprok/keres.php?stext=${'a'.repeat(20_000)}`, /characters long/],
];

describe('canonicalizeWatchUrl', () => {
  it.each([
    ['https://hardverapro.hu/aprok/mobil/index.html', 'https://hardverapro.hu/aprok/mobil/index.html'],
    ['https://www.hardverapro.hu/aprok/mobil/index.html', 'https://www.hardverapro.hu/aprok/mobil/index.html'],
    ['http://hardverapro.hu/aprok/mobil/index.html', 'http://hardverapro.hu/aprok/mobil/index.html'],
    ['  https://hardverapro.hu/aprok/mobil/index.html  ', 'https://hardverapro.hu/aprok/mobil/index.html'],
    ['https://hardverapro.hu/aprok/mobil/index.html?offset=100', 'https://hardverapro.hu/aprok/mobil/index.html'],
    ['https://hardverapro.hu/aprok/mobil/index.html?_tc=1', 'https://hardverapro.hu/aprok/mobil/index.html'],
    ['https://hardverapro.hu/aprok/mobil/index.html#top', 'https://hardverapro.hu/aprok/mobil/index.html'],
    ['https://HARDVERAPRO.HU/aprok/mobil/index.html', 'https://hardverapro.hu/aprok/mobil/index.html'],
    [`${SEARCH}&offset=200&_tc=1`, SEARCH],
    [
      'https://hardverapro.hu/aprok/keres.php?stext=a&offset=100&stext_none=b',
      'https://hardverapro.hu/aprok/keres.php?stext=a&stext_none=b',
    ],
  ])('accepts %s', (input, expected) => {
    expect(canonicalizeWatchUrl(input)).toBe(expected);
  });

  it('keeps repeated browser parameters and empty fields in order', () => {
    expect(canonicalizeWatchUrl(SEARCH)).toContain(
      'stcid_text=&stcid=&minprice=&maxprice=150000&__buying=1&__buying=0',
    );
  });

  it.each(REFUSALS)('refuses %s', (input, message) => {
    expect(() => canonicalizeWatchUrl(input)).toThrow(UserError);
    expect(() => canonicalizeWatchUrl(input)).toThrow(message);
  });

  it.each(REFUSALS)('gives the refusal of %s a hint and exit code 2', (input) => {
    expect(() => canonicalizeWatchUrl(input)).toThrow(UserError);
    let refusal: UserError | undefined;
    try {
      canonicalizeWatchUrl(input);
    } catch (error) {
      refusal = error as UserError;
    }
    expect(refusal?.exitCode).toBe(2);
    expect(refusal?.hint).toMatch(/copy the address of a HardverApró search results page/);
  });

  it('accepts another host with --allow-any-host but keeps the path rules', () => {
    expect(canonicalizeWatchUrl('http://127.0.0.1:8080/aprok/mobil/index.html?offset=5', { allowAnyHost: true })).toBe(
      'http://127.0.0.1:8080/aprok/mobil/index.html',
    );
    expect(() => canonicalizeWatchUrl('http://127.0.0.1:8080/other/index.html', { allowAnyHost: true })).toThrow(
      /not a HardverApró listing/,
    );
  });
});

describe('defaultWatchName', () => {
  it.each([
    [SEARCH, 'rtx 3080'],
    ['https://hardverapro.hu/aprok/mobil/mobil/iphone/index.html', 'mobil / mobil / iphone'],
    ['https://hardverapro.hu/aprok/mobil/index.html', 'mobil'],
    ['https://hardverapro.hu/aprok/index.html', 'all ads'],
    ['https://hardverapro.hu/aprok/keres.php?stext=', 'all ads (search)'],
    [
      'https://hardverapro.hu/aprok/hardver/keres.php?stext=%C3%A1rv%C3%ADzt%C5%B1r%C5%91++t%C3%BCk%C3%B6rf%C3%BAr%C3%B3g%C3%A9p',
      'árvíztűrő tükörfúrógép',
    ],
    ['https://hardverapro.hu/aprok/hardver/videokartya/keres.php?stext_none=x', 'hardver / videokartya'],
  ])('names %s "%s"', (url, name) => {
    expect(defaultWatchName(url)).toBe(name);
  });
});
