import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import type { ListingPage } from '../../src/domain/listing.js';
import { parseListing } from '../../src/scrape/parse-listing.js';

const fixtureDir = new URL('../fixtures/hardverapro/', import.meta.url);
const pageUrl = 'https://hardverapro.hu/aprok/mobil/index.html';
const capturedAt = new Date('2025-12-19T16:30:00+01:00');

const fixture = (name: string) => readFileSync(new URL(name, fixtureDir), 'utf8');
const realPage = fixture('listing-2025-12-mobil.html');
const read = (html: string, at = capturedAt) => parseListing(html, pageUrl, at);

// Cards of the real page used below.
const PLAIN_CARD = 7318447; // "ma 16:20", 170 000 Ft, Friss ribbon
const ICED_PINNED_CARD = 7278445; // iced ("jegelve") and pinned ("Előresorolva")
const NO_PICTURE_CARD = 7283193; // noimage placeholders, also iced

/** The page with the card of ad `id` rewritten by `edit`. */
function editCard(html: string, id: number, edit: (card: string) => string): string {
  const idAt = html.indexOf(`data-uadid="${id}"`);
  if (idAt < 0) throw new Error(`no card ${id}`);
  const start = html.lastIndexOf('<li', idAt);
  const end = html.indexOf('</li>', idAt) + '</li>'.length;
  return `${html.slice(0, start)}${edit(html.slice(start, end))}${html.slice(end)}`;
}

/** The page with the content of its ad list's `ul` replaced by `items`. */
function withListItems(html: string, items: string): string {
  const listAt = html.indexOf('<div class="uad-list');
  const ulOpenEnd = html.indexOf('>', html.indexOf('<ul', listAt)) + 1;
  const ulClose = html.indexOf('</ul>', ulOpenEnd);
  return `${html.slice(0, ulOpenEnd)}${items}${html.slice(ulClose)}`;
}

/** Replace the text of every `<time>` in the card. */
// The pager's range menu counts the ads of the whole search; an empty search has none to count.
function withoutRangeMenu(html: string): string {
  return html.replace(/<li class="dropdown nav-pager">[\s\S]*?<\/li>/g, '');
}

const setTime = (text: string) => (card: string) => card.replace(/<time>ma \d\d:\d\d<\/time>/g, `<time>${text}</time>`);

/** Replace the price texts of both columns in the card. */
const setPrices = (titleColumn: string, priceColumn: string) => (card: string) => {
  let column = 0;
  return card.replace(/(<span class="text-nowrap">)[^<]*(<\/span>)/g, (_, open, close) => {
    column += 1;
    return `${open}${column === 1 ? titleColumn : priceColumn}${close}`;
  });
};

function adOf(page: ListingPage, id: number): Ad {
  const ad = page.ads.find((candidate) => candidate.id === id);
  if (ad === undefined) throw new Error(`ad ${id} not read`);
  return ad;
}

function expectUnrecognized(page: ListingPage, reason: string | RegExp) {
  expect(page.verdict).toBe('unrecognized');
  expect(page.ads).toEqual([]);
  if (typeof reason === 'string') expect(page.reason).toBe(reason);
  else expect(page.reason).toMatch(reason);
}

describe('card variations', () => {
  it('reads "tegnap HH:MM" as the day before on the Budapest calendar', () => {
    const ad = adOf(read(editCard(realPage, PLAIN_CARD, setTime('tegnap 09:05'))), PLAIN_CARD);
    expect(ad).toMatchObject({ timeText: 'tegnap 09:05', postedAt: '2025-12-18T09:05:00+01:00', pinned: false });
  });

  it('reads "YYYY-MM-DD" as midnight of that day in Budapest', () => {
    const ad = adOf(read(editCard(realPage, PLAIN_CARD, setTime('2025-10-28'))), PLAIN_CARD);
    expect(ad).toMatchObject({ timeText: '2025-10-28', postedAt: '2025-10-28T00:00:00+01:00' });
  });

  it('keeps an unreadable time as text with no instant, without losing the card', () => {
    const page = read(editCard(realPage, PLAIN_CARD, setTime('valamikor')));
    expect(page.verdict).toBe('results');
    expect(adOf(page, PLAIN_CARD)).toMatchObject({ timeText: 'valamikor', postedAt: null, pinned: false });
  });

  it('reads a million-forint price from the title column, not the abbreviated price column', () => {
    const ad = adOf(read(editCard(realPage, PLAIN_CARD, setPrices('1 650 000 Ft', '1,65M Ft'))), PLAIN_CARD);
    expect(ad).toMatchObject({ priceText: '1 650 000 Ft', price: 1_650_000, priceKind: 'fixed' });
  });

  it('falls back to the abbreviated price column when the title column has no price', () => {
    const card = (html: string) =>
      setPrices(
        '',
        '3,00M Ft',
      )(html).replace(/<div class="uad-price">\s*<span class="text-nowrap"><\/span>\s*<\/div>/, '');
    const ad = adOf(read(editCard(realPage, PLAIN_CARD, card)), PLAIN_CARD);
    expect(ad).toMatchObject({ priceText: '3,00M Ft', price: 3_000_000, priceKind: 'fixed' });
  });

  it.each([
    ['Ingyenes', 'free'],
    ['Csere', 'swap'],
    ['Keresem', 'wanted'],
  ] as const)('reads the word price %s as %s', (word, priceKind) => {
    const ad = adOf(read(editCard(realPage, PLAIN_CARD, setPrices(word, word))), PLAIN_CARD);
    expect(ad).toMatchObject({ priceText: word, price: null, priceKind });
  });

  it('keeps a card with no price at all, as an unknown price', () => {
    const card = (html: string) => html.replace(/<div class="uad-price">[\s\S]*?<\/div>/g, '');
    const page = read(editCard(realPage, PLAIN_CARD, card));
    expect(page.verdict).toBe('results');
    expect(adOf(page, PLAIN_CARD)).toMatchObject({ priceText: '', price: null, priceKind: 'unknown' });
  });

  it('reads an iced, pinned ad: both flags, the span price only, no time', () => {
    const ad = adOf(read(realPage), ICED_PINNED_CARD);
    expect(ad).toMatchObject({
      iced: true,
      pinned: true,
      featured: false,
      priceText: '49 000 Ft',
      price: 49_000,
      timeText: 'Előresorolva',
      postedAt: null,
    });
  });

  it('reads an ad without a picture as having no image', () => {
    const ad = adOf(read(realPage), NO_PICTURE_CARD);
    expect(ad).toMatchObject({ image: null, imageLarge: null, iced: true, priceText: '5 000 Ft' });
  });
});

describe('empty result pages', () => {
  it('calls a listing whose list holds only the block headers empty', () => {
    const page = read(fixture('listing-empty.html'));
    expect(page).toMatchObject({ verdict: 'empty', reason: null, ads: [], unreadableCards: 0 });
  });

  it('calls a listing that says "nincs egy találat" instead of a list empty', () => {
    const page = read(fixture('listing-empty-message.html'));
    expect(page).toMatchObject({ verdict: 'empty', reason: null, ads: [], unreadableCards: 0 });
  });

  it('calls a list that holds only the "nincs egy találat" sentence empty', () => {
    const message = '<li><p>Sajnos a megadott keresési feltételekkel nincs egy találat sem.</p></li>';
    expect(read(withListItems(withoutRangeMenu(realPage), message)).verdict).toBe('empty');
  });

  it('reads the message also when its accented letter is written as an entity', () => {
    const message = '<li><p>Sajnos a megadott keresési feltételekkel nincs egy tal&aacute;lat sem.</p></li>';
    expect(read(withListItems(withoutRangeMenu(realPage), message)).verdict).toBe('empty');
  });

  it.each([
    ['no cards at all', ''],
    ['only the block headers', '<li><h3>Előresorolt hirdetések</h3></li>'],
    [
      'the "nincs egy találat" sentence',
      '<li><p>Sajnos a megadott keresési feltételekkel nincs egy találat sem.</p></li>',
    ],
  ])('rejects a list with %s while the pager counts 5299 ads, instead of calling it empty', (_label, items) => {
    expectUnrecognized(read(withListItems(realPage, items)), 'the ad list is empty but the pager counts 5299 ads');
  });

  it('rejects the "nincs egy találat" sentence without a list while the pager counts ads', () => {
    const html = fixture('listing-empty-message.html').replace(
      '<ul class="nav navbar-nav mr-md-auto">',
      '<ul class="nav navbar-nav mr-md-auto"><li class="nav-pager"><a class="dropdown-item">1 - 5299</a></li>',
    );
    expectUnrecognized(read(html), 'the ad list is empty but the pager counts 5299 ads');
  });

  it('does not call a list of unknown items empty', () => {
    const page = read(withListItems(realPage, '<li class="promo"><a href="/x">x</a></li><li>?</li>'));
    expectUnrecognized(page, 'the ad list holds 2 item(s) that are not ad cards');
  });
});

describe('prices the parser cannot read', () => {
  const priceSpans = /(<span class="text-nowrap">)[^<]*\d[^<]*(<\/span>)/g;

  it('reads the whole page the same when the site writes its prices another way', () => {
    const before = read(realPage).ads.map((ad) => [ad.id, ad.price, ad.priceKind]);
    const dotted = realPage.replace(priceSpans, (span) => span.replace(/(\d) (?=\d{3})/g, '$1.').replace('Ft', 'HUF'));
    expect(dotted).not.toBe(realPage);
    expect(read(dotted).ads.map((ad) => [ad.id, ad.price, ad.priceKind])).toEqual(before);
  });

  it('rejects a page where most prices cannot be read, instead of reading every ad as repriced', () => {
    const page = read(realPage.replace(priceSpans, '$1ár: 12 EUR$2'));
    expectUnrecognized(
      page,
      /^\d+ of 100 prices could not be read \(such as "ár: 12 EUR"\): the price format has changed$/,
    );
  });

  it('reads a page where a few prices cannot be read, and says so', () => {
    const page = read(editCard(realPage, PLAIN_CARD, (card) => card.replace(priceSpans, '$1ár: 12 EUR$2')));
    expect(page.verdict).toBe('results');
    expect(page.reason).toBe('1 of 100 prices could not be read (such as "ár: 12 EUR")');
    expect(page.ads.find((ad) => ad.id === PLAIN_CARD)).toMatchObject({ price: null, priceKind: 'unknown' });
  });
});

describe('pages that are not a listing we recognise', () => {
  it('rejects renamed card columns (uad-col-title → uad-col-name) instead of calling the page empty', () => {
    const page = read(realPage.replaceAll('uad-col-title', 'uad-col-name'));
    expectUnrecognized(page, /^100 of 100 ad cards could not be read \(100 with no title\)/);
    expect(page.unreadableCards).toBe(100);
  });

  it('rejects cards that lost their class and id attributes', () => {
    const renamed = realPage.replaceAll('data-uadid=', 'data-ad=').replaceAll('<li class="media', '<li class="card');
    expectUnrecognized(read(renamed), 'the ad list holds 100 item(s) that are not ad cards');
  });

  it('rejects a page without the ad list', () => {
    expectUnrecognized(
      read(realPage.replace('class="uad-list slotFullContainer"', 'class="ad-list slotFullContainer"')),
      'no ad list (div.uad-list) and no "nincs egy találat" message',
    );
  });

  it('rejects a cookie consent wall', () => {
    expectUnrecognized(
      read(fixture('consent-page.html')),
      'not a HardverApró listing page (missing body.ha, breadcrumb, search form); looks like a consent or challenge page',
    );
  });

  it('rejects a bot challenge page', () => {
    expectUnrecognized(
      read(fixture('challenge-page.html')),
      'no HardverApró listing markers; looks like a consent or challenge page',
    );
  });

  it('rejects a page cut in the middle of the list, even though the cards before the cut read fine', () => {
    const cut = realPage.slice(0, realPage.indexOf(`data-uadid="${PLAIN_CARD}"`) + 2000);
    expectUnrecognized(read(cut), 'page is truncated: no closing </html>');
  });

  it('rejects a page cut after the list, before the bottom pager', () => {
    const cut = realPage.slice(0, realPage.lastIndexOf('<div class="navbar navbar-default pager-navbar'));
    expectUnrecognized(read(cut), 'page is truncated: no closing </html>');
  });

  it('rejects a page whose bottom pager is missing even when something closed the document', () => {
    const cut = realPage.slice(0, realPage.lastIndexOf('<div class="navbar navbar-default pager-navbar'));
    expectUnrecognized(read(`${cut}</div></main></body></html>`), 'page is truncated: no pager after the ad list');
  });

  it('rejects a page cut mid-list even when something closed the document', () => {
    const cut = realPage.slice(0, realPage.indexOf(`data-uadid="${PLAIN_CARD}"`));
    expectUnrecognized(read(`${cut}</body></html>`), 'page is truncated: the ad list is not closed');
  });

  it('rejects the pre-2025 "media-body" layout', () => {
    expectUnrecognized(read(fixture('listing-media-body-layout.html')), 'old layout (media-body)');
  });

  it('ignores media-body inside comments but not a real media-body element', () => {
    expect(read(realPage).verdict).toBe('results');
    const injected = editCard(realPage, PLAIN_CARD, (card) =>
      card.replace('<!--<div class="media-body">-->', '<div class="media-body">').replace('<!--</div>-->', '</div>'),
    );
    expectUnrecognized(read(injected), 'old layout (media-body)');
  });

  it('rejects the 2018 "global_list" layout', () => {
    expectUnrecognized(read(fixture('excerpt-2018-02-old-layout.html')), 'old layout (global_list)');
  });

  it('rejects a bare excerpt of cards with no page around it', () => {
    expectUnrecognized(read(fixture('excerpt-2026-09-alaplap-3cards.html')), 'no HardverApró listing markers');
  });

  it('rejects a page of another site', () => {
    const other = realPage.replace(
      '<title>Mobil, tablet hirdetések - HardverApró</title>',
      '<title>Valami más</title>',
    );
    expectUnrecognized(read(other), 'not a HardverApró listing page (missing title "… - HardverApró")');
  });

  it.each([
    ['an empty string', '', 'empty body'],
    ['whitespace', ' \n\t ', 'empty body'],
    ['a JSON body', '{"error":"rate limited","retryAfter":30}', 'not an HTML page (looks like JSON)'],
    ['a JSON array', '[1, 2, 3]', 'not an HTML page (looks like JSON)'],
    ['plain text', 'Service Unavailable', 'not an HTML page'],
    ['binary garbage', '\u0000\u0001\u00ff\ufffd\ud800PNG\r\n\u001a\n<<>>', 'not an HTML page'],
  ])('rejects %s', (_label, body, reason) => {
    expectUnrecognized(read(body), reason);
  });

  it('rejects input that is not a string at all', () => {
    expectUnrecognized(read(undefined as unknown as string), 'empty body');
    expectUnrecognized(read(42 as unknown as string), 'empty body');
  });
});

describe('unreadable cards', () => {
  const withoutTitles = (html: string, ids: number[]) =>
    ids.reduce(
      (page, id) => editCard(page, id, (card) => card.replace(/(<h1>\s*<a [^>]*>)[^<]*(<\/a>)/, '$1$2')),
      html,
    );
  const ids = [...realPage.matchAll(/data-uadid="(\d+)"/g)].map((match) => Number(match[1]));

  it('counts one unreadable card and says so, keeping the other 99 ads', () => {
    const page = read(withoutTitles(realPage, [PLAIN_CARD]));
    expect(page).toMatchObject({
      verdict: 'results',
      reason: '1 of 100 ad cards could not be read (1 with no title)',
      unreadableCards: 1,
    });
    expect(page.ads).toHaveLength(99);
    expect(page.ads.some((ad) => ad.id === PLAIN_CARD)).toBe(false);
  });

  it('counts a card without an id or without a link', () => {
    let html = editCard(realPage, PLAIN_CARD, (card) => card.replace(/data-uadid="\d+"/, 'data-uadid="x"'));
    html = editCard(html, ICED_PINNED_CARD, (card) =>
      card.replaceAll(/href="https:\/\/hardverapro\.hu\/apro\/[^"]*"/g, 'href="javascript:;"'),
    );
    const page = read(html);
    expect(page.verdict).toBe('results');
    expect(page.unreadableCards).toBe(2);
    // Problems are listed in the order of the first card that shows each.
    expect(page.reason).toBe('2 of 100 ad cards could not be read (1 with no link, 1 with no ad id)');
  });

  it('still calls the page results when exactly half the cards cannot be read', () => {
    const page = read(withoutTitles(realPage, ids.slice(0, 50)));
    expect(page).toMatchObject({ verdict: 'results', unreadableCards: 50 });
    expect(page.ads).toHaveLength(50);
  });

  it('rejects the page when more than half the cards cannot be read', () => {
    const page = read(withoutTitles(realPage, ids.slice(0, 51)));
    expectUnrecognized(
      page,
      /^51 of 100 ad cards could not be read \(51 with no title\): the card layout has changed$/,
    );
    expect(page.unreadableCards).toBe(51);
  });
});

describe('the 2026-09 excerpt inside a real page', () => {
  const cards = fixture('excerpt-2026-09-alaplap-3cards.html');
  const items = cards.slice(cards.indexOf('<li'), cards.lastIndexOf('</li>') + '</li>'.length);
  const page = parseListing(
    withListItems(realPage, items),
    'https://hardverapro.hu/aprok/hardver/alaplap/index.html?_tc=1',
    new Date('2026-09-21T12:00:00+02:00'),
  );

  it('reads all three re-indented cards', () => {
    expect(page.verdict).toBe('results');
    expect(page.unreadableCards).toBe(0);
    expect(page.ads.map((ad) => ad.id)).toEqual([7717205, 7714720, 7705533]);
  });

  it('collapses the whitespace of the re-indented texts', () => {
    expect(page.ads[0]).toMatchObject({
      title: 'Ingyen FOX/GLS/MPL mehet! Új ASUS TUF B850M-PLUS WiFi7 + AMD Ryzen 7 7800X3D',
      ribbon: 'Kiemelt',
      featured: true,
      pinned: true,
      timeText: 'Előresorolva',
      seller: { name: 'Eladó 01', rating: 438, business: false },
      cities: ['XIX. kerület'],
    });
    expect(page.ads[1]).toMatchObject({ ribbon: 'Friss', featured: false, pinned: true, price: 39_990 });
  });

  it('reads the title-column price of the card whose price column was removed', () => {
    expect(page.ads[2]).toMatchObject({
      priceText: '73 000 Ft',
      price: 73_000,
      priceKind: 'fixed',
      timeText: 'ma 09:42',
      postedAt: '2026-09-21T09:42:00+02:00',
      cities: ['III. kerület', 'Pilisvörösvár'],
      seller: { name: 'Eladó 02', url: 'https://hardverapro.hu/tag/elado_02.html?uadid=7705533', rating: 191 },
      image: 'https://cdn.rios.hu/dl/uad/2026-09/7705533/img_1271.jpg/100',
    });
  });
});

describe('the pager', () => {
  it('has no next page on the last block (disabled link with href="#")', () => {
    const last = realPage.replaceAll(
      /<a rel="next" href="[^"]*" title="Következő blokk">/g,
      '<a class="disabled" rel="next" href="#" title="Következő blokk">',
    );
    expect(read(last)).toMatchObject({ verdict: 'results', nextPage: null, total: 5299 });
  });

  it('has no next page when the pager shows no next link at all', () => {
    const last = realPage.replaceAll(
      /<a rel="next" href="[^"]*" title="Következő blokk">/g,
      '<a class="disabled" href="#">',
    );
    expect(read(last).nextPage).toBeNull();
  });

  it('reads the total from the range shown when there is only one block', () => {
    const single = realPage
      .replaceAll(/<div class="dropdown-menu">\s*<a class="dropdown-item"[\s\S]*?<\/div>/g, (menu) =>
        menu.includes('offset=')
          ? '<div class="dropdown-menu"><a class="dropdown-item active" href="#">1 - 37</a></div>'
          : menu,
      )
      .replaceAll(/1 - 100(\s*<span class="fas fa-chevron-down">)/g, '1 - 37$1');
    expect(read(single).total).toBe(37);
  });

  it('reads a page without any pager as having no next page and no total', () => {
    const withoutPagers = realPage.replaceAll('pager-navbar', 'toolbar');
    expect(read(withoutPagers)).toMatchObject({ verdict: 'results', nextPage: null, total: null });
  });

  it('resolves the next page against the site when the page URL is unusable', () => {
    const page = parseListing(realPage, 'not a url', capturedAt);
    expect(page.nextPage).toBe('https://hardverapro.hu/aprok/mobil/index.html?offset=100');
    expect(page.ads[0]?.seller.url).toMatch(/^https:\/\/hardverapro\.hu\/tag\//);
  });
});
