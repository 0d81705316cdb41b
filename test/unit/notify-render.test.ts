import type { RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import type { NotificationItem, PriceChangedEvent } from '../../src/domain/events.js';
import { parseTarget } from '../../src/domain/targets/parse-target.js';
import type { WebTarget } from '../../src/domain/targets/target.js';
import { discordLimits, measureEmbedText, renderDiscord } from '../../src/notify/channels/discord/render.js';
import { renderJson } from '../../src/notify/channels/json/render.js';
import { renderNtfy } from '../../src/notify/channels/ntfy/render.js';
import { renderSlack, slackLimits } from '../../src/notify/channels/slack/render.js';
import { renderTelegram, TELEGRAM_TEXT_LIMIT } from '../../src/notify/channels/telegram/render.js';
import { formatAmount, formatPrice, formatPriceChange } from '../../src/notify/format-price.js';
import { buildHeadline } from '../../src/notify/headline.js';
import type { RenderOptions } from '../../src/notify/message.js';
import { renderForTarget } from '../../src/notify/render.js';
import { buildSampleItems } from '../../src/notify/sample-items.js';

const NBSP = '\u00a0';
const now = new Date('2025-03-01T10:00:00Z');
const options: RenderOptions = { language: 'en', linkPreview: false, now };
const [sampleNew, samplePrice] = buildSampleItems(now);
if (sampleNew === undefined || samplePrice?.event.type !== 'price_changed') throw new Error('sample items changed');
const sampleAd = sampleNew.event.ad;
const sampleWatch = sampleNew.event.watch;

function newAdItem(id: number, ad: Partial<Ad> = {}, watchName = sampleWatch.name): NotificationItem {
  return {
    id,
    idempotencyKey: `key-${id}`,
    createdAt: now.toISOString(),
    event: {
      type: 'new_ad',
      watch: { ...sampleWatch, name: watchName },
      ad: { ...sampleAd, id, url: `https://hardverapro.hu/apro/ad_${id}/friss.html`, ...ad },
    },
  };
}

function manyItems(count: number): NotificationItem[] {
  return Array.from({ length: count }, (_, index) => newAdItem(index + 1, { title: `Hirdetés száma ${index + 1}` }));
}

const hostileTitle = '<b>Tom & Jerry</b> *bold* _italic_ ~strike~ `code` @everyone <@&123>';

describe('prices the Hungarian way', () => {
  it('groups digits with no-break spaces', () => {
    expect(formatAmount(84990)).toBe(`84${NBSP}990${NBSP}Ft`);
    expect(formatAmount(1234567)).toBe(`1${NBSP}234${NBSP}567${NBSP}Ft`);
    expect(formatAmount(999)).toBe(`999${NBSP}Ft`);
    expect(formatAmount(0)).toBe(`0${NBSP}Ft`);
  });

  it.each([
    ['wanted', 'Wanted', 'Keresem'],
    ['free', 'Free', 'Ingyenes'],
    ['swap', 'Swap', 'Csere'],
  ] as const)('names %s ads in both languages', (kind, en, hu) => {
    expect(formatPrice(null, kind, '', 'en')).toBe(en);
    expect(formatPrice(null, kind, '', 'hu')).toBe(hu);
  });

  it('falls back to the site text, then to "no price"', () => {
    expect(formatPrice(null, 'unknown', 'Megegyezés szerint', 'hu')).toBe('Megegyezés szerint');
    expect(formatPrice(null, 'unknown', ' ', 'en')).toBe('no price');
    expect(formatPrice(null, 'fixed', '', 'hu')).toBe('nincs ár');
  });

  it('writes price changes with the difference', () => {
    const drop = samplePrice.event as PriceChangedEvent;
    expect(formatPriceChange(drop, 'hu')).toBe(
      `180${NBSP}000${NBSP}Ft → 170${NBSP}000${NBSP}Ft (−10${NBSP}000${NBSP}Ft, −5,6${NBSP}%)`,
    );
    const rise: PriceChangedEvent = { ...drop, oldPrice: 165000 };
    expect(formatPriceChange(rise, 'en')).toBe(
      `165${NBSP}000${NBSP}Ft → 170${NBSP}000${NBSP}Ft (+5${NBSP}000${NBSP}Ft, +3${NBSP}%)`,
    );
    const nowFree: PriceChangedEvent = { ...drop, newPrice: null, newPriceKind: 'free' };
    expect(formatPriceChange(nowFree, 'en')).toBe(`180${NBSP}000${NBSP}Ft → Free`);
  });

  it('sums up a batch in both languages', () => {
    const items = [newAdItem(1), newAdItem(2), samplePrice];
    expect(buildHeadline(items, 'en')).toBe(`2 new ads and 1 price change for ${sampleWatch.name}`);
    expect(buildHeadline(items, 'hu')).toBe(`${sampleWatch.name}: 2 új hirdetés és 1 árváltozás`);
    expect(buildHeadline([newAdItem(1)], 'en')).toBe(`1 new ad for ${sampleWatch.name}`);
  });
});

describe('Discord', () => {
  it('builds bodies Discord accepts', () => {
    const bodies: RESTPostAPIWebhookWithTokenJSONBody[] = renderDiscord([sampleNew, samplePrice], options).map(
      (message) => message.body,
    );
    expect(bodies).toHaveLength(1);
    const [body] = bodies;
    expect(body?.allowed_mentions).toEqual({ parse: [] });
    expect(body?.content).toBe(`1 new ad and 1 price change for ${sampleWatch.name}`);
    const [embed, priceEmbed] = body?.embeds ?? [];
    expect(embed).toMatchObject({
      title: sampleAd.title,
      url: sampleAd.url,
      author: { name: 'New ad' },
      footer: { text: sampleWatch.name },
      timestamp: new Date(sampleAd.postedAt ?? '').toISOString(),
      fields: [
        { name: 'Price', value: `84${NBSP}990${NBSP}Ft`, inline: true },
        { name: 'Location', value: 'Budapest, Győr', inline: true },
        { name: 'Seller', value: 'Kovács Gábor (+42)', inline: true },
      ],
    });
    expect(priceEmbed?.author?.name).toBe('Price drop');
    expect(priceEmbed?.fields?.[0]?.value).toContain('→');
    expect(priceEmbed?.color).not.toBe(embed?.color);
    expect(priceEmbed?.timestamp).toBeUndefined();
  });

  it('uses the thumbnail only when it is a real URL', () => {
    const [withImage] = renderDiscord([newAdItem(1, { image: 'https://cdn.example/x.jpg' })], options);
    const [withoutImage] = renderDiscord([newAdItem(1, { image: 'not a url' })], options);
    expect(withImage?.body.embeds[0]?.thumbnail).toEqual({ url: 'https://cdn.example/x.jpg' });
    expect(withoutImage?.body.embeds[0]?.thumbnail).toBeUndefined();
  });

  it('lets no title or watch name ping anyone', () => {
    const [message] = renderDiscord([newAdItem(1, { title: hostileTitle }, '@here @everyone watch')], options);
    expect(message?.body.allowed_mentions).toEqual({ parse: [] });
    expect(message?.body.content).not.toMatch(/@(everyone|here)/);
    expect(message?.body.content).toContain('@\u200beveryone');
  });

  it('puts 25 ads into 3 messages of at most 10 embeds', () => {
    const messages = renderDiscord(manyItems(25), options);
    expect(messages.map((message) => message.body.embeds.length)).toEqual([10, 10, 5]);
    expect(messages.flatMap((message) => message.itemIds)).toEqual(manyItems(25).map((item) => item.id));
    expect(messages[0]?.body.content).toBe(`10 new ads for ${sampleWatch.name} (1/3)`);
  });

  it('truncates a 300-character title with an ellipsis', () => {
    const [message] = renderDiscord([newAdItem(1, { title: 'x'.repeat(300) })], options);
    const title = message?.body.embeds[0]?.title ?? '';
    expect(title.length).toBe(discordLimits.title);
    expect(title.endsWith('…')).toBe(true);
  });

  it('respects every limit for any input', () => {
    const text = fc.string({ unit: 'binary', maxLength: 3000 });
    const item = fc.record({ title: text, city: text, seller: text });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 30 }), text, (ads, watchName) => {
        const items = ads.map((ad, index) =>
          newAdItem(
            index + 1,
            { title: ad.title, cities: [ad.city], seller: { ...sampleAd.seller, name: ad.seller } },
            watchName,
          ),
        );
        const messages = renderDiscord(items, options);
        expect(messages.flatMap((message) => message.itemIds)).toEqual(items.map((entry) => entry.id));
        for (const { body } of messages) {
          expect(body.content.length).toBeLessThanOrEqual(discordLimits.content);
          expect(body.embeds.length).toBeLessThanOrEqual(discordLimits.embedsPerMessage);
          const total = body.embeds.reduce((sum, embed) => sum + measureEmbedText(embed), 0);
          expect(total).toBeLessThanOrEqual(discordLimits.embedTextPerMessage);
          for (const embed of body.embeds) {
            expect(embed.title.length).toBeGreaterThan(0);
            expect(embed.title.length).toBeLessThanOrEqual(discordLimits.title);
            expect(embed.fields.length).toBeLessThanOrEqual(discordLimits.fieldsPerEmbed);
            expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(discordLimits.footer);
            for (const field of embed.fields) {
              expect(field.name.length).toBeLessThanOrEqual(discordLimits.fieldName);
              expect(field.value.trim().length).toBeGreaterThan(0);
              expect(field.value.length).toBeLessThanOrEqual(discordLimits.fieldValue);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('Slack', () => {
  it('builds Block Kit sections with an escaped link and fields', () => {
    const [message] = renderSlack([newAdItem(7, { title: hostileTitle, url: 'https://hardverapro.hu/a?x=1&y=2' })], {
      ...options,
      language: 'hu',
    });
    const body = message?.body;
    expect(body?.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${sampleWatch.name}: 1 új hirdetés*`, verbatim: true },
    });
    const section = body?.blocks[1];
    if (section?.type !== 'section') throw new Error('expected a section');
    const text = section.text.text;
    expect(text.startsWith('*<https://hardverapro.hu/a?x=1&amp;y=2|')).toBe(true);
    expect(text).toContain('&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;');
    expect(text).not.toMatch(/<b>|\*bold\*|_italic_|@everyone/);
    expect(text.replaceAll('\u200b', '')).toContain('*bold* _italic_ ~strike~ `code` @everyone &lt;@&amp;123&gt;');
    expect(section.fields?.map((field) => field.text.split('\n')[0])).toEqual([
      '*Ár*',
      '*Hely*',
      '*Hirdető*',
      '*Feladva*',
    ]);
    expect(body?.text).toContain('&lt;b&gt;');
    expect(body?.unfurl_links).toBe(false);
  });

  it('splits many ads over several messages within the block limit', () => {
    const messages = renderSlack(manyItems(45), options);
    expect(messages.length).toBe(3);
    expect(messages.flatMap((message) => message.itemIds)).toEqual(manyItems(45).map((item) => item.id));
    for (const { body } of messages) expect(body.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
  });

  it('respects every limit for any input', () => {
    const text = fc.string({ unit: 'binary', maxLength: 2000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 45 }), text, (ads, watchName) => {
        const items = ads.map(([title, city], index) => newAdItem(index + 1, { title, cities: [city] }, watchName));
        for (const { body } of renderSlack(items, options)) {
          expect(body.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
          for (const block of body.blocks) {
            if (block.type !== 'section') continue;
            expect(block.text.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
            expect(block.fields?.length ?? 0).toBeLessThanOrEqual(slackLimits.fieldsPerSection);
            for (const field of block.fields ?? [])
              expect(field.text.length).toBeLessThanOrEqual(slackLimits.fieldText);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** Checks what Telegram's HTML parse mode accepts: known tags, balanced, and no bare <, > or &. */
function expectValidTelegramHtml(text: string): void {
  const allowed = new Set(['b', 'strong', 'i', 'em', 'u', 's', 'a', 'code', 'pre', 'blockquote']);
  const open: string[] = [];
  const token = /<(\/?)([a-z]+)((?:\s+[a-z]+="[^"<>]*")*)>|&(?:lt|gt|amp|quot);|[<>&]/g;
  for (const match of text.matchAll(token)) {
    const [whole, closing, name] = match;
    if (whole === '<' || whole === '>' || whole === '&') throw new Error(`bare ${whole} at ${match.index}`);
    if (name === undefined) continue;
    expect(allowed.has(name)).toBe(true);
    if (closing) expect(open.pop()).toBe(name);
    else open.push(name);
  }
  expect(open).toEqual([]);
}

describe('Telegram', () => {
  it('builds a sendMessage body with escaped HTML', () => {
    const [message] = renderTelegram(
      [newAdItem(3, { title: hostileTitle })],
      { ...options, linkPreview: true },
      '-100',
    );
    expect(message?.body).toMatchObject({
      chat_id: '-100',
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: false },
    });
    const text = message?.body.text ?? '';
    expectValidTelegramHtml(text);
    expect(text).toContain(
      '<a href="https://hardverapro.hu/apro/ad_3/friss.html">&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; *bold* _italic_',
    );
    expect(text).toContain(`New ad: <b>84${NBSP}990${NBSP}Ft</b>`);
  });

  it('escapes quotes inside link addresses', () => {
    const [message] = renderTelegram([newAdItem(3, { url: 'https://x.example/?q="a"&b=<c>' })], options, '1');
    expect(message?.body.text).toContain('href="https://x.example/?q=%22a%22&amp;b=%3Cc%3E"');
    expectValidTelegramHtml(message?.body.text ?? '');
  });

  it('keeps every message under the limit and every ad whole', () => {
    const items = Array.from({ length: 25 }, (_, index) =>
      newAdItem(index + 1, { title: `${'&<>"'.repeat(60)} ${index}`, cities: ['Budapest'.repeat(40)] }),
    );
    const messages = renderTelegram(items, options, '1');
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.flatMap((message) => message.itemIds)).toEqual(items.map((item) => item.id));
    for (const message of messages) {
      expect(message.body.text.length).toBeLessThan(TELEGRAM_TEXT_LIMIT);
      expectValidTelegramHtml(message.body.text);
      // Each ad carried by a message has its link in that message.
      for (const id of message.itemIds) expect(message.body.text).toContain(`/apro/ad_${id}/friss.html`);
    }
  });

  it('stays valid and under the limit for any input', () => {
    const text = fc.string({ unit: 'binary', maxLength: 3000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 30 }), text, (ads, watchName) => {
        const items = ads.map(([title, city], index) => newAdItem(index + 1, { title, cities: [city] }, watchName));
        const messages = renderTelegram(items, options, '1');
        expect(messages.flatMap((message) => message.itemIds)).toEqual(items.map((item) => item.id));
        for (const { body } of messages) {
          expect(body.text.length).toBeLessThan(TELEGRAM_TEXT_LIMIT);
          expectValidTelegramHtml(body.text);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('ntfy', () => {
  it('sends up to five ads one by one', () => {
    const messages = renderNtfy([sampleNew, samplePrice], options, 'alerts');
    expect(messages.map((message) => message.itemIds)).toEqual([[1], [2]]);
    expect(messages[0]?.body).toEqual({
      topic: 'alerts',
      title: sampleAd.title,
      message: [
        `New ad: 84${NBSP}990${NBSP}Ft`,
        'Budapest, Győr',
        'Kovács Gábor (+42)',
        '2025-03-01 09:41',
        `Watch: ${sampleWatch.name}`,
      ].join('\n'),
      click: sampleAd.url,
      tags: ['new'],
    });
    expect(messages[1]?.body.tags).toEqual(['chart_with_downwards_trend']);
  });

  it('sums up larger batches in one message that opens the watch', () => {
    const messages = renderNtfy(manyItems(8), options, 'alerts');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.itemIds).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(messages[0]?.body).toMatchObject({
      topic: 'alerts',
      title: `8 new ads for ${sampleWatch.name}`,
      click: sampleWatch.url,
      tags: ['new'],
    });
    const lines = messages[0]?.body.message.split('\n') ?? [];
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(`• Hirdetés száma 1 — 84${NBSP}990${NBSP}Ft`);
    expect(lines[5]).toBe('… and 3 more');
  });
});

describe('generic JSON', () => {
  it('sends one documented body per item', () => {
    const messages = renderJson([sampleNew, samplePrice], options);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toEqual({
      itemIds: [1],
      body: {
        type: 'new_ad',
        idempotencyKey: sampleNew.idempotencyKey,
        watch: sampleWatch,
        ad: sampleAd,
        sentAt: now.toISOString(),
      },
      headers: { 'Idempotency-Key': sampleNew.idempotencyKey },
    });
    expect(Object.keys(messages[1]?.body ?? {})).toEqual([
      'type',
      'idempotencyKey',
      'watch',
      'ad',
      'oldPrice',
      'newPrice',
      'lowestPrice',
      'sentAt',
    ]);
    expect(messages[1]?.body).toMatchObject({
      type: 'price_changed',
      oldPrice: 180000,
      newPrice: 170000,
      lowestPrice: 165000,
    });
  });

  it('adds the bound a price change brought the ad under', () => {
    const underLimit = { ...samplePrice, event: { ...samplePrice.event, nowUnderLimit: 175_000 } };
    const [message] = renderJson([underLimit], options);
    expect(message?.body).toMatchObject({ oldPrice: 180000, newPrice: 170000, nowUnderLimit: 175000 });
    expect(Object.keys(message?.body ?? {})).toContain('nowUnderLimit');
  });
});

describe('renderForTarget', () => {
  it("packs every watch's items into as few messages as the channel allows, naming each watch", () => {
    const other: NotificationItem = {
      ...newAdItem(9),
      event: { ...newAdItem(9).event, watch: { ...sampleWatch, id: 5, name: 'cpu' } },
    };
    const messages = renderForTarget(
      parseTarget('discord://1/abc') as WebTarget,
      [newAdItem(1), other, newAdItem(2)],
      options,
    );
    expect(messages.map((message) => message.itemIds)).toEqual([[1, 9, 2]]);
    const content = (messages[0]?.body as { content: string } | undefined)?.content;
    expect(content).toContain(`${sampleWatch.name}, cpu`);
  });
});
