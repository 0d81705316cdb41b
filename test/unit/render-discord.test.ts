import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../src/domain/events.js';
import { discordLimits, measureEmbedText, renderDiscord } from '../../src/notify/channels/discord/render.js';
import { manyItems, newAdItem, renderOptions, samples } from '../helpers/notification-items.js';

const NBSP = '\u00a0';
const WATCH = samples.newAd.event.watch.name;

function render(items: NotificationItem[], watchOptions = renderOptions) {
  return renderDiscord(items, watchOptions);
}

describe('Discord renders the exact message', () => {
  it('for the sample batch: headline, one embed per ad, no pings, one idempotency key', () => {
    const [message, ...rest] = render([samples.newAd, samples.priceDrop]);
    expect(rest).toEqual([]);
    expect(message?.itemIds).toEqual([1, 2]);
    expect(message?.headers?.['Idempotency-Key']).toMatch(/^batch-[0-9a-f]{32}$/);
    expect(message?.body).toEqual({
      content: `1 new ad and 1 price change for ${WATCH}`,
      embeds: [
        {
          title: 'Eladó ASUS GeForce RTX 3070 8GB – garanciális, számlával, dobozában',
          url: 'https://hardverapro.hu/aprok/hardver/videokartya/index.html',
          color: 0x57f287,
          author: { name: 'New ad' },
          fields: [
            { name: 'Price', value: `84${NBSP}990${NBSP}Ft`, inline: true },
            { name: 'Location', value: 'Budapest, Győr', inline: true },
            { name: 'Seller', value: 'Kovács Gábor (+42)', inline: true },
          ],
          timestamp: '2025-03-01T08:41:00.000Z',
          footer: { text: WATCH },
        },
        {
          title: 'Lenovo ThinkPad T14 Gen 2 – i5, 16 GB RAM, újszerű állapotban',
          url: 'https://hardverapro.hu/aprok/notebook/index.html',
          color: 0x3498db,
          author: { name: 'Price drop' },
          fields: [
            {
              name: 'Price drop',
              value: `180${NBSP}000${NBSP}Ft → 170${NBSP}000${NBSP}Ft (−10${NBSP}000${NBSP}Ft, −5.6${NBSP}%), lowest seen 165${NBSP}000${NBSP}Ft`,
              inline: true,
            },
            { name: 'Location', value: 'Szeged', inline: true },
            { name: 'Seller', value: 'Notebook Műhely Kft. (+318, business)', inline: true },
          ],
          footer: { text: WATCH },
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it('uses the item’s own idempotency key for a message of one ad', () => {
    const [message] = render([newAdItem(4)]);
    expect(message?.headers).toEqual({ 'Idempotency-Key': 'key-4' });
  });

  it('colours a rise and an unclassified change apart from a drop', () => {
    const drop = samples.priceDrop;
    if (drop.event.type !== 'price_changed') throw new Error('sample changed');
    const rise = { ...drop, id: 3, event: { ...drop.event, oldPrice: 150_000 } };
    const other = { ...drop, id: 4, event: { ...drop.event, oldPrice: null, oldPriceKind: 'unknown' as const } };
    const colours = render([drop, rise, other])[0]?.body.embeds.map((embed) => [embed.author.name, embed.color]);
    expect(colours).toEqual([
      ['Price drop', 0x3498db],
      ['Price increase', 0xe67e22],
      ['Price change', 0xfee75c],
    ]);
  });

  it('leaves out empty fields, the footer of an unnamed watch and a missing link', () => {
    const item = newAdItem(5, { cities: [], url: 'not a link' }, '  ');
    const [embed] = render([item])[0]?.body.embeds ?? [];
    expect(embed?.fields.map((field) => field.name)).toEqual(['Price', 'Seller']);
    expect(embed?.footer).toBeUndefined();
    expect(embed?.url).toBeUndefined();
    expect(render([item])[0]?.body.content).toBe('1 new ad for #0');
  });

  it('leaves out a field whose value is blanks only, which Discord would refuse', () => {
    const [embed] = render([newAdItem(6, { cities: ['  '] })])[0]?.body.embeds ?? [];
    expect(embed?.fields.map((field) => field.name)).toEqual(['Price', 'Seller']);
  });

  it('sends no message for no items', () => {
    expect(render([])).toEqual([]);
  });
});

describe('Discord limits', () => {
  it('puts 10 embeds in a message and the 11th in the next, numbering the parts', () => {
    expect(render(manyItems(10)).map((message) => message.body.embeds.length)).toEqual([10]);
    const split = render(manyItems(11));
    expect(split.map((message) => message.body.embeds.length)).toEqual([10, 1]);
    // Each part's headline counts the ads it carries.
    expect(split.map((message) => message.body.content)).toEqual([
      `10 new ads for ${WATCH} (1/2)`,
      `1 new ad for ${WATCH} (2/2)`,
    ]);
    expect(split.map((message) => message.itemIds)).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11]]);
  });

  it('fills a message to exactly 6,000 characters of embed text and splits one character later', () => {
    const big = (id: number, location: number): NotificationItem =>
      newAdItem(id, { title: 'T'.repeat(256), cities: ['C'.repeat(location)] });
    const measure = (item: NotificationItem): number => {
      const [embed] = render([item])[0]?.body.embeds ?? [];
      if (embed === undefined) throw new Error('no embed');
      return measureEmbedText(embed);
    };
    const four = [1, 2, 3, 4].map((id) => big(id, 1024));
    const used = four.reduce((sum, item) => sum + measure(item), 0);
    const room = discordLimits.embedTextPerMessage - used - (measure(big(5, 1)) - 1);
    expect(room).toBeGreaterThan(1);
    expect(room).toBeLessThanOrEqual(discordLimits.fieldValue);

    const fitting = render([...four, big(5, room)]);
    expect(fitting.map((message) => message.itemIds)).toEqual([[1, 2, 3, 4, 5]]);
    const total = fitting[0]?.body.embeds.reduce((sum, embed) => sum + measureEmbedText(embed), 0);
    expect(total).toBe(discordLimits.embedTextPerMessage);

    const split = render([...four, big(5, room + 1)]);
    expect(split.map((message) => message.itemIds)).toEqual([[1, 2, 3, 4], [5]]);
  });

  it('counts title, author, footer and every field name and value as embed text', () => {
    const [embed] = render([samples.newAd])[0]?.body.embeds ?? [];
    if (embed === undefined) throw new Error('no embed');
    const expected =
      embed.title.length +
      'New ad'.length +
      WATCH.length +
      embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(measureEmbedText(embed)).toBe(expected);
    expect(measureEmbedText({ ...embed, footer: undefined } as never)).toBe(expected - WATCH.length);
  });

  it('cuts a field value at 1,024, a title at 256, a footer at 256 and the content at 200 characters', () => {
    const long = 'x'.repeat(5000);
    const item = newAdItem(
      6,
      { title: long, cities: [long], seller: { name: long, url: null, rating: 1, business: false } },
      long,
    );
    const [message] = render([item]);
    const [embed] = message?.body.embeds ?? [];
    expect(embed?.title).toBe(`${'x'.repeat(discordLimits.title - 1)}…`);
    expect(embed?.footer?.text).toBe(`${'x'.repeat(255)}…`);
    expect(embed?.fields.map((field) => field.value.length)).toEqual([
      `84${NBSP}990${NBSP}Ft`.length,
      discordLimits.fieldValue,
      discordLimits.fieldValue,
    ]);
    expect(embed?.fields[1]?.value.endsWith('x…')).toBe(true);
    expect(message?.body.content).toHaveLength(200);
    expect(message?.body.content.endsWith('…')).toBe(true);
  });

  it('keeps the part number of a split batch when a long watch name fills the headline', () => {
    const items = manyItems(11).map((item) => ({
      ...item,
      event: { ...item.event, watch: { ...item.event.watch, name: 'w'.repeat(300) } },
    }));
    const contents = render(items).map((message) => message.body.content);
    expect(contents.map((content) => content.length)).toEqual([200, 200]);
    expect(contents[0]?.endsWith('w… (1/2)')).toBe(true);
    expect(contents[1]?.endsWith('w… (2/2)')).toBe(true);
  });
});
