import type { Ad } from '../../src/domain/ad.js';
import type { NotificationItem } from '../../src/domain/events.js';
import type { RenderOptions } from '../../src/notify/message.js';
import { buildSampleItems } from '../../src/notify/sample-items.js';

/** The clock every rendering test uses. */
export const RENDER_NOW = new Date('2025-03-01T10:00:00Z');

/** English, no link previews, the fixed clock. */
export const renderOptions: RenderOptions = { language: 'en', linkPreview: false, now: RENDER_NOW };

const [sampleNew, samplePrice] = buildSampleItems(RENDER_NOW) as [NotificationItem, NotificationItem];
if (samplePrice.event.type !== 'price_changed') throw new Error('sample items changed');

/** The sample new ad and price drop `notify-test` sends. */
export const samples = { newAd: sampleNew, priceDrop: samplePrice } as const;

/** A new ad of the sample watch, with its own id, key and link, and any fields overridden. */
export function newAdItem(id: number, ad: Partial<Ad> = {}, watchName = sampleNew.event.watch.name): NotificationItem {
  return {
    id,
    idempotencyKey: `key-${id}`,
    createdAt: RENDER_NOW.toISOString(),
    event: {
      type: 'new_ad',
      watch: { ...sampleNew.event.watch, name: watchName },
      ad: { ...sampleNew.event.ad, id, url: `https://hardverapro.hu/apro/ad_${id}/friss.html`, ...ad },
    },
  };
}

/** `count` new ads with short distinct titles. */
export function manyItems(count: number): NotificationItem[] {
  return Array.from({ length: count }, (_, index) => newAdItem(index + 1, { title: `Hirdetés száma ${index + 1}` }));
}
