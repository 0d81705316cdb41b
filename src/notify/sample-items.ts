import type { Ad } from '../domain/ad.js';
import type { NotificationItem, WatchRef } from '../domain/events.js';

/** Items that exercise a target the way a real run would: a new ad with accents, and a price drop. */
export function buildSampleItems(now: Date): NotificationItem[] {
  const createdAt = now.toISOString();
  // Unique per call, so receivers that drop repeated keys still show every test message.
  const stamp = now.getTime();
  const watch: WatchRef = {
    id: 0,
    name: 'Videókártyák (minta)',
    url: 'https://hardverapro.hu/aprok/hardver/videokartya/index.html',
  };
  const newAd: Ad = {
    id: 0,
    title: 'Eladó ASUS GeForce RTX 3070 8GB – garanciális, számlával, dobozában',
    url: 'https://hardverapro.hu/aprok/hardver/videokartya/index.html',
    price: 84990,
    priceText: '84 990 Ft',
    priceKind: 'fixed',
    cities: ['Budapest', 'Győr'],
    timeText: 'ma 09:41',
    postedAt: `${createdAt.slice(0, 10)}T09:41:00+01:00`,
    pinned: false,
    featured: false,
    iced: false,
    ribbon: null,
    seller: { name: 'Kovács Gábor', url: null, rating: 42, business: false },
    image: null,
    imageLarge: null,
  };
  const droppedAd: Ad = {
    ...newAd,
    id: 1,
    title: 'Lenovo ThinkPad T14 Gen 2 – i5, 16 GB RAM, újszerű állapotban',
    url: 'https://hardverapro.hu/aprok/notebook/index.html',
    price: 170000,
    priceText: '170 000 Ft',
    cities: ['Szeged'],
    timeText: 'tegnap 18:05',
    postedAt: null,
    seller: { name: 'Notebook Műhely Kft.', url: null, rating: 318, business: true },
  };
  return [
    {
      id: 1,
      idempotencyKey: `sample-${stamp}-new`,
      event: { type: 'new_ad', watch, ad: newAd },
      createdAt,
    },
    {
      id: 2,
      idempotencyKey: `sample-${stamp}-price`,
      event: {
        type: 'price_changed',
        watch,
        ad: droppedAd,
        oldPrice: 180000,
        newPrice: 170000,
        oldPriceKind: 'fixed',
        newPriceKind: 'fixed',
        oldPriceText: '180 000 Ft',
        lowestPrice: 165000,
      },
      createdAt,
    },
  ];
}
