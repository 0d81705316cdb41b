import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../src/domain/events.js';
import { renderSlack, type SlackBlock, slackLimits } from '../../src/notify/channels/slack/render.js';
import { manyItems, newAdItem, renderOptions, samples } from '../helpers/notification-items.js';

const NBSP = '\u00a0';
const WATCH = samples.newAd.event.watch.name;
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });

function adSection(items: NotificationItem[]): Extract<SlackBlock, { type: 'section' }> {
  const block = renderSlack(items, renderOptions)[0]?.body.blocks[1];
  if (block?.type !== 'section') throw new Error('expected an ad section');
  return block;
}

describe('Slack renders the exact message', () => {
  it('for one new ad: headline section, linked title, four fields and a fallback text', () => {
    expect(renderSlack([samples.newAd], renderOptions)).toEqual([
      {
        itemIds: [1],
        body: {
          text: `1 new ad for ${WATCH}\n• Eladó ASUS GeForce RTX 3070 8GB – garanciális, számlával, dobozában`,
          blocks: [
            { type: 'section', text: mrkdwn(`*1 new ad for ${WATCH}*`) },
            {
              type: 'section',
              text: mrkdwn(
                '*<https://hardverapro.hu/aprok/hardver/videokartya/index.html|' +
                  'Eladó ASUS GeForce RTX 3070 8GB – garanciális, számlával, dobozában>*',
              ),
              fields: [
                mrkdwn(`*Price*\n84${NBSP}990${NBSP}Ft`),
                mrkdwn('*Location*\nBudapest, Győr'),
                mrkdwn('*Seller*\nKovács Gábor (+42)'),
                mrkdwn('*Posted*\n2025-03-01 09:41'),
              ],
            },
          ],
          unfurl_links: false,
          unfurl_media: false,
        },
        headers: { 'Idempotency-Key': samples.newAd.idempotencyKey },
      },
    ]);
  });

  it('separates ads with dividers, names a price change by its kind, and unfurls when asked', () => {
    const [message] = renderSlack([samples.newAd, samples.priceDrop], { ...renderOptions, linkPreview: true });
    expect(message?.body.blocks.map((block) => block.type)).toEqual(['section', 'section', 'divider', 'section']);
    const drop = message?.body.blocks[3];
    if (drop?.type !== 'section') throw new Error('expected a section');
    expect(drop.fields?.[0]).toEqual(
      mrkdwn(
        `*Price drop*\n180${NBSP}000${NBSP}Ft → 170${NBSP}000${NBSP}Ft (−10${NBSP}000${NBSP}Ft, −5.6${NBSP}%), lowest seen 165${NBSP}000${NBSP}Ft`,
      ),
    );
    expect(message?.body).toMatchObject({ unfurl_links: true, unfurl_media: true });
    expect(message?.headers?.['Idempotency-Key']).toMatch(/^batch-[0-9a-f]{32}$/);
  });
});

describe('Slack limits', () => {
  it('puts 20 ads in a message and the 21st in the next, numbering the parts', () => {
    const [single, ...none] = renderSlack(manyItems(20), renderOptions);
    expect(none).toEqual([]);
    expect(single?.body.blocks).toHaveLength(1 + 20 + 19);
    const split = renderSlack(manyItems(21), renderOptions);
    expect(split.map((message) => message.itemIds.length)).toEqual([20, 1]);
    expect(split.map((message) => message.body.blocks[0])).toEqual([
      { type: 'section', text: mrkdwn(`*20 new ads for ${WATCH} (1/2)*`) },
      { type: 'section', text: mrkdwn(`*1 new ad for ${WATCH} (2/2)*`) },
    ]);
  });

  it('links a title while the escaped link fits 1,500 characters, and shows it bold beyond', () => {
    const base = 'https://x.example/';
    const fits = `${base}${'a'.repeat(1500 - base.length)}`;
    expect(adSection([newAdItem(1, { url: fits, title: 'T' })]).text.text).toBe(`*<${fits}|T>*`);
    expect(adSection([newAdItem(1, { url: `${fits}a`, title: 'T' })]).text.text).toBe('*T*');
    // "&" counts as the five characters of "&amp;".
    const escaped = `${base}?${'&'.repeat(297)}`;
    expect(adSection([newAdItem(1, { url: escaped, title: 'T' })]).text.text).toBe('*T*');
  });

  it('keeps the worst escaping within the section and field limits', () => {
    const worst = '&'.repeat(5000);
    const item = newAdItem(1, {
      title: worst,
      url: `https://x.example/${'a'.repeat(1482)}`,
      cities: [worst],
      seller: { name: worst, url: null, rating: 1, business: false },
    });
    const section = adSection([item]);
    expect(section.text.text).toBe(`*<https://x.example/${'a'.repeat(1482)}|${'&amp;'.repeat(199)}…>*`);
    expect(section.text.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
    expect(section.fields?.[1]).toEqual(mrkdwn(`*Location*\n${'&amp;'.repeat(299)}…`));
    for (const field of section.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(slackLimits.fieldText);
  });

  it('writes the fallback text in whole lines up to 3,000 characters', () => {
    const items = Array.from({ length: 5 }, (_, index) => newAdItem(index + 1, { title: '<'.repeat(201) }));
    const [message] = renderSlack(items, renderOptions);
    const line = `\n• ${'&lt;'.repeat(199)}…`;
    expect(line).toHaveLength(800);
    // The headline and three 800-character lines fit; a fourth would pass 3,000.
    expect(message?.body.text).toBe(`5 new ads for ${WATCH}${line}${line}${line}`);
  });

  it('fills the fallback text to exactly 3,000 characters and leaves out a line one character longer', () => {
    const big = Array.from({ length: 3 }, (_, index) => newAdItem(index + 1, { title: '<'.repeat(201) }));
    const headline = `4 new ads for ${WATCH}`;
    // The fourth line is "\n• " and an escaped title of what is left: "&lt;" counts four, "y" one.
    const left = 3000 - headline.length - 3 * 800 - 3;
    const lastTitle = (extra: number) =>
      `${'<'.repeat(Math.floor((left + extra) / 4))}${'y'.repeat((left + extra) % 4)}`;
    const textOf = (extra: number) =>
      renderSlack([...big, newAdItem(4, { title: lastTitle(extra) })], renderOptions)[0]?.body.text ?? '';
    expect(textOf(0)).toHaveLength(3000);
    expect(textOf(0).endsWith(`\n• ${lastTitle(0).replaceAll('<', '&lt;')}`)).toBe(true);
    expect(textOf(1).split('\n')).toHaveLength(4);
  });

  it('leaves out a field with no value or blanks only', () => {
    for (const cities of [[], ['  ']]) {
      const section = adSection([newAdItem(1, { cities })]);
      expect(section.fields?.map((field) => field.text.split('\n')[0])).toEqual(['*Price*', '*Seller*', '*Posted*']);
    }
  });

  it('percent-encodes a | in a link, which would end the link early', () => {
    const section = adSection([
      newAdItem(1, { url: 'https://hardverapro.hu/apro/a|b/friss.html?c=1|2&d=3', title: 'T' }),
    ]);
    expect(section.text.text).toBe('*<https://hardverapro.hu/apro/a%7Cb/friss.html?c=1%7C2&amp;d=3|T>*');
  });

  it('stays within every limit for escape-heavy input', () => {
    const text = fc.string({ unit: fc.constantFrom('&', '<', '>', '*', '_', '~', '`', '@', 'a'), maxLength: 600 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 25 }), text, (ads, watchName) => {
        const items = ads.map(([title, city], index) => newAdItem(index + 1, { title, cities: [city] }, watchName));
        const messages = renderSlack(items, renderOptions);
        expect(messages.flatMap((message) => message.itemIds)).toEqual(items.map((item) => item.id));
        for (const { body } of messages) {
          expect(body.text.length).toBeLessThanOrEqual(3000);
          expect(body.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
          for (const block of body.blocks) {
            if (block.type !== 'section') continue;
            expect(block.text.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
            expect(block.fields?.length ?? 0).toBeLessThanOrEqual(slackLimits.fieldsPerSection);
            for (const field of block.fields ?? []) {
              expect(field.text.length).toBeLessThanOrEqual(slackLimits.fieldText);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
