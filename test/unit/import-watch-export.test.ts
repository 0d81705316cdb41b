import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { WatchFilter } from '../../src/domain/ad-filter.js';
import { UserError } from '../../src/domain/errors.js';
import { maskTarget } from '../../src/domain/targets/parse-target.js';
import type { Watch } from '../../src/domain/watch.js';
import type { WatchRules } from '../../src/domain/watch-rules.js';
import { buildWatchExport, isMaskedTarget, serializeWatchExport } from '../../src/import/export-file.js';
import { planWatchExport } from '../../src/import/read-export-file.js';

const options = { source: 'watches.yaml', allowAnyHost: false };
const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const SEARCH = 'https://hardverapro.hu/aprok/keres.php?stext=rtx+3080&maxprice=150000';
const DISCORD = 'https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const TELEGRAM = 'tgram://123456:AAbbCCddEEffGGhh1234/-1001234567890';

function watch(id: number, fields: Partial<Watch>): Watch {
  return {
    id,
    name: `watch ${id}`,
    url: MOBIL,
    enabled: true,
    notify: [],
    notifyExisting: false,
    maxPages: null,
    seenUpToId: 42,
    createdAt: '2025-12-19T15:30:00.000Z',
    updatedAt: '2025-12-19T15:30:00.000Z',
    lastCheck: {
      baselineDone: true,
      checkedAt: null,
      status: null,
      adsSeen: null,
      events: null,
      errorKind: null,
      errorMessage: null,
      consecutiveFailures: 0,
      lastSuccessAt: null,
    },
    ...fields,
  };
}

const watches = [
  watch(1, { name: 'phones', notify: [DISCORD, TELEGRAM], maxPages: 3 }),
  watch(2, { name: 'GPU', url: SEARCH, enabled: false, notifyExisting: true }),
];
const exportedAt = new Date('2025-12-20T08:00:00Z');

describe('buildWatchExport', () => {
  it('writes the settings of each watch under a format marker and version, and nothing checks recorded', () => {
    const document = buildWatchExport(watches, { exportedAt, includeSecrets: true, mask: maskTarget });
    expect(document).toEqual({
      format: 'pyhabot-watches',
      version: 1,
      exportedAt: '2025-12-20T08:00:00.000Z',
      watches: [
        { name: 'phones', url: MOBIL, enabled: true, notify: [DISCORD, TELEGRAM], notifyExisting: false, maxPages: 3 },
        { name: 'GPU', url: SEARCH, enabled: false, notify: [], notifyExisting: true, maxPages: null },
      ],
    });
  });

  it('masks every target unless secrets are included', () => {
    const document = buildWatchExport(watches, { exportedAt, includeSecrets: false, mask: maskTarget });
    const notify = document.watches[0]?.notify ?? [];
    expect(notify).toEqual(['https://discord.com/api/webhooks/1122…/****', 'tgram://****/-1001234567890']);
    expect(notify.every(isMaskedTarget)).toBe(true);
    expect(JSON.stringify(document)).not.toContain('AbCdEfGh');
  });

  it('serialises as JSON and as YAML that both read back to the same document', () => {
    const document = buildWatchExport(watches, { exportedAt, includeSecrets: true, mask: maskTarget });
    const json = serializeWatchExport(document, 'json');
    const yaml = serializeWatchExport(document, 'yaml');
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(document);
    expect(parseYaml(yaml)).toEqual(document);
  });
});

describe('planWatchExport', () => {
  it('plans an export exactly as it was written', () => {
    const document = buildWatchExport(watches, { exportedAt, includeSecrets: true, mask: maskTarget });
    const plan = planWatchExport(JSON.parse(serializeWatchExport(document, 'json')), options);
    expect(plan.format).toBe('pyhabot-export');
    expect(plan.skipped).toEqual([]);
    expect(plan.watches).toEqual([
      {
        entries: ['1'],
        url: MOBIL,
        name: 'phones',
        enabled: true,
        notifyExisting: false,
        maxPages: 3,
        targets: [DISCORD, TELEGRAM],
        skippedTargets: [],
        seenUpToId: null,
        baselineDone: false,
        ads: [],
        notes: [],
      },
      expect.objectContaining({ entries: ['2'], url: SEARCH, name: 'GPU', enabled: false, notifyExisting: true }),
    ]);
  });

  it('skips masked targets with the reason', () => {
    const document = buildWatchExport(watches, { exportedAt, includeSecrets: false, mask: maskTarget });
    const plan = planWatchExport(document, options);
    expect(plan.watches[0]?.targets).toEqual([]);
    expect(plan.watches[0]?.skippedTargets).toEqual([
      {
        target: 'https://discord.com/api/webhooks/1122…/****',
        reason: expect.stringMatching(/^secret was masked at export/),
      },
      { target: 'tgram://****/-1001234567890', reason: expect.stringMatching(/^secret was masked at export/) },
    ]);
  });

  it('accepts a hand-written file with only URLs, leaving notifyExisting to the config', () => {
    const plan = planWatchExport({ format: 'pyhabot-watches', version: 1, watches: [{ url: SEARCH }] }, options);
    expect(plan.watches[0]).toMatchObject({
      name: 'rtx 3080',
      enabled: true,
      notifyExisting: null,
      maxPages: null,
      targets: [],
    });
  });

  it('skips a refused URL and a target that does not parse, and merges a repeated search', () => {
    const plan = planWatchExport(
      {
        format: 'pyhabot-watches',
        version: 1,
        watches: [
          { url: 'https://example.com/aprok/mobil/index.html' },
          { url: MOBIL, notify: ['carrier-pigeon://home'] },
          { url: `${MOBIL}?offset=100`, name: 'again', notify: [DISCORD] },
        ],
      },
      options,
    );
    expect(plan.skipped).toEqual([
      { entry: '1', url: 'https://example.com/aprok/mobil/index.html', reason: expect.any(String) },
    ]);
    expect(plan.watches).toHaveLength(1);
    expect(plan.watches[0]).toMatchObject({ entries: ['2', '3'], targets: [DISCORD] });
    expect(plan.watches[0]?.skippedTargets).toEqual([
      { target: 'carrier-pigeon://home', reason: expect.stringMatching(/scheme "carrier-pigeon" is not supported/) },
    ]);
  });

  it('refuses an export from a newer pyhabot', () => {
    expect(() => planWatchExport({ format: 'pyhabot-watches', version: 4, watches: [] }, options)).toThrow(
      /written by a newer pyhabot \(export version 4; this one reads version 3\)/,
    );
  });

  it.each([1, 2, 3])('reads version %d', (version) => {
    expect(planWatchExport({ format: 'pyhabot-watches', version, watches: [{ url: MOBIL }] }, options).watches).toEqual(
      [expect.objectContaining({ url: MOBIL })],
    );
  });

  it.each([
    ['no version', { format: 'pyhabot-watches', watches: [] }, /version should be 1, 2 or 3, it is missing/],
    ['watches not a list', { format: 'pyhabot-watches', version: 1, watches: {} }, /watches should be a list/],
    [
      'a watch that is a string',
      { format: 'pyhabot-watches', version: 1, watches: [MOBIL] },
      /watches\.0 should be an object/,
    ],
    [
      'a watch without url',
      { format: 'pyhabot-watches', version: 1, watches: [{ name: 'x' }] },
      /watches\.0\.url should be a string/,
    ],
    [
      'enabled as "yes"',
      { format: 'pyhabot-watches', version: 1, watches: [{ url: MOBIL, enabled: 'yes' }] },
      /enabled should be true or false/,
    ],
    [
      'notify as a string',
      { format: 'pyhabot-watches', version: 1, watches: [{ url: MOBIL, notify: DISCORD }] },
      /notify should be a list/,
    ],
    [
      'a target as a number',
      { format: 'pyhabot-watches', version: 1, watches: [{ url: MOBIL, notify: [5] }] },
      /notify\.0 should be a notification target/,
    ],
    [
      'maxPages 0',
      { format: 'pyhabot-watches', version: 1, watches: [{ url: MOBIL, maxPages: 0 }] },
      /maxPages should be a whole number from 1 to 50/,
    ],
  ])('refuses a file whose field has the wrong type: %s', (_label, document, message) => {
    expect(() => planWatchExport(document, options)).toThrow(UserError);
    expect(() => planWatchExport(document, options)).toThrow(message);
  });
});

describe('filters in an export', () => {
  const FILTER: WatchFilter = {
    own: { exclude: ['hibás', 'alkatr*', '/\\bi[3579]-\\d{4}\\b/'], maxPrice: 150_000, dropWanted: true },
    useGlobal: false,
  };
  const filters = new Map<number, WatchFilter>([
    [1, FILTER],
    [2, { own: {}, useGlobal: true }],
    [3, { own: {}, useGlobal: false }],
  ]);
  const filterOf = (watch: Watch) => filters.get(watch.id) ?? { own: {}, useGlobal: true };
  const three = [...watches, watch(3, { name: 'no global', url: `${MOBIL}?x=1` })];

  it('writes a filter and the global switch only where they differ from none of its own with the global one', () => {
    const document = buildWatchExport(three, { exportedAt, includeSecrets: true, mask: maskTarget, filterOf });
    expect(document.version).toBe(2);
    expect(document.watches[0]).toMatchObject({ filter: FILTER.own, useGlobalFilter: false });
    expect(Object.keys(document.watches[1] ?? {})).toEqual([
      'name',
      'url',
      'enabled',
      'notify',
      'notifyExisting',
      'maxPages',
    ]);
    expect(document.watches[2]).toMatchObject({ useGlobalFilter: false });
    expect(document.watches[2]).not.toHaveProperty('filter');
  });

  it('writes a version 1 file, as before filters, when no watch has a filter of its own', () => {
    const none = () => ({ own: {}, useGlobal: true });
    const withFilters = buildWatchExport(watches, {
      exportedAt,
      includeSecrets: true,
      mask: maskTarget,
      filterOf: none,
    });
    const without = buildWatchExport(watches, { exportedAt, includeSecrets: true, mask: maskTarget });
    expect(withFilters).toEqual(without);
    expect(serializeWatchExport(withFilters, 'json')).toBe(serializeWatchExport(without, 'json'));
    expect(withFilters.version).toBe(1);
  });

  it.each(['json', 'yaml'] as const)('reads back from %s exactly the filters it wrote', (format) => {
    const document = buildWatchExport(three, { exportedAt, includeSecrets: true, mask: maskTarget, filterOf });
    const text = serializeWatchExport(document, format);
    const plan = planWatchExport(format === 'json' ? JSON.parse(text) : parseYaml(text), options);
    expect(plan.watches.map((planned) => planned.filter)).toEqual([FILTER, undefined, { own: {}, useGlobal: false }]);
  });

  it('reads a hand-written filter in a version 1 file, normalised as add and edit store it', () => {
    const plan = planWatchExport(
      {
        format: 'pyhabot-watches',
        version: 1,
        watches: [{ url: MOBIL, filter: { maxPrice: 9000, exclude: [' hibás ', 'hibás'], dropIced: false } }],
      },
      options,
    );
    expect(plan.watches[0]?.filter).toEqual({ own: { exclude: ['hibás'], maxPrice: 9000 }, useGlobal: true });
  });

  it("treats a null filter as none, and keeps the first entry's filter when a search is repeated", () => {
    const plan = planWatchExport(
      {
        format: 'pyhabot-watches',
        version: 2,
        watches: [
          { url: MOBIL, filter: null },
          { url: `${MOBIL}?offset=100`, filter: { dropIced: true } },
        ],
      },
      options,
    );
    expect(plan.watches).toHaveLength(1);
    expect(plan.watches[0]?.filter).toBeUndefined();
    expect(plan.watches[0]?.notes).toContain("the filter of entry 2 is left out: the watch has entry 1's settings");
  });

  function refusal(filter: unknown, extra: Record<string, unknown> = {}): string {
    const document = {
      format: 'pyhabot-watches',
      version: 2,
      watches: [{ url: SEARCH }, { url: MOBIL, filter, ...extra }],
    };
    try {
      planWatchExport(document, options);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      const message = (error as UserError).message;
      expect(message).not.toContain('\n');
      return message;
    }
    throw new Error('the filter was accepted');
  }

  it.each([
    ['a price below zero', { maxPrice: -1 }, 'watches.1.filter.maxPrice: expected a whole number from 0 to 999999999'],
    ['a price as text', { minPrice: '150000' }, 'watches.1.filter.minPrice: expected a whole number'],
    [
      'a word list as one string',
      { exclude: 'hibás' },
      'watches.1.filter.exclude: expected a list of non-empty strings',
    ],
    ['an empty word', { exclude: ['ok', '  '] }, 'watches.1.filter.exclude: expected a list of non-empty strings'],
    ['a switch as "yes"', { dropIced: 'yes' }, 'watches.1.filter.dropIced: expected true or false'],
    [
      'a seller kind the site has not',
      { sellerKind: 'shop' },
      'watches.1.filter.sellerKind: expected business or private',
    ],
    ['a misspelt setting', { exlude: ['x'] }, 'watches.1.filter.exlude: unknown filter setting'],
    ['a filter that is a list', ['hibás'], 'watches.1.filter: expected a mapping of filter settings'],
    ['a filter that is text', 'hibás', 'watches.1.filter: expected a mapping of filter settings'],
    [
      'a regular expression that does not compile',
      { exclude: ['/(/'] },
      'watches.1.filter: /(/ is not a valid regular',
    ],
    [
      'a wildcard inside a word',
      { require: ['al*kat'] },
      'watches.1.filter: "al*kat": * is a wildcard only at the end',
    ],
    ['bounds no ad could pass', { minPrice: 10, maxPrice: 5 }, 'watches.1.filter: minPrice 10 is above maxPrice 5'],
  ])('refuses %s in one line naming the watch and the field', (_label, filter, expected) => {
    expect(refusal(filter)).toContain(`watches.yaml: ${expected}`);
  });

  it('refuses a global switch that is not true or false', () => {
    expect(refusal({ dropIced: true }, { useGlobalFilter: 'no' })).toMatch(
      /^watches\.yaml: watches\.1\.useGlobalFilter should be true or false, not a string$/,
    );
  });

  it('names the first of several problems and counts the rest', () => {
    expect(refusal({ maxPrice: -1, cities: 'Budapest', dropIced: 'yes' })).toBe(
      'watches.yaml: watches.1.filter.maxPrice: expected a whole number from 0 to 999999999 (and 2 more problems)',
    );
  });

  it('stays one line for hostile filters: a huge list of the wrong type, thousands of unknown settings', () => {
    const numbers = Array.from({ length: 100_000 }, (_, index) => index);
    expect(refusal({ exclude: numbers })).toBe(
      'watches.yaml: watches.1.filter.exclude: expected a list of non-empty strings',
    );
    const unknown = Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`key${index}`, true]));
    const message = refusal(unknown);
    expect(message).toMatch(
      /^watches\.yaml: watches\.1\.filter\.key0: unknown filter setting; .* \(and 4999 more problems\)$/,
    );
  });

  it('quotes a hostile pattern without its terminal controls, cut to a line that fits', () => {
    const retitle = refusal({ exclude: ['/\u001b]0;owned\u0007(/'] });
    expect(retitle).toContain('/\\u001b]0;owned\\u0007(/ is not a valid regular expression');
    expect(retitle).not.toContain('\u001b');
    expect(retitle).not.toContain('\u0007');
    const huge = refusal({ require: [`/${'a'.repeat(1_000_000)}(/`] });
    expect(huge.length).toBeLessThan(400);
    expect(huge).toMatch(/^watches\.yaml: watches\.1\.filter: \/aaa+…$/);
  });

  it('refuses a prototype key rather than let it reach the stored filter', () => {
    const filter = JSON.parse('{"__proto__": {"maxPrice": 1}, "dropIced": true}') as unknown;
    expect(refusal(filter)).toContain('watches.1.filter.__proto__: unknown filter setting');
  });

  it('takes a long list of valid words whole', () => {
    const exclude = Array.from({ length: 20_000 }, (_, index) => `szo${index}`);
    const plan = planWatchExport(
      { format: 'pyhabot-watches', version: 2, watches: [{ url: MOBIL, filter: { exclude } }] },
      options,
    );
    expect(plan.watches[0]?.filter?.own.exclude).toEqual(exclude);
  });
});

describe('rules in an export', () => {
  const EVERY_RULE: WatchRules = {
    priceChanges: 'all',
    minDrop: { percent: 5 },
    below: 150_000,
    lifecycle: { reactivated: false, reappeared: true, gone: true },
    reposts: 'skip',
    digest: 'daily',
  };
  const NO_LIMITS: WatchRules = { minDrop: null, below: null, digest: 'off' };
  const rules = new Map<number, WatchRules>([
    [1, EVERY_RULE],
    [3, NO_LIMITS],
    [4, { minDrop: { forints: 2000 } }],
  ]);
  const rulesOf = (watch: Watch) => rules.get(watch.id) ?? {};
  const four = [
    ...watches,
    watch(3, { name: 'no limits', url: `${MOBIL}?x=1` }),
    watch(4, { name: 'forints', url: `${MOBIL}?x=2` }),
  ];

  it('writes the rules a watch sets in the shape of the config file, and nothing for a watch without', () => {
    const document = buildWatchExport(four, { exportedAt, includeSecrets: true, mask: maskTarget, rulesOf });
    expect(document.version).toBe(3);
    expect(document.watches.map((exported) => exported.rules)).toEqual([
      {
        priceChanges: 'all',
        minDrop: '5%',
        below: 150_000,
        lifecycle: { reactivated: false, reappeared: true, gone: true },
        reposts: 'skip',
        digest: 'daily',
      },
      undefined,
      { minDrop: null, below: null, digest: 'off' },
      { minDrop: 2000 },
    ]);
    expect(document.watches[1]).not.toHaveProperty('rules');
  });

  it('says version 3 with rules and filters together, so a reader of version 2 refuses it', () => {
    const document = buildWatchExport(watches, {
      exportedAt,
      includeSecrets: true,
      mask: maskTarget,
      filterOf: () => ({ own: { dropIced: true }, useGlobal: true }),
      rulesOf: (exported) => (exported.id === 2 ? { reposts: 'notify' } : {}),
    });
    expect(document.version).toBe(3);
    expect(document.watches[0]).toMatchObject({ filter: { dropIced: true } });
    expect(document.watches[0]).not.toHaveProperty('rules');
  });

  it('writes the same version 1 or 2 file as before rules when no watch sets any', () => {
    const none = () => ({});
    for (const filterOf of [undefined, () => ({ own: { dropIced: true }, useGlobal: true })]) {
      const base = { exportedAt, includeSecrets: true, mask: maskTarget, ...(filterOf ? { filterOf } : {}) };
      const withRules = buildWatchExport(watches, { ...base, rulesOf: none });
      const without = buildWatchExport(watches, base);
      expect(serializeWatchExport(withRules, 'json')).toBe(serializeWatchExport(without, 'json'));
      expect(serializeWatchExport(withRules, 'yaml')).toBe(serializeWatchExport(without, 'yaml'));
      expect(withRules.version).toBe(filterOf === undefined ? 1 : 2);
    }
  });

  it.each(['json', 'yaml'] as const)('reads back from %s exactly the rules it wrote', (format) => {
    const document = buildWatchExport(four, { exportedAt, includeSecrets: true, mask: maskTarget, rulesOf });
    const text = serializeWatchExport(document, format);
    const plan = planWatchExport(format === 'json' ? JSON.parse(text) : parseYaml(text), options);
    expect(plan.watches.map((planned) => planned.rules)).toEqual([
      EVERY_RULE,
      undefined,
      NO_LIMITS,
      { minDrop: { forints: 2000 } },
    ]);
  });

  it('reads back a share too small for plain notation', () => {
    const tiny = buildWatchExport([watches[0] as Watch], {
      exportedAt,
      includeSecrets: true,
      mask: maskTarget,
      rulesOf: () => ({ minDrop: { percent: 1e-7 } }),
    });
    const text = serializeWatchExport(tiny, 'yaml');
    expect(text).toContain('minDrop: 0.0000001%\n');
    expect(planWatchExport(parseYaml(text), options).watches[0]?.rules).toEqual({ minDrop: { percent: 1e-7 } });
  });

  it('reads hand-written rules in any written form, in a version 1 file too', () => {
    const plan = planWatchExport(
      {
        format: 'pyhabot-watches',
        version: 1,
        watches: [{ url: MOBIL, rules: { minDrop: '2 000 Ft', below: 90000, lifecycle: { gone: true } } }],
      },
      options,
    );
    expect(plan.watches[0]?.rules).toEqual({ minDrop: { forints: 2000 }, below: 90000, lifecycle: { gone: true } });
  });

  it("treats null rules and empty mappings as none, and keeps the first entry's rules when a search is repeated", () => {
    const plan = planWatchExport(
      {
        format: 'pyhabot-watches',
        version: 3,
        watches: [
          { url: MOBIL, rules: null },
          { url: SEARCH, rules: { lifecycle: {} } },
          { url: `${MOBIL}?offset=100`, rules: { reposts: 'skip' } },
          { url: `${SEARCH}&offset=100` },
          { url: `${SEARCH}&offset=200`, rules: {} },
        ],
      },
      options,
    );
    expect(plan.watches.map((planned) => planned.rules)).toEqual([undefined, undefined]);
    expect(plan.watches[0]?.notes).toContain("the rules of entry 3 are left out: the watch has entry 1's settings");
    expect(plan.watches[1]?.notes).not.toContainEqual(expect.stringMatching(/rules/));
  });

  function refusal(value: unknown): string {
    const document = {
      format: 'pyhabot-watches',
      version: 3,
      watches: [{ url: SEARCH }, { url: MOBIL, rules: value }],
    };
    try {
      planWatchExport(document, options);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      const message = (error as UserError).message;
      expect(message).not.toContain('\n');
      return message;
    }
    throw new Error('the rules were accepted');
  }

  it.each([
    ['a kind of change the rules do not know', { priceChanges: 'rises' }, 'priceChanges: expected drops, all, none'],
    ['priceChanges as a number', { priceChanges: 1 }, 'priceChanges: expected drops, all, none'],
    ['a minimum of zero', { minDrop: '0' }, 'minDrop: an amount must be from 1 to 999999999 Ft, got "0"'],
    ['a minimum as a list', { minDrop: ['5%'] }, 'minDrop: expected a share such as "5%"'],
    ['a minimum with two forms', { minDrop: { percent: 5, forints: 9 } }, 'minDrop: expected a share such as "5%"'],
    ['a share over 100 %', { minDrop: '150%' }, 'minDrop: a share of the old price must be over 0 % and at most 100 %'],
    ['below as text', { below: '150000' }, 'below: expected a whole number of forints from 1 to 999999999, or null'],
    ['below as a fraction', { below: 1.5 }, 'below: expected a whole number of forints'],
    ['an event switched on by "yes"', { lifecycle: { gone: 'yes' } }, 'lifecycle.gone: expected true or false'],
    ['lifecycle as a list', { lifecycle: ['gone'] }, 'lifecycle: expected a mapping of reactivated, reappeared, gone'],
    ['reposts the rules do not know', { reposts: 'hide' }, 'reposts: expected notify, label, skip'],
    ['a digest the watch cannot choose', { digest: 'weekly' }, 'digest: expected hourly, daily, off'],
    ['rules that are a list', ['minDrop'], 'watches.1.rules: expected a mapping of notification rules'],
    ['rules that are text', 'minDrop: 5%', 'watches.1.rules: expected a mapping of notification rules'],
  ])('refuses %s in one line naming the watch and the rule', (_label, value, expected) => {
    const message = refusal(value);
    expect(message).toMatch(/^watches\.yaml: watches\.1\.rules/);
    expect(message).toContain(expected);
  });

  it.each([
    ['a misspelt rule', { minDorp: '5%' }, 'watches.1.rules.minDorp: unknown rule; known ones are'],
    ['an event the site has not', { lifecycle: { sold: true } }, 'watches.1.rules.lifecycle.sold: unknown event'],
    ['a prototype key', JSON.parse('{"__proto__": {"below": 1}}'), 'watches.1.rules.__proto__: unknown rule'],
  ])('refuses %s by name', (_label, value, expected) => {
    expect(refusal(value)).toContain(`watches.yaml: ${expected}`);
  });

  it('names the first of several problems and counts the rest', () => {
    expect(refusal({ priceChanges: 'rises', below: -1, digest: 'weekly' })).toBe(
      'watches.yaml: watches.1.rules.priceChanges: expected drops, all, none (and 2 more problems)',
    );
  });

  it('stays one short line for huge values and thousands of unknown rules', () => {
    expect(refusal({ below: 1e300 })).toBe(
      'watches.yaml: watches.1.rules.below: expected a whole number of forints from 1 to 999999999, or null',
    );
    const digits = refusal({ minDrop: '9'.repeat(1_000_000) });
    expect(digits.length).toBeLessThan(400);
    expect(digits).toMatch(
      /^watches\.yaml: watches\.1\.rules\.minDrop: an amount must be from 1 to 999999999 Ft, got "9+…$/,
    );
    const unknown = Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`rule${index}`, true]));
    expect(refusal(unknown)).toMatch(
      /^watches\.yaml: watches\.1\.rules\.rule0: unknown rule; .* \(and 4999 more problems\)$/,
    );
  });

  it('quotes a hostile value and a hostile key without their terminal controls', () => {
    const value = refusal({ minDrop: '\u001b]0;owned\u0007' });
    expect(value).toContain('"\\u001b]0;owned\\u0007" is not a minimum change');
    const key = refusal({ '\u001b[2Jrule': 1 });
    expect(key).toContain('watches.1.rules.\\u001b[2Jrule: unknown rule');
    for (const message of [value, key]) {
      expect(message).not.toContain('\u001b');
      expect(message).not.toContain('\u0007');
    }
  });
});
