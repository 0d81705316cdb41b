import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { maskTarget } from '../../src/domain/targets/parse-target.js';
import type { Watch } from '../../src/domain/watch.js';
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
    expect(() => planWatchExport({ format: 'pyhabot-watches', version: 2, watches: [] }, options)).toThrow(
      /written by a newer pyhabot \(export version 2/,
    );
  });

  it.each([
    ['no version', { format: 'pyhabot-watches', watches: [] }, /version should be 1, it is missing/],
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
