import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../src/domain/events.js';
import {
  renderTelegram,
  TELEGRAM_TEXT_BUDGET,
  TELEGRAM_TEXT_LIMIT,
} from '../../src/notify/channels/telegram/render.js';
import { newAdItem, renderOptions, samples } from '../helpers/notification-items.js';

const NBSP = '\u00a0';
const WATCH = samples.newAd.event.watch.name;

/** The ad blocks of a message: everything after the headline line. */
function blocksOf(text: string): string {
  return text.slice(text.indexOf('\n\n') + 2);
}

function textsOf(items: NotificationItem[]): string[] {
  return renderTelegram(items, renderOptions, '-100').map((message) => message.body.text);
}

describe('Telegram renders the exact message', () => {
  it('for one new ad: headline, linked title, price, and the location · seller · posted line', () => {
    const [message, ...rest] = renderTelegram([samples.newAd], renderOptions, '-1001234567890');
    expect(rest).toEqual([]);
    expect(message).toEqual({
      itemIds: [1],
      body: {
        chat_id: '-1001234567890',
        text: [
          `<b>1 new ad for ${WATCH}</b>`,
          '',
          '<a href="https://hardverapro.hu/aprok/hardver/videokartya/index.html">' +
            'Eladó ASUS GeForce RTX 3070 8GB – garanciális, számlával, dobozában</a>',
          `New ad: <b>84${NBSP}990${NBSP}Ft</b>`,
          'Budapest, Győr · Kovács Gábor (+42) · 2025-03-01 09:41',
        ].join('\n'),
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      },
      headers: { 'Idempotency-Key': samples.newAd.idempotencyKey },
    });
  });

  it('for a batch in Hungarian, with one idempotency key for the whole message', () => {
    const [message] = renderTelegram([samples.newAd, samples.priceDrop], { ...renderOptions, language: 'hu' }, '7');
    expect(message?.body.text.split('\n\n')).toEqual([
      `<b>${WATCH}: 1 új hirdetés és 1 árváltozás</b>`,
      [
        '<a href="https://hardverapro.hu/aprok/hardver/videokartya/index.html">' +
          'Eladó ASUS GeForce RTX 3070 8GB – garanciális, számlával, dobozában</a>',
        `Új hirdetés: <b>84${NBSP}990${NBSP}Ft</b>`,
        'Budapest, Győr · Kovács Gábor (+42) · 2025-03-01 09:41',
      ].join('\n'),
      [
        '<a href="https://hardverapro.hu/aprok/notebook/index.html">' +
          'Lenovo ThinkPad T14 Gen 2 – i5, 16 GB RAM, újszerű állapotban</a>',
        `Árcsökkenés: <b>180${NBSP}000${NBSP}Ft → 170${NBSP}000${NBSP}Ft (−10${NBSP}000${NBSP}Ft, −5,6${NBSP}%), eddigi legalacsonyabb 165${NBSP}000${NBSP}Ft</b>`,
        'Szeged · Notebook Műhely Kft. (+318, üzleti) · tegnap 18:05',
      ].join('\n'),
    ]);
    const key = message?.headers?.['Idempotency-Key'];
    expect(key).toMatch(/^batch-[0-9a-f]{32}$/);
    const [again] = renderTelegram([samples.newAd, samples.priceDrop], renderOptions, '7');
    expect(again?.headers?.['Idempotency-Key']).toBe(key);
    const [other] = renderTelegram([samples.newAd, newAdItem(9)], renderOptions, '7');
    expect(other?.headers?.['Idempotency-Key']).not.toBe(key);
  });

  it('leaves out empty details and the whole line when there are none', () => {
    const noCity = newAdItem(2, { cities: [] });
    expect(blocksOf(textsOf([noCity])[0] ?? '').split('\n')[2]).toBe('Kovács Gábor (+42) · 2025-03-01 09:41');
    const bare = newAdItem(3, {
      cities: [],
      seller: { name: '', url: null, rating: null, business: false },
      postedAt: null,
      timeText: ' ',
    });
    expect(blocksOf(textsOf([bare])[0] ?? '').split('\n')).toEqual([
      '<a href="https://hardverapro.hu/apro/ad_3/friss.html">Eladó ASUS GeForce RTX 3070 8GB – garanciális, számlával, dobozában</a>',
      `New ad: <b>84${NBSP}990${NBSP}Ft</b>`,
      'no rating',
    ]);
  });

  it('leaves out a detail made of blanks only', () => {
    const blankCity = newAdItem(2, { cities: ['  '] });
    expect(blocksOf(textsOf([blankCity])[0] ?? '').split('\n')[2]).toBe('Kovács Gábor (+42) · 2025-03-01 09:41');
  });

  it('escapes &, <, > and " in text and links', () => {
    const item = newAdItem(4, { title: 'Say "hi" & <wave>', url: 'https://x.example/a?b=1&c="2"' });
    const [title] = blocksOf(textsOf([item])[0] ?? '').split('\n');
    expect(title).toBe('<a href="https://x.example/a?b=1&amp;c=%222%22">Say &quot;hi&quot; &amp; &lt;wave&gt;</a>');
  });

  it('falls back to a bold title for a link longer than 1,000 characters once escaped', () => {
    const base = 'https://hardverapro.hu/apro/';
    const fits = `${base}${'a'.repeat(1000 - base.length)}`;
    const tooLong = `${fits}a`;
    const [linked] = blocksOf(textsOf([newAdItem(5, { url: fits, title: 'T' })])[0] ?? '').split('\n');
    expect(linked).toBe(`<a href="${fits}">T</a>`);
    const [bold] = blocksOf(textsOf([newAdItem(5, { url: tooLong, title: 'T' })])[0] ?? '').split('\n');
    expect(bold).toBe('<b>T</b>');
    // Escaping counts: 200 "&" become 1,000 characters of "&amp;".
    const escaped = `${base}?${'&'.repeat(200)}`;
    const [escapedBold] = blocksOf(textsOf([newAdItem(5, { url: escaped, title: 'T' })])[0] ?? '').split('\n');
    expect(escapedBold).toBe('<b>T</b>');
  });
});

describe('Telegram splits at the budget’s edge', () => {
  /** A big first ad, escape-heavy so that every character counts five or six times. */
  const big = newAdItem(1, { title: '&'.repeat(256), cities: ['"'.repeat(256)] });
  /** A second ad whose escaped title is exactly `extra` characters longer than the bare one. */
  const grown = (extra: number): NotificationItem =>
    newAdItem(2, { title: `${'&'.repeat(Math.floor(extra / 5))}${'y'.repeat(extra % 5)}` || 'y' });

  it('fills a message to exactly the budget, and splits one character later', () => {
    let edge = -1;
    for (let extra = 1; extra < 1250 && edge === -1; extra += 1) {
      if (textsOf([big, grown(extra)]).length === 2) edge = extra;
    }
    expect(edge).toBeGreaterThan(1);
    const [full, ...none] = textsOf([big, grown(edge - 1)]);
    expect(none).toEqual([]);
    // The budget keeps room for a " (99/99)" suffix the single message does not need.
    expect(full?.length).toBe(TELEGRAM_TEXT_BUDGET - ' (99/99)'.length);

    const split = textsOf([big, grown(edge)]);
    const headline = `<b>2 new ads for ${WATCH}</b>`;
    expect(split[0]?.startsWith(`${headline} (1/2)\n\n<a href="https://hardverapro.hu/apro/ad_1/`)).toBe(true);
    expect(split[1]?.startsWith(`${headline} (2/2)\n\n<a href="https://hardverapro.hu/apro/ad_2/`)).toBe(true);
    for (const text of split) expect(text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_BUDGET);
  });

  it('numbers every part and keeps every ad whole and in order', () => {
    const items = Array.from({ length: 3 }, (_, index) =>
      newAdItem(index + 1, { title: '"'.repeat(256), cities: ['&'.repeat(256)] }),
    );
    const messages = renderTelegram(items, renderOptions, '1');
    expect(messages.map((message) => message.itemIds)).toEqual([[1], [2], [3]]);
    messages.forEach((message, index) => {
      expect(message.body.text.startsWith(`<b>3 new ads for ${WATCH}</b> (${index + 1}/3)\n\n`)).toBe(true);
      expect(message.headers?.['Idempotency-Key']).toBe(`key-${index + 1}`);
    });
  });

  // Each ad fills most of a message, so n ads take n parts. The reserve for the suffix is the longest one the batch
  // can need: 99 parts end in an 8-character " (99/99)", 120 parts in a 10-character " (120/120)".
  it.each([99, 120])('fills the last of %i parts to exactly the budget, its suffix included', (count) => {
    const heavy = { title: '"'.repeat(256), cities: ['&'.repeat(256)] };
    const fillers = Array.from({ length: count - 1 }, (_, index) => newAdItem(index + 1, heavy));
    const lastText = (extra: number): string => {
      const name = `${'&'.repeat(Math.floor(extra / 5))}${'y'.repeat(extra % 5)}`;
      const last = newAdItem(count, { ...heavy, seller: { name, url: null, rating: 1, business: false } });
      const texts = textsOf([...fillers, last]);
      expect(texts).toHaveLength(count);
      return texts[count - 1] ?? '';
    };
    const whole = (text: string): boolean => text.includes('&quot;'.repeat(256));
    // The largest last ad that still fits unshortened fills its message to the budget, suffix included.
    let fits = 0;
    let shortened = 1200;
    expect(whole(lastText(fits))).toBe(true);
    expect(whole(lastText(shortened))).toBe(false);
    while (shortened - fits > 1) {
      const middle = Math.floor((fits + shortened) / 2);
      if (whole(lastText(middle))) fits = middle;
      else shortened = middle;
    }
    const fullest = lastText(fits);
    expect(fullest.startsWith(`<b>${count} new ads for ${WATCH}</b> (${count}/${count})\n\n`)).toBe(true);
    expect(fullest.length).toBe(TELEGRAM_TEXT_BUDGET);
  });
});

describe('Telegram shortens an ad that alone exceeds the budget', () => {
  it('halves its texts until it fits, keeping the link', () => {
    const heavy = '"'.repeat(256);
    const url = `https://hardverapro.hu/apro/${'a'.repeat(900)}`;
    const item = newAdItem(1, {
      title: heavy,
      url,
      priceKind: 'unknown',
      price: null,
      priceText: heavy,
      cities: [heavy],
      seller: { name: heavy, url: null, rating: 5, business: false },
      postedAt: null,
      timeText: heavy,
    });
    const [text, ...rest] = textsOf([item]);
    expect(rest).toEqual([]);
    expect(text?.length).toBeLessThanOrEqual(TELEGRAM_TEXT_BUDGET);
    expect(text?.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    // 256, then 128 characters are still too long next to a 928-character link; 64 fit.
    const cut = `${'&quot;'.repeat(63)}…`;
    expect(blocksOf(text ?? '').split('\n')).toEqual([
      `<a href="${url}">${cut}</a>`,
      `New ad: <b>${cut}</b>`,
      `${cut} · ${cut} · ${cut}`,
    ]);
  });

  it('keeps short ads of the same batch untouched', () => {
    const [text] = textsOf([newAdItem(1, { title: 'x'.repeat(300) }), newAdItem(2)]);
    expect(text).toContain(`>${'x'.repeat(255)}…</a>`);
  });
});

describe('Telegram for any input', () => {
  it('keeps every message within the budget and every ad in exactly one message, in order', () => {
    const escapeHeavy = fc.string({ unit: fc.constantFrom('&', '<', '>', '"', 'a', 'é', '😀'), maxLength: 400 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: escapeHeavy, city: escapeHeavy, seller: escapeHeavy }), {
          minLength: 1,
          maxLength: 25,
        }),
        escapeHeavy,
        (ads, watchName) => {
          const items = ads.map((ad, index) =>
            newAdItem(
              index + 1,
              {
                title: ad.title,
                cities: [ad.city],
                seller: { name: ad.seller, url: null, rating: 0, business: false },
              },
              watchName,
            ),
          );
          const messages = renderTelegram(items, renderOptions, '1');
          expect(messages.flatMap((message) => message.itemIds)).toEqual(items.map((item) => item.id));
          for (const { body } of messages) expect(body.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_BUDGET);
        },
      ),
      { numRuns: 50 },
    );
  });
});
