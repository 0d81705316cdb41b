import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NTFY_SINGLE_AD_LIMIT, renderNtfy } from '../../src/notify/channels/ntfy/render.js';
import { manyItems, newAdItem, renderOptions, samples } from '../helpers/notification-items.js';

const NBSP = '\u00a0';
const WATCH = samples.newAd.event.watch;
/** Above this many bytes ntfy turns a message into an attachment. */
const NTFY_MESSAGE_BYTES = 4096;

describe('ntfy renders the exact message', () => {
  it('for a price drop on its own', () => {
    expect(renderNtfy([samples.priceDrop], { ...renderOptions, language: 'hu' }, 'alerts')).toEqual([
      {
        itemIds: [2],
        body: {
          topic: 'alerts',
          title: 'Lenovo ThinkPad T14 Gen 2 – i5, 16 GB RAM, újszerű állapotban',
          message: [
            `Árcsökkenés: 180${NBSP}000${NBSP}Ft → 170${NBSP}000${NBSP}Ft (−10${NBSP}000${NBSP}Ft, −5,6${NBSP}%), eddigi legalacsonyabb 165${NBSP}000${NBSP}Ft`,
            'Szeged',
            'Notebook Műhely Kft. (+318, üzleti)',
            'tegnap 18:05',
            `Figyelő: ${WATCH.name}`,
          ].join('\n'),
          tags: ['chart_with_downwards_trend'],
          click: 'https://hardverapro.hu/aprok/notebook/index.html',
        },
        headers: { 'Idempotency-Key': samples.priceDrop.idempotencyKey },
      },
    ]);
  });

  it('leaves out empty lines and a click that is not a web link', () => {
    const item = newAdItem(3, { cities: [], url: 'javascript:alert(1)' });
    const [message] = renderNtfy([item], renderOptions, 't');
    expect(message?.body.message.split('\n')).toEqual([
      `New ad: 84${NBSP}990${NBSP}Ft`,
      'Kovács Gábor (+42)',
      '2025-03-01 09:41',
      `Watch: ${WATCH.name}`,
    ]);
    expect(message?.body.click).toBeUndefined();
  });
  it('tags each kind of news with its own emoji', () => {
    const drop = samples.priceDrop;
    if (drop.event.type !== 'price_changed') throw new Error('sample changed');
    const rise = { ...drop, id: 3, event: { ...drop.event, oldPrice: 150_000 } };
    const other = { ...drop, id: 4, event: { ...drop.event, oldPrice: null, oldPriceKind: 'unknown' as const } };
    const tags = renderNtfy([samples.newAd, drop, rise, other], renderOptions, 't').map((message) => message.body.tags);
    expect(tags).toEqual([['new'], ['chart_with_downwards_trend'], ['chart_with_upwards_trend'], ['label']]);
  });

  it('leaves out a line made of blanks only', () => {
    const [message] = renderNtfy([newAdItem(3, { cities: ['  '] })], renderOptions, 't');
    expect(message?.body.message.split('\n')[1]).toBe('Kovács Gábor (+42)');
  });
});

describe('ntfy batches', () => {
  it(`sends ${NTFY_SINGLE_AD_LIMIT} ads one by one, and one more as a single summary`, () => {
    const singles = renderNtfy(manyItems(NTFY_SINGLE_AD_LIMIT), renderOptions, 't');
    expect(singles.map((message) => message.itemIds)).toEqual([[1], [2], [3], [4], [5]]);
    expect(singles.map((message) => message.headers)).toEqual(
      [1, 2, 3, 4, 5].map((id) => ({ 'Idempotency-Key': `key-${id}` })),
    );

    const [summary, ...none] = renderNtfy(manyItems(NTFY_SINGLE_AD_LIMIT + 1), renderOptions, 't');
    expect(none).toEqual([]);
    expect(summary?.itemIds).toEqual([1, 2, 3, 4, 5, 6]);
    expect(summary?.headers?.['Idempotency-Key']).toMatch(/^batch-[0-9a-f]{32}$/);
    expect(summary?.body).toEqual({
      topic: 't',
      title: `6 new ads for ${WATCH.name}`,
      message: [...[1, 2, 3, 4, 5].map((id) => `• Hirdetés száma ${id} — 84${NBSP}990${NBSP}Ft`), '… and 1 more'].join(
        '\n',
      ),
      tags: ['new'],
      click: WATCH.url,
    });
  });

  it('tags a mixed summary with each kind once, in order of appearance', () => {
    const items = [samples.priceDrop, ...manyItems(5), samples.priceDrop].map((item, index) => ({
      ...item,
      id: index + 1,
    }));
    const [summary] = renderNtfy(items, renderOptions, 't');
    expect(summary?.body.tags).toEqual(['chart_with_downwards_trend', 'new']);
    expect(summary?.body.title).toBe(`5 new ads and 2 price changes for ${WATCH.name}`);
  });

  it('opens nothing from a summary whose watch address is not a web link', () => {
    const items = manyItems(6).map((item) => ({ ...item, event: { ...item.event, watch: { ...WATCH, url: 'x:y' } } }));
    const [summary] = renderNtfy(items, renderOptions, 't');
    expect(summary?.body.click).toBeUndefined();
  });

  it('cuts titles at 200 and lines at 150 characters', () => {
    const long = 'x'.repeat(1000);
    const [single] = renderNtfy([newAdItem(1, { title: long, cities: [long] })], renderOptions, 't');
    expect(single?.body.title).toBe(`${'x'.repeat(199)}…`);
    expect(single?.body.message.split('\n')[1]).toBe(`${'x'.repeat(149)}…`);
    const [summary] = renderNtfy(
      manyItems(6).map((item) => newAdItem(item.id, { title: long })),
      renderOptions,
      't',
    );
    for (const line of summary?.body.message.split('\n') ?? []) expect(line.length).toBeLessThanOrEqual(150);
  });

  it('stays below the attachment threshold for any input', () => {
    const text = fc.string({ unit: 'binary', maxLength: 2000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 12 }), text, (ads, watchName) => {
        const items = ads.map(([title, city], index) => newAdItem(index + 1, { title, cities: [city] }, watchName));
        const messages = renderNtfy(items, renderOptions, 't');
        expect(messages.flatMap((message) => message.itemIds)).toEqual(items.map((item) => item.id));
        for (const { body } of messages) {
          expect(Buffer.byteLength(body.message, 'utf8')).toBeLessThan(NTFY_MESSAGE_BYTES);
          expect(body.title.length).toBeLessThanOrEqual(200);
        }
      }),
      { numRuns: 40 },
    );
  });
});
