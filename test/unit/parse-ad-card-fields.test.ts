import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import { parseListing } from '../../src/scrape/parse-listing.js';

// Each field of a card, changed one way at a time on the real page: what the parser claims to accept is read,
// and everything next to it (a digit too many, a letter before or after, another link) is not.

const realPage = readFileSync(new URL('../fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url), 'utf8');
const pageUrl = 'https://hardverapro.hu/aprok/mobil/index.html';
const capturedAt = new Date('2025-12-19T16:30:00+01:00');
const CARD = 7318447; // "+10" rating, a picture, the same link on title and picture

function editCard(edit: (card: string) => string): string {
  const idAt = realPage.indexOf(`data-uadid="${CARD}"`);
  const start = realPage.lastIndexOf('<li', idAt);
  const end = realPage.indexOf('</li>', idAt) + '</li>'.length;
  return `${realPage.slice(0, start)}${edit(realPage.slice(start, end))}${realPage.slice(end)}`;
}

function cardAd(edit: (card: string) => string, id = CARD): Ad | undefined {
  return parseListing(editCard(edit), pageUrl, capturedAt).ads.find((ad) => ad.id === id);
}

describe('the ad id', () => {
  it.each(['12abc', 'abc12', '1 2', '-12', '12.5', '1234567890123456', ''])('refuses data-uadid=%j', (idText) => {
    const page = parseListing(
      editCard((card) => card.replace(`data-uadid="${CARD}"`, `data-uadid="${idText}"`)),
      pageUrl,
      capturedAt,
    );
    expect(page.unreadableCards).toBe(1);
    expect(page.reason).toMatch(/1 with no ad id/);
  });

  it.each([
    ['7', 7],
    [' 42 ', 42],
    ['123456789012345', 123_456_789_012_345],
  ])('reads data-uadid=%j as %d', (idText, id) => {
    const ad = cardAd((card) => card.replace(`data-uadid="${CARD}"`, `data-uadid="${idText}"`), id);
    expect(ad?.id).toBe(id);
  });
});

describe("the seller's rating", () => {
  const withRating = (text: string) =>
    cardAd((card) => card.replace(/(<span class="uad-rating[^>]*>)[^<]*(<\/span>)/, `$1${text}$2`));

  it.each<[string, number | null]>([
    ['+10', 10],
    ['10', 10],
    ['-3', -3],
    ['\u22123', -3],
    ['- 3', -3],
    ['+ 3', 3],
    ['-0', 0],
    ['0', 0],
    ['+123456789', 123_456_789],
    ['n.a.', null],
    ['', null],
    ['x+10', null],
    ['+10x', null],
    ['+10 pont', null],
    ['++10', null],
    ['+1234567890', null],
  ])('reads %j as %s', (text, rating) => {
    expect(withRating(text)?.seller.rating).toBe(rating);
  });
});

describe("the ad's link", () => {
  it('takes the title link, not the picture link, when the two differ', () => {
    const ad = cardAd((card) =>
      card.replace(/(<h1>\s*<a href=")[^"]*(")/, '$1https://hardverapro.hu/apro/the_title_link/friss.html$2'),
    );
    expect(ad?.url).toBe('https://hardverapro.hu/apro/the_title_link/friss.html');
  });

  it('reads the title link by its href when other attributes come first', () => {
    const ad = cardAd((card) =>
      card.replace(
        /(<h1>\s*<a) href="[^"]*"/,
        '$1 title="x" class="y" href="https://hardverapro.hu/apro/the_title_link/friss.html"',
      ),
    );
    expect(ad?.url).toBe('https://hardverapro.hu/apro/the_title_link/friss.html');
  });

  it("reads the seller's link by its href when other attributes come first", () => {
    const ad = cardAd((card) => card.replace(/<a href="(\/tag\/[^"]*)"/, '<a title="x" class="y" href="$1"'));
    expect(ad?.seller.url).toMatch(/^https:\/\/hardverapro\.hu\/tag\//);
  });

  it('falls back to the picture link when the title link has none', () => {
    const ad = cardAd((card) => card.replace(/(<h1>\s*<a) href="[^"]*"/, '$1'));
    expect(ad?.url).toBe('https://hardverapro.hu/apro/apple_iphone_15_128gb_fuggetlen_dobozos_csere_is/friss.html');
  });
});

describe("the site's no-picture placeholder", () => {
  const withPicture = (src: string) =>
    cardAd((card) =>
      card.replace(/<img src="[^"]*" data-retina-url="[^"]*"/, `<img src="${src}" data-retina-url="${src}"`),
    );

  it.each([
    '//cdn.rios.hu/dl/uad/noimage.png',
    '//cdn.rios.hu/dl/uad/noimage.small.png',
    '//cdn.rios.hu/dl/uad/noimage.small.v2.gif',
    '//cdn.rios.hu/dl/uad/noimage.jpg',
    '//cdn.rios.hu/dl/uad/noimage.jpeg',
    '//cdn.rios.hu/dl/uad/noimage.svg',
    '//cdn.rios.hu/dl/uad/noimage.webp',
    '//cdn.rios.hu/dl/uad/NOIMAGE.PNG',
    '//cdn.rios.hu/dl/uad/noimage.png?v=3',
    '//cdn.rios.hu/dl/uad/noimage.png#top',
    '//cdn.rios.hu/dl/uad/noimage.png?',
    ' //cdn.rios.hu/dl/uad/noimage.png ',
  ])('is no picture: %j', (src) => {
    expect(withPicture(src)).toMatchObject({ image: null, imageLarge: null });
  });

  it.each([
    '//cdn.rios.hu/dl/uad/2025-12/7318447/my_noimage.png',
    '//cdn.rios.hu/dl/uad/2025-12/7318447/noimage.png/100',
    '//cdn.rios.hu/dl/uad/2025-12/7318447/noimage.pngx',
    '//cdn.rios.hu/dl/uad/2025-12/7318447/noimage.png.bak',
    '//cdn.rios.hu/dl/uad/2025-12/7318447/noimage.tiff',
    '//cdn.rios.hu/dl/uad/2025-12/7318447/noimage..png',
  ])('is a picture of the ad: %j', (src) => {
    const ad = withPicture(src);
    expect(ad?.image).toBe(`https:${src}`);
    expect(ad?.imageLarge).toBe(`https:${src}`);
  });

  it.each(['//cdn.rios.hu/dl/uad/noimage.png', ' //cdn.rios.hu/dl/uad/noimage.png '])(
    'keeps the thumbnail when only the large picture is the placeholder %j',
    (retina) => {
      const ad = cardAd((card) => card.replace(/data-retina-url="[^"]*"/, `data-retina-url="${retina}"`));
      expect(ad).toMatchObject({
        image: 'https://cdn.rios.hu/dl/uad/2025-12/7318447/img_20251214_123935.jpg/100',
        imageLarge: null,
      });
    },
  );
});

describe('the flags and lists of a card', () => {
  it('reads the cities as a list, skipping empty entries', () => {
    const ad = cardAd((card) => card.replace(/(<div class="uad-cities">)[^<]*(<\/div>)/, '$1Szeged, , Budapest ,$2'));
    expect(ad?.cities).toEqual(['Szeged', 'Budapest']);
  });

  it('has no cities when the card names none', () => {
    const ad = cardAd((card) => card.replace(/<div class="uad-cities">[^<]*<\/div>/, ''));
    expect(ad?.cities).toEqual([]);
  });

  it('calls a card pinned by its icon alone, and by its word alone', () => {
    const byIcon = cardAd((card) =>
      card.replaceAll(/<time>([^<]*)<\/time>/g, '<time><span class="fas fa-sort-amount-up"></span> $1</time>'),
    );
    expect(byIcon?.pinned).toBe(true);
    const byWord = cardAd((card) => card.replaceAll(/<time>[^<]*<\/time>/g, '<time>Előresorolva</time>'));
    expect(byWord?.pinned).toBe(true);
    expect(cardAd((card) => card)?.pinned).toBe(false);
  });

  it('calls a card iced by its price block alone', () => {
    const ad = cardAd((card) =>
      card.replace(/<div class="uad-price">/, '<div class="uad-price"><small class="uad-price-iced">jegelve</small>'),
    );
    expect(ad?.iced).toBe(true);
    expect(cardAd((card) => card)?.iced).toBe(false);
  });

  it('calls a seller a business by the icon beside the name alone', () => {
    const ad = cardAd((card) =>
      card.replace(/(<span class="uad-user-text">)/, '$1<span class="user-business-icon"></span>'),
    );
    expect(ad?.seller.business).toBe(true);
    expect(cardAd((card) => card)?.seller.business).toBe(false);
  });

  it('has an empty seller name and no time text when the card shows neither', () => {
    const ad = cardAd((card) =>
      card.replace(/<a href="\/tag\/[^"]*">[^<]*<\/a>/, '').replaceAll(/<time>[^<]*<\/time>/g, ''),
    );
    expect(ad?.seller.name).toBe('');
    expect(ad?.timeText).toBe('');
    expect(ad?.postedAt).toBeNull();
  });
});
