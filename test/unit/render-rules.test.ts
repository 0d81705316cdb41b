import { describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../src/app/check-report.js';
import { renderCheckRecord } from '../../src/app/render-check-record.js';
import { reportEvents } from '../../src/app/report-events.js';
import { plainStyles } from '../../src/cli/terminal-output.js';
import type { Ad } from '../../src/domain/ad.js';
import type { AdEvent, NotificationItem, PriceChangedEvent } from '../../src/domain/events.js';
import { summariseItem } from '../../src/notify/ad-summary.js';
import { renderDiscord } from '../../src/notify/channels/discord/render.js';
import { renderJson } from '../../src/notify/channels/json/render.js';
import { renderNtfy } from '../../src/notify/channels/ntfy/render.js';
import { renderSlack } from '../../src/notify/channels/slack/render.js';
import { renderTelegram } from '../../src/notify/channels/telegram/render.js';
import { buildHeadline } from '../../src/notify/headline.js';

const NBSP = '\u00a0';
const watch = { id: 1, name: 'phones', url: 'https://hardverapro.hu/aprok/mobil/index.html' };
const ad: Ad = {
  id: 42,
  title: 'iPhone 13',
  url: 'https://hardverapro.hu/apro/iphone_13/friss.html',
  price: 170000,
  priceText: '170 000 Ft',
  priceKind: 'fixed',
  cities: ['Szeged'],
  timeText: 'ma 10:00',
  postedAt: null,
  pinned: false,
  featured: false,
  iced: false,
  ribbon: null,
  seller: { name: 'Anna', url: null, rating: 3, business: false },
  image: null,
  imageLarge: null,
};
const drop: PriceChangedEvent = {
  type: 'price_changed',
  watch,
  ad,
  oldPrice: 200000,
  newPrice: 170000,
  oldPriceKind: 'fixed',
  newPriceKind: 'fixed',
  oldPriceText: '200 000 Ft',
  lowestPrice: 160000,
  crossedBelow: 180000,
};
const gone: AdEvent = {
  type: 'gone',
  watch,
  ad,
  firstSeenAt: '2026-11-01T10:00:00.000Z',
  lastSeenAt: '2026-11-04T12:00:00.000Z',
};
const reactivated: AdEvent = { type: 'reactivated', watch, ad };
const reappeared: AdEvent = { type: 'reappeared', watch, ad, goneAt: '2026-11-02T10:00:00.000Z' };

function item(event: AdEvent, id = 1): NotificationItem {
  return { id, idempotencyKey: `key-${id}`, event, createdAt: '2026-11-04T12:00:00.000Z' };
}

function records(events: AdEvent[]): CheckRecord[] {
  const reported: CheckRecord[] = [];
  const counts = {
    newAds: 0,
    priceDrops: 0,
    priceRises: 0,
    priceChanges: 0,
    reactivated: 0,
    reappeared: 0,
    gone: 0,
    reposts: 0,
  };
  reportEvents(watch, events, counts, (record) => reported.push(record));
  return reported;
}

describe('the terminal line and --json record', () => {
  it('shows old → new, the change in forints and percent, the target crossed and the lowest price seen', () => {
    const [record] = records([drop]);
    expect(record).toMatchObject({
      type: 'price_changed',
      oldPrice: 200000,
      newPrice: 170000,
      changeForints: -30000,
      changePercent: -15,
      lowestPrice: 160000,
      crossedBelow: 180000,
    });
    expect(renderCheckRecord(record as CheckRecord, plainStyles)[1]).toBe(
      '    200 000 Ft -> 170 000 Ft (-30 000 Ft, -15 %; under your 180 000 Ft target, lowest 160 000 Ft)  ·  Szeged  ·  Anna (+3)',
    );
  });

  it('names each lifecycle event, and a gone ad with its last price and how long it was listed', () => {
    const lines = records([reactivated, reappeared, gone]).map((record) => renderCheckRecord(record, plainStyles)[0]);
    expect(lines).toEqual(['ACTIVE AGAIN [phones] iPhone 13', 'BACK [phones] iPhone 13', 'GONE [phones] iPhone 13']);
    expect(renderCheckRecord(records([gone])[0] as CheckRecord, plainStyles)[1]).toBe(
      '    last price 170 000 Ft, listed 3 days  ·  Szeged  ·  Anna (+3)',
    );
    expect(records([gone])[0]).toMatchObject({ type: 'gone', firstSeenAt: gone.firstSeenAt, ad: { id: 42 } });
  });
});

describe('notifications for rules and lifecycle events', () => {
  it('puts the price move, the target and the lowest price into words, in both languages', () => {
    expect(summariseItem(item(drop), 'en').price).toBe(
      `200${NBSP}000${NBSP}Ft → 170${NBSP}000${NBSP}Ft (−30${NBSP}000${NBSP}Ft, −15${NBSP}%), under your 180${NBSP}000${NBSP}Ft target, lowest seen 160${NBSP}000${NBSP}Ft`,
    );
    expect(summariseItem(item(drop), 'hu').price).toContain(`eddigi legalacsonyabb 160${NBSP}000${NBSP}Ft`);
  });

  it('labels each lifecycle event and says how long a gone ad was listed', () => {
    expect(summariseItem(item(reactivated), 'en')).toMatchObject({ kind: 'reactivated', label: 'Active again' });
    expect(summariseItem(item(reappeared), 'hu')).toMatchObject({ kind: 'reappeared', label: 'Újra listázva' });
    expect(summariseItem(item(gone), 'en')).toMatchObject({
      kind: 'gone',
      label: 'Gone',
      price: `Last price: 170${NBSP}000${NBSP}Ft, listed for 3 days`,
    });
    expect(summariseItem(item(gone), 'hu').price).toBe(`Utolsó ár: 170${NBSP}000${NBSP}Ft, 3 napig volt fent`);
  });

  it('counts lifecycle events apart in a headline', () => {
    const items = [item(drop, 1), item(gone, 2), item(reactivated, 3)];
    expect(buildHeadline(items, 'en')).toBe('1 price change and 2 ad updates for phones');
    expect(buildHeadline(items, 'hu')).toBe('phones: 1 árváltozás és 2 hirdetésfrissítés');
  });

  it('renders them on every channel', () => {
    const options = { language: 'en' as const, linkPreview: false, now: new Date('2026-11-04T12:00:00Z') };
    const items = [item(reactivated, 1), item(reappeared, 2), item(gone, 3)];
    expect(renderDiscord(items, options)[0]?.body.embeds.map((embed) => embed.author.name)).toEqual([
      'Active again',
      'Listed again',
      'Gone',
    ]);
    expect(renderSlack(items, options)[0]?.body.text).toContain('3 ad updates for phones');
    expect(renderTelegram(items, options, '123')[0]?.body.text).toContain(
      `Gone: <b>Last price: 170${NBSP}000${NBSP}Ft, listed for 3 days</b>`,
    );
    expect(renderNtfy(items, options, 'topic').map((message) => message.body.tags)).toEqual([
      ['sunny'],
      ['leftwards_arrow_with_hook'],
      ['wastebasket'],
    ]);
    const bodies = renderJson(items, options).map((message) => message.body);
    expect(bodies.map((body) => body.type)).toEqual(['reactivated', 'reappeared', 'gone']);
    expect(bodies[1]).toMatchObject({ goneAt: '2026-11-02T10:00:00.000Z', ad: { id: 42 } });
    expect(bodies[2]).toMatchObject({ firstSeenAt: gone.firstSeenAt, lastSeenAt: gone.lastSeenAt });
  });
});
