import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { describeBotConfig, plan2021Databank } from '../../src/import/databank-2021.js';

const SAMPLE_DIR = resolve(import.meta.dirname, '../fixtures/legacy/pyhabot-2021-databank');
const sample = JSON.parse(readFileSync(resolve(SAMPLE_DIR, 'viewers.json'), 'utf8')) as unknown;
const options = { source: 'viewers.json', allowAnyHost: false };
const WEBHOOK = 'https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const SECRET = 'AbCdEf0123456789TokenXyz';

function databank(list: Record<string, unknown>): unknown {
  return { AI: Object.keys(list).length, list };
}

function expectShapeError(run: () => unknown, message: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UserError);
  expect((thrown as UserError).message).toMatch(message);
  expect((thrown as UserError).message).not.toContain('\n');
}

describe('plan2021Databank on the sample', () => {
  const plan = plan2021Databank(sample, options);

  it('plans every watch of the sample in id order', () => {
    expect(plan.format).toBe('pyhabot-2021');
    expect(plan.skipped).toEqual([]);
    expect(plan.watches.map((watch) => [watch.entries, watch.name])).toEqual([
      [['1'], 'Apróhirdetések'],
      [['3'], 'iPhone'],
      [['4'], 'GeForce 30xx'],
    ]);
  });

  it('keeps the search URL as the browser produced it, repeated parameters included', () => {
    expect(plan.watches[0]?.url).toBe(
      'https://hardverapro.hu/aprok/keres.php?stext=rtx+3080&stcid_text=&stcid=&stmid_text=&stmid=&minprice=100000&maxprice=180000&cmpid_text=&cmpid=&usrid_text=&usrid=&__buying=0&__buying=1&stext_none=&__brandnew=1&__brandnew=0',
    );
  });

  it('carries lastseen over as "seen up to" with the baseline done, and lastseen false as a fresh watch', () => {
    expect(plan.watches.map((watch) => [watch.seenUpToId, watch.baselineDone])).toEqual([
      [7318447, true],
      [null, false],
      [7301122, true],
    ]);
    expect(plan.watches.every((watch) => watch.ads.length === 0)).toBe(true);
  });

  it('turns a webhook into a Discord target and lists chat channels as not carried over', () => {
    const [webhook, discordChannel, telegramChat] = plan.watches;
    expect(webhook?.targets).toEqual([
      'https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-abcdefghijklmnopqrstuvwxyzABCDEF',
    ]);
    expect(webhook?.skippedTargets).toEqual([]);
    expect(discordChannel?.targets).toEqual([]);
    expect(discordChannel?.skippedTargets).toEqual([
      { target: 'Discord channel of the old bot', reason: expect.stringMatching(/token/) },
    ]);
    expect(telegramChat?.skippedTargets).toEqual([
      { target: 'Telegram chat of the old bot', reason: expect.stringMatching(/token/) },
    ]);
  });

  it('describes config.json when one was found, and never imports it', () => {
    const text = readFileSync(resolve(SAMPLE_DIR, 'config.json'), 'utf8');
    const withConfig = plan2021Databank(sample, { ...options, botConfig: { path: 'config.json', text } });
    expect(withConfig.notes).toEqual([expect.stringMatching(/command prefix "!", refresh interval 60 s/)]);
    expect(plan.notes).toEqual([]);
    expect(describeBotConfig({ path: 'config.json', text: '{oops' })).toMatch(/not valid JSON/);
    expect(describeBotConfig({ path: 'config.json', error: 'permission denied' })).toMatch(/permission denied/);
  });
});

describe('plan2021Databank on edge cases', () => {
  it.each([
    ['another host', 'https://example.com/aprok/mobil/index.html', /example\.com is not HardverApró/],
    ['an ad page', 'https://hardverapro.hu/apro/some_ad/friss.html', /not a HardverApró listing/],
    ['not a URL', 'just words', /not a URL/],
  ])('skips a watch whose URL pyhabot refuses (%s) with the reason', (_label, url, reason) => {
    const plan = plan2021Databank(
      databank({ '1': { url: MOBIL, category_name: 'ok', lastseen: 1, notifyon: null }, '2': { url, lastseen: 5 } }),
      options,
    );
    expect(plan.watches.map((watch) => watch.entries)).toEqual([['1']]);
    expect(plan.skipped).toEqual([{ entry: '2', url, reason: expect.stringMatching(reason) }]);
  });

  it('never shows a password written into a refused URL', () => {
    const url = 'https://user:Secret-Pass-1234@hardverapro.hu/aprok/mobil/index.html';
    const plan = plan2021Databank(databank({ '1': { url } }), options);
    expect(plan.skipped).toEqual([
      {
        entry: '1',
        url: 'https://hardverapro.hu/aprok/mobil/index.html',
        reason: expect.stringMatching(/user name or password/),
      },
    ]);
  });

  it('accepts another host with allowAnyHost', () => {
    const url = 'http://127.0.0.1:8080/aprok/mobil/index.html';
    const plan = plan2021Databank(databank({ '1': { url, lastseen: false } }), { ...options, allowAnyHost: true });
    expect(plan.watches[0]?.url).toBe(url);
  });

  it('fills in what is missing: no name, no notifyon, no lastseen', () => {
    const plan = plan2021Databank(databank({ '7': { url: `${MOBIL}?offset=100` } }), options);
    expect(plan.watches).toEqual([
      expect.objectContaining({
        entries: ['7'],
        url: MOBIL,
        name: 'mobil',
        targets: [],
        skippedTargets: [],
        seenUpToId: null,
        baselineDone: false,
      }),
    ]);
  });

  it('falls back to the default name, with a note, when category_name cannot be a name', () => {
    const plan = plan2021Databank(databank({ '1': { url: MOBIL, category_name: 'bad\u0007name' } }), options);
    expect(plan.watches[0]?.name).toBe('mobil');
    expect(plan.watches[0]?.notes).toEqual([expect.stringMatching(/control characters/)]);
  });

  it('sends a webhook on another host Discord-format messages, as the old bot did', () => {
    const plan = plan2021Databank(
      databank({ '1': { url: MOBIL, notifyon: { on: 'webhook', url: 'https://hooks.example.org/relay/abc' } } }),
      options,
    );
    expect(plan.watches[0]?.targets).toEqual(['discord+https://hooks.example.org/relay/abc']);
    expect(plan.watches[0]?.notes).toEqual([expect.stringMatching(/Discord-format/)]);
  });

  it('reports a webhook URL pyhabot cannot use, masked', () => {
    const plan = plan2021Databank(
      databank({ '1': { url: MOBIL, notifyon: { on: 'webhook', url: `https://discord.com/hooks/${SECRET}` } } }),
      options,
    );
    expect(plan.watches[0]?.targets).toEqual([]);
    expect(plan.watches[0]?.skippedTargets).toEqual([
      { target: 'https://discord.com/hooks/****', reason: expect.stringMatching(/not a target pyhabot can use/) },
    ]);
    expect(JSON.stringify(plan)).not.toContain(SECRET);
  });

  it('folds entries for the same search into one watch: targets joined, the lower lastseen kept', () => {
    const plan = plan2021Databank(
      databank({
        '1': { url: MOBIL, category_name: 'first', lastseen: 900, notifyon: { on: 'webhook', url: WEBHOOK } },
        '2': {
          url: `${MOBIL}?_tc=1`,
          category_name: 'second',
          lastseen: 700,
          notifyon: { on: 'webhook', url: `${WEBHOOK}x` },
        },
        '3': { url: MOBIL, lastseen: false, notifyon: { on: 'webhook', url: WEBHOOK } },
      }),
      options,
    );
    expect(plan.watches).toHaveLength(1);
    expect(plan.watches[0]).toMatchObject({
      entries: ['1', '2', '3'],
      name: 'first',
      targets: [WEBHOOK, `${WEBHOOK}x`],
      seenUpToId: 700,
      baselineDone: true,
    });
    expect(plan.watches[0]?.notes).toEqual([
      expect.stringMatching(/entry 2 watches the same search as entry 1/),
      expect.stringMatching(/entry 3 watches the same search as entry 1/),
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('orders entries by their numeric id', () => {
    const list: Record<string, unknown> = {};
    for (const id of ['10', '9', '100']) list[id] = { url: `https://hardverapro.hu/aprok/c${id}/index.html` };
    expect(plan2021Databank(databank(list), options).watches.map((watch) => watch.entries[0])).toEqual([
      '9',
      '10',
      '100',
    ]);
  });

  it('plans nothing for an empty list', () => {
    expect(plan2021Databank({ AI: 0, list: {} }, options)).toEqual({
      format: 'pyhabot-2021',
      watches: [],
      skipped: [],
      notes: [],
    });
  });

  it.each([
    ['list is not an object', { AI: 1, list: [] }, /viewers\.json: list should be an object, not a list/],
    ['an entry is not an object', databank({ '1': 'x' }), /list\.1 should be an object, not a string/],
    ['the url is missing', databank({ '1': { category_name: 'x' } }), /list\.1\.url should be a string, it is missing/],
    ['the url is a number', databank({ '1': { url: 5 } }), /list\.1\.url should be a string, not 5/],
    [
      'lastseen is a string',
      databank({ '1': { url: MOBIL, lastseen: '7318447' } }),
      /list\.1\.lastseen should be an ad id/,
    ],
    ['lastseen is true', databank({ '1': { url: MOBIL, lastseen: true } }), /lastseen should be an ad id .* not true/],
    ['lastseen is a fraction', databank({ '1': { url: MOBIL, lastseen: 1.5 } }), /lastseen/],
    [
      'category_name is a number',
      databank({ '1': { url: MOBIL, category_name: 3 } }),
      /category_name should be a string/,
    ],
    ['notifyon is a string', databank({ '1': { url: MOBIL, notifyon: 'webhook' } }), /notifyon should be an object/],
    [
      'a webhook without url',
      databank({ '1': { url: MOBIL, notifyon: { on: 'webhook' } } }),
      /list\.1\.notifyon\.url should be a string/,
    ],
  ])('refuses a file whose field has the wrong type: %s', (_label, document, message) => {
    expectShapeError(() => plan2021Databank(document, options), message);
  });
});
