import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import {
  canonicalizeWatchUrl,
  defaultWatchName,
  isSiteHost,
  MAX_WATCH_URL_LENGTH,
} from '../../src/domain/watch-url.js';

/** Matches an error message as a whole, not a part of it. */
function exactMessage(message: string): RegExp {
  return new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

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
  ['https://hardverapro.hu/aprok//index.html', /not a HardverApró listing/],
  ['https://hardverapro.hu/aprokx/index.html', /not a HardverApró listing/],
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

  it.each<[string, string]>([
    ['', 'the URL is empty'],
    ['ftp://hardverapro.hu/aprok/mobil/index.html', 'only http and https URLs can be watched, not ftp'],
    ['https://example.com/aprok/mobil/index.html', 'example.com is not HardverApró'],
    ['https://hardverapro.hu/aprok/mobil/rss.xml', '/aprok/mobil/rss.xml is not a HardverApró listing or search page'],
    ['https://user@hardverapro.hu/aprok/mobil/index.html', 'the URL must not contain a user name or password'],
    ['https://:pw@hardverapro.hu/aprok/mobil/index.html', 'the URL must not contain a user name or password'],
    ['a b', 'not a URL: "a b"'],
    [`x${'y'.repeat(59)}`, `not a URL: "x${'y'.repeat(59)}"`],
    [`x${'y'.repeat(60)}`, `not a URL: "x${'y'.repeat(56)}..."`],
  ])('refuses %s saying exactly "%s"', (input, message) => {
    expect(() => canonicalizeWatchUrl(input)).toThrow(exactMessage(message));
  });

  it('tells a user on another host about --allow-any-host', () => {
    expect(() => canonicalizeWatchUrl('https://example.com/aprok/mobil/index.html')).toThrow(
      expect.objectContaining({
        hint: expect.stringMatching(/ \(or pass --allow-any-host for a mirror or a local test server\)$/),
      }),
    );
  });

  it('accepts a URL of exactly the longest length and refuses one character more', () => {
    const base = 'https://hardverapro.hu/aprok/keres.php?stext=';
    const longest = `${base}${'a'.repeat(MAX_WATCH_URL_LENGTH - base.length)}`;
    expect(canonicalizeWatchUrl(longest)).toBe(longest);
    expect(() => canonicalizeWatchUrl(`${longest}a`)).toThrow(
      exactMessage(
        `the URL is ${MAX_WATCH_URL_LENGTH + 1} characters long; at most ${MAX_WATCH_URL_LENGTH} are accepted`,
      ),
    );
  });

  it('knows the site by its host names, whatever their case', () => {
    expect(isSiteHost('hardverapro.hu')).toBe(true);
    expect(isSiteHost('WWW.HardverApro.HU')).toBe(true);
    expect(isSiteHost('hardverapro.hu.example')).toBe(false);
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
    ['https://hardverapro.hu/aprok/keres.php?stext=+rtx++3080+', 'rtx 3080'],
    ['https://hardverapro.hu/aprok/keres.php?stext=+', 'all ads (search)'],
    ['https://hardverapro.hu/aprok/mobil/%C3%BAj/index.html', 'mobil / új'],
    ['https://hardverapro.hu/aprok/mobil/%E0%A4%A/index.html', 'mobil / %E0%A4%A'],
  ])('names %s "%s"', (url, name) => {
    expect(defaultWatchName(url)).toBe(name);
  });
});
