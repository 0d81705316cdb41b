import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import { parseListing } from '../../src/scrape/parse-listing.js';
import { parsePrice } from '../../src/scrape/parse-price.js';

/** One ad of the expected reading: raw texts as the page shows them, before any conversion. */
interface ExpectedAd {
  id: string;
  li_classes: string[];
  title: string;
  url: string;
  price_text_title_col: string;
  price_text_price_col: string;
  iced: boolean;
  iced_price_marker: boolean;
  featured: boolean;
  business_seller: boolean;
  ribbon: { class: string; text: string } | null;
  pinned_eloresorolva: boolean;
  time_text: string;
  cities_text: string;
  cities: string[];
  seller_name: string;
  seller_href: string;
  seller_rating_text: string;
  seller_rating_title: string;
  image_src: string;
  image_retina: string | null;
}

const fixtureDir = new URL('../fixtures/hardverapro/', import.meta.url);
const pageUrl = 'https://hardverapro.hu/aprok/mobil/index.html';
// The page was captured at about 16:20 Budapest time; its newest card says "ma 16:20".
const capturedAt = new Date('2025-12-19T16:30:00+01:00');

const html = readFileSync(new URL('listing-2025-12-mobil.html', fixtureDir), 'utf8');
const expected = JSON.parse(readFileSync(new URL('listing-2025-12-mobil.expected.json', fixtureDir), 'utf8')) as {
  ads: ExpectedAd[];
};

/** What the parser should make of one expected ad's raw texts. */
function toAd(raw: ExpectedAd): Ad {
  const noImage = raw.image_src.includes('/noimage');
  const rating = /^([+-])(\d+)$/.exec(raw.seller_rating_text);
  const minutes = /^ma (\d\d):(\d\d)$/.exec(raw.time_text);
  return {
    id: Number(raw.id),
    title: raw.title,
    url: raw.url,
    ...parsePrice(raw.price_text_title_col),
    priceText: raw.price_text_title_col,
    cities: raw.cities,
    timeText: raw.time_text,
    postedAt: minutes === null ? null : `2025-12-19T${minutes[1]}:${minutes[2]}:00+01:00`,
    pinned: raw.pinned_eloresorolva,
    featured: raw.featured,
    iced: raw.iced,
    ribbon: raw.ribbon?.text ?? null,
    seller: {
      name: raw.seller_name,
      url: `https://hardverapro.hu${raw.seller_href}`,
      rating: rating === null ? null : Number(`${rating[1]}${rating[2]}`),
      business: raw.business_seller,
    },
    image: noImage ? null : `https:${raw.image_src}`,
    imageLarge: noImage || raw.image_retina === null ? null : `https:${raw.image_retina}`,
  };
}

describe('parseListing on the December 2025 mobile listing page', () => {
  const page = parseListing(html, pageUrl, capturedAt);

  it('recognises the page as a listing with results and nothing unreadable', () => {
    expect(page.verdict).toBe('results');
    expect(page.reason).toBeNull();
    expect(page.unreadableCards).toBe(0);
    expect(page.ads).toHaveLength(100);
  });

  it('reads the pager: the next block and the total', () => {
    expect(page.nextPage).toBe('https://hardverapro.hu/aprok/mobil/index.html?offset=100');
    expect(page.total).toBe(5299);
  });

  it('reads the ads in page order', () => {
    expect(page.ads.map((ad) => ad.id)).toEqual(expected.ads.map((raw) => Number(raw.id)));
  });

  it.each(expected.ads.map((raw, index) => [index + 1, raw.id, raw] as const))(
    'ad %i (%s) matches the expected reading field by field',
    (index, _id, raw) => {
      expect(page.ads[index - 1]).toEqual(toAd(raw));
    },
  );

  it('has the counts the fixture README states', () => {
    const count = (predicate: (ad: Ad) => boolean) => page.ads.filter(predicate).length;
    expect(count((ad) => ad.pinned)).toBe(28);
    expect(count((ad) => ad.featured)).toBe(15);
    expect(count((ad) => ad.pinned && ad.featured)).toBe(9);
    expect(count((ad) => ad.seller.business)).toBe(7);
    expect(count((ad) => ad.iced)).toBe(2);
    expect(count((ad) => ad.priceKind === 'wanted')).toBe(2);
    expect(count((ad) => ad.image === null)).toBe(1);
    expect(count((ad) => ad.cities.length > 1)).toBe(25);
    expect(count((ad) => ad.seller.rating === null)).toBe(7);
  });

  it('gives every non-pinned ad a Budapest time and no pinned ad one', () => {
    for (const ad of page.ads) {
      if (ad.pinned) expect(ad.postedAt).toBeNull();
      else expect(ad.postedAt).toMatch(/^2025-12-19T1[56]:\d\d:00\+01:00$/);
    }
  });

  it('resolves relative links against the page URL (next page) and its origin (sellers)', () => {
    const elsewhere = parseListing(html, 'http://127.0.0.1:8080/aprok/mobil/keres.php?stext=x', capturedAt);
    expect(elsewhere.verdict).toBe('results');
    expect(elsewhere.nextPage).toBe('http://127.0.0.1:8080/aprok/mobil/index.html?offset=100');
    expect(elsewhere.ads[0]?.seller.url).toMatch(/^http:\/\/127\.0\.0\.1:8080\/tag\/elado_01\.html\?uadid=\d+$/);
    // Card links are absolute on the page and stay as they are.
    expect(elsewhere.ads[0]?.url).toMatch(/^https:\/\/hardverapro\.hu\/apro\//);
  });
});
