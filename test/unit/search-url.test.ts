import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { buildSearchUrl } from '../../src/domain/search-url.js';
import { canonicalizeWatchUrl, defaultWatchName } from '../../src/domain/watch-url.js';

describe('buildSearchUrl', () => {
  it('sends every field of the site form, empty ones included, as a browser does', () => {
    expect(buildSearchUrl({ text: 'RX 6700 XT', maxPrice: 90000, noIced: true })).toBe(
      'https://hardverapro.hu/aprok/keres.php?stext=RX+6700+XT&stcid_text=&stcid=&stmid_text=&stmid=&minprice=' +
        '&maxprice=90000&cmpid_text=&cmpid=&usrid_text=&usrid=&__buying=1&__buying=0&stext_none=&noiced=1' +
        '&__brandnew=1&__brandnew=0',
    );
  });

  it('puts the search under a category and adds the optional switches', () => {
    const url = new URL(
      buildSearchUrl({
        text: '  rtx   3080 ',
        category: '/hardver/videokartya/',
        minPrice: 100000,
        excludeWords: 'hibás bányász',
        titleOnly: true,
        shipping: true,
        offeredOnly: true,
      }),
    );
    expect(url.pathname).toBe('/aprok/hardver/videokartya/keres.php');
    expect(url.searchParams.get('stext')).toBe('rtx 3080');
    expect(url.searchParams.get('minprice')).toBe('100000');
    expect(url.searchParams.get('stext_none')).toBe('hibás bányász');
    expect(url.searchParams.getAll('__buying')).toEqual(['0']);
    expect(url.searchParams.get('search_title')).toBe('1');
    expect(url.searchParams.get('shipping')).toBe('1');
    expect(url.searchParams.has('noiced')).toBe(false);
  });

  it('builds a URL that add accepts as it is, named after the search', () => {
    const built = buildSearchUrl({ text: 'iphone 15', category: 'mobil' });
    expect(canonicalizeWatchUrl(built)).toBe(built);
    expect(defaultWatchName(built)).toBe('iphone 15');
  });

  it.each([
    [{ text: '   ' }, /search text is empty/],
    [{ text: 'x', category: '../etc' }, /not a HardverApró category/],
    [{ text: 'x', category: 'hardver?x=1' }, /not a HardverApró category/],
  ])('refuses %j', (request, message) => {
    expect(() => buildSearchUrl(request)).toThrow(UserError);
    expect(() => buildSearchUrl(request)).toThrow(message);
  });

  it.each([
    ['hardver', '/aprok/hardver/keres.php'],
    ['//hardver/videokartya//', '/aprok/hardver/videokartya/keres.php'],
    ['aprok/mobil/mobil/iphone', '/aprok/mobil/mobil/iphone/keres.php'],
    ['/aprok/mobil/', '/aprok/mobil/keres.php'],
    ['mobil/aprok/x', '/aprok/mobil/aprok/x/keres.php'],
    ['alaplap_2', '/aprok/alaplap_2/keres.php'],
    ['  ', '/aprok/keres.php'],
  ])('searches category %j at %s', (category, path) => {
    expect(new URL(buildSearchUrl({ text: 'x', category })).pathname).toBe(path);
  });

  it.each(['Hardver', 'hardver//x', 'a-b', '!hardver', 'hardver!', 'hardver/x!', 'árvíz'])(
    'refuses the category %j with the site-style example',
    (category) => {
      expect(() => buildSearchUrl({ text: 'x', category })).toThrow(
        expect.objectContaining({
          message: `"${category}" is not a HardverApró category path`,
          hint: "write it as in the site's addresses, e.g. hardver/videokartya or mobil/mobil/iphone",
        }),
      );
    },
  );

  it('says an empty search text is empty, with an example', () => {
    expect(() => buildSearchUrl({ text: '\t \n' })).toThrow(
      expect.objectContaining({
        message: 'the search text is empty',
        hint: "e.g. pyhabot add --search 'rtx 3080'",
      }),
    );
  });

  it('folds every run of blanks in the text to one space and trims the words to leave out', () => {
    const url = new URL(buildSearchUrl({ text: '\ta \n b ', excludeWords: '  hibás  ' }));
    expect(url.searchParams.get('stext')).toBe('a b');
    expect(url.searchParams.get('stext_none')).toBe('hibás');
  });

  it('sends a price bound of 0 as 0, and leaves the switches out when they are off', () => {
    const url = new URL(
      buildSearchUrl({ text: 'x', minPrice: 0, maxPrice: 0, noIced: false, titleOnly: false, shipping: false }),
    );
    expect(url.searchParams.get('minprice')).toBe('0');
    expect(url.searchParams.get('maxprice')).toBe('0');
    expect(url.searchParams.getAll('__buying')).toEqual(['1', '0']);
    expect([...url.searchParams.keys()].filter((key) => ['noiced', 'search_title', 'shipping'].includes(key))).toEqual(
      [],
    );
  });
});
