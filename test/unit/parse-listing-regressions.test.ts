import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseListing } from '../../src/scrape/parse-listing.js';

// One test per failure mode that public HardverApró scrapers have shown on the current markup.

const fixtureDir = new URL('../fixtures/hardverapro/', import.meta.url);
const pageUrl = 'https://hardverapro.hu/aprok/mobil/index.html';
const capturedAt = new Date('2025-12-19T16:30:00+01:00');
const realPage = readFileSync(new URL('listing-2025-12-mobil.html', fixtureDir), 'utf8');
const read = (html: string) => parseListing(html, pageUrl, capturedAt);
// The real page is parsed on first use inside a test, not while the file loads: a mutation run can then trace a
// change to the parser to a test that reads it instead of running every test of the file for it.
let realPageRead: ReturnType<typeof read> | undefined;
const parsedPage = () => {
  realPageRead ??= read(realPage);
  return realPageRead;
};

/** The card of ad `id` as it appears in the page source. */
function cardSource(id: number): string {
  const idAt = realPage.indexOf(`data-uadid="${id}"`);
  return realPage.slice(realPage.lastIndexOf('<li', idAt), realPage.indexOf('</li>', idAt) + '</li>'.length);
}

/** The page with the card of ad `id` rewritten by `edit`. */
function editCard(id: number, edit: (card: string) => string): string {
  const card = cardSource(id);
  return realPage.replace(card, edit(card));
}

describe('regressions seen in other scrapers', () => {
  it('reads the rating of business sellers, whose first span is the empty business icon', () => {
    const business = parsedPage().ads.filter((ad) => ad.seller.business);
    expect(business).toHaveLength(7);
    for (const ad of business) {
      expect(cardSource(ad.id)).toContain('user-business-icon');
      expect(ad.seller.rating).toEqual(expect.any(Number));
      expect(ad.seller.rating).toBeGreaterThan(0);
    }
  });

  it('reads "n.a." as no rating and a "-N" rating as negative, also after a business icon', () => {
    const businessId = parsedPage().ads.find((ad) => ad.seller.business)?.id ?? 0;
    const unrated = read(editCard(businessId, (card) => card.replace(/>\+\d+</, '>n.a.<')));
    expect(unrated.ads.find((ad) => ad.id === businessId)?.seller).toMatchObject({ rating: null, business: true });
    const negative = read(
      editCard(businessId, (card) => card.replace(/uad-rating-positive([^>]*)>\+\d+</, 'uad-rating-negative$1>-3<')),
    );
    expect(negative.ads.find((ad) => ad.id === businessId)?.seller.rating).toBe(-3);
  });

  it('keeps "featured" (Kiemelt) and "pinned" (Előresorolva) independent', () => {
    const featuredOnly = parsedPage().ads.filter((ad) => ad.featured && !ad.pinned);
    const pinnedOnly = parsedPage().ads.filter((ad) => ad.pinned && !ad.featured);
    expect(featuredOnly).toHaveLength(6);
    expect(pinnedOnly).toHaveLength(19);
    expect(parsedPage().ads.filter((ad) => ad.pinned && ad.featured)).toHaveLength(9);
    for (const ad of featuredOnly) expect(ad.postedAt).not.toBeNull();
  });

  it('matches class tokens, not whole class attributes', () => {
    const classes = (id: number) => /<li class="([^"]*)"/.exec(cardSource(id))?.[1];
    const unusual = parsedPage().ads.filter((ad) => !['media', 'media featured'].includes(classes(ad.id) ?? ''));
    expect(unusual).toHaveLength(9);
    // A token that merely starts with "featured" does not make an ad featured.
    const id = parsedPage().ads.find((ad) => !ad.featured)?.id ?? 0;
    const lookalike = read(
      editCard(id, (card) => card.replace('<li class="media"', '<li class="media  featured-like"')),
    );
    expect(lookalike.ads.find((ad) => ad.id === id)?.featured).toBe(false);
    const spaced = read(editCard(id, (card) => card.replace('<li class="media"', '<li class="\tmedia\n featured "')));
    expect(spaced.ads.find((ad) => ad.id === id)?.featured).toBe(true);
  });

  it('reads only the price span of iced ads, never "Ftjegelve"', () => {
    const iced = parsedPage().ads.filter((ad) => ad.iced);
    expect(iced.map((ad) => ad.priceText)).toEqual(['49 000 Ft', '5 000 Ft']);
    for (const ad of parsedPage().ads) expect(ad.priceText).not.toMatch(/jegelve/);
    const icedSwap = read(
      editCard(iced[0]?.id ?? 0, (card) =>
        card.replaceAll('<span class="text-nowrap">49 000 Ft</span>', '<span class="text-nowrap">Csere</span>'),
      ),
    );
    expect(icedSwap.ads.find((ad) => ad.id === iced[0]?.id)).toMatchObject({ priceText: 'Csere', priceKind: 'swap' });
  });

  it('reads one price per ad although every card shows it twice', () => {
    expect(parsedPage().ads.filter((ad) => ad.priceText !== '')).toHaveLength(100);
    const id = parsedPage().ads[40]?.id ?? 0;
    let column = 0;
    const differing = editCard(id, (card) =>
      card.replace(/<span class="text-nowrap">[^<]*<\/span>/g, () => {
        column += 1;
        return `<span class="text-nowrap">${column === 1 ? '11 111 Ft' : '22 222 Ft'}</span>`;
      }),
    );
    const ads = read(differing).ads;
    expect(ads.find((ad) => ad.id === id)?.price).toBe(11_111);
    // The neighbours keep their own prices: nothing is shifted by the extra price blocks.
    expect(ads.map((ad) => ad.id)).toEqual(parsedPage().ads.map((ad) => ad.id));
    expect(ads[39]?.price).toBe(parsedPage().ads[39]?.price);
    expect(ads[41]?.price).toBe(parsedPage().ads[41]?.price);
  });

  it('takes the title from the link, not from the whole heading', () => {
    for (const ad of parsedPage().ads) {
      expect(ad.title).not.toMatch(/–|Előresorolva\s*$|ma \d\d:\d\d\s*$/);
      expect(ad.title).toBe(ad.title.trim());
    }
  });

  it('decodes entities in titles', () => {
    const id = parsedPage().ads[10]?.id ?? 0;
    const escaped = editCard(id, (card) =>
      card.replace(/(<h1>\s*<a [^>]*>)[^<]*(<\/a>)/, '$1&quot;Új&quot; &amp; bontatlan &#8211; 128&nbsp;GB$2'),
    );
    expect(read(escaped).ads.find((ad) => ad.id === id)?.title).toBe('"Új" & bontatlan – 128 GB');
  });

  it('prefixes protocol-relative images with https:, never with the site origin', () => {
    for (const ad of parsedPage().ads) {
      if (ad.image === null) continue;
      expect(ad.image).toMatch(/^https:\/\/cdn\.rios\.hu\/dl\/uad\//);
      expect(ad.imageLarge).toMatch(/^https:\/\/cdn\.rios\.hu\/dl\/uad\//);
      expect(ad.image).not.toContain('hardverapro.hu//');
    }
  });

  it('does not fail on pinned ads, which have no date', () => {
    const pinned = parsedPage().ads.filter((ad) => ad.pinned);
    expect(pinned).toHaveLength(28);
    for (const ad of pinned) expect(ad).toMatchObject({ timeText: 'Előresorolva', postedAt: null });
    expect(parsedPage().verdict).toBe('results');
  });

  it('takes the id from data-uadid, not from the ad URL', () => {
    for (const ad of parsedPage().ads) {
      expect(cardSource(ad.id)).toContain(`data-uadid="${ad.id}"`);
      expect(ad.url).not.toContain(String(ad.id));
    }
  });

  it('reads every positive rating from span.uad-rating (there is no span.uad-user-rating)', () => {
    expect(parsedPage().ads.filter((ad) => (ad.seller.rating ?? 0) > 0)).toHaveLength(93);
    expect(realPage).not.toContain('uad-user-rating');
  });

  it('does not take .media elements outside the ad list for ads', () => {
    const outside =
      '<ul><li class="media" data-uadid="1"><div class="uad-col uad-col-title"><h1><a href="/apro/x/friss.html">PR</a></h1></div></li></ul>';
    const html = realPage.replace(
      '<div id="right" class="slotSingleColumn">',
      `<div id="right" class="slotSingleColumn">${outside}`,
    );
    expect(read(html).ads.map((ad) => ad.id)).toEqual(parsedPage().ads.map((ad) => ad.id));
  });
});
