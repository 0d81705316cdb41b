import type { Ad } from '../../src/domain/ad.js';

/**
 * An ordinary listed ad: a price in forints (1 000 unless given; null is a "Keresem" ad), one city, a seller, no
 * image. `overrides` sets what a test is about.
 */
export function testAd(id: number, overrides: Partial<Ad> = {}): Ad {
  const price = overrides.price === undefined ? 1000 : overrides.price;
  return {
    id,
    title: `ad ${id}`,
    url: `https://hardverapro.hu/apro/ad_${id}/friss.html`,
    price,
    priceText: price === null ? 'Keresem' : `${price} Ft`,
    priceKind: price === null ? 'wanted' : 'fixed',
    cities: ['Budapest'],
    timeText: 'ma 10:00',
    postedAt: null,
    pinned: false,
    featured: false,
    iced: false,
    ribbon: null,
    seller: { name: 'seller', url: null, rating: 3, business: false },
    image: null,
    imageLarge: null,
    ...overrides,
  };
}
