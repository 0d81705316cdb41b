import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { type CliResult, type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';
import { sendHtml } from '../helpers/fake-site.js';
import { ListingPage } from '../helpers/listing-fixture.js';
import { type LocalServer, startLocalServer } from '../helpers/local-server.js';

const LEGACY = resolve(import.meta.dirname, '../fixtures/legacy');
const EXPECTED_LISTING = resolve(import.meta.dirname, '../fixtures/hardverapro/listing-2025-12-mobil.expected.json');
const SAMPLE_WEBHOOK_TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-abcdefghijklmnopqrstuvwxyzABCDEF';
const LISTING_PATH = '/aprok/mobil/index.html';

/** A sandbox whose checks do not wait between requests and ask for no listing order. */
function createSandbox(): CliSandbox {
  const sandbox = createCliSandbox();
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'requestDelayMs: 0\nnewestFirst: false\n');
  return sandbox;
}

function copySample(sandbox: CliSandbox, name: 'pyhabot-2021-databank' | 'pyhabot-2025-tinydb'): string {
  cpSync(join(LEGACY, name), join(sandbox.dir, name), { recursive: true });
  return name;
}

function writeFile(sandbox: CliSandbox, name: string, content: unknown): string {
  const path = join(sandbox.dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}

function dbRows(sandbox: CliSandbox) {
  return {
    watches: sandbox.query(
      'SELECT id, name, url, enabled, notify_existing, max_pages, seen_up_to_id, baseline_done FROM watches ORDER BY id',
    ),
    targets: sandbox.query('SELECT watch_id, position, target FROM watch_targets ORDER BY watch_id, position'),
    ads: sandbox.query('SELECT watch_id, ad_id, price, price_kind, gone_at IS NOT NULL AS gone FROM ads ORDER BY 1, 2'),
    history: sandbox.query('SELECT watch_id, ad_id, price FROM price_history ORDER BY id'),
  };
}

function records(result: CliResult): Array<Record<string, unknown> & { type: string }> {
  return result.stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown> & { type: string });
}

function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^pyhabot: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).toMatch(/\nhint: /);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

/** A fake HardverApró serving `page` at the listing path. */
async function startSite(page: { current: ListingPage }): Promise<LocalServer> {
  return startLocalServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== LISTING_PATH) {
      res.writeHead(404).end();
      return;
    }
    sendHtml(res, page.current.html);
  });
}

describe('import of the legacy samples', () => {
  it('imports the 2021 bot: watches, the Discord webhook, and lastseen as seen state', async () => {
    using sandbox = createSandbox();
    const dir = copySample(sandbox, 'pyhabot-2021-databank');
    const result = await sandbox.run(['import', dir]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Importing ${join(dir, 'viewers.json')}: PYHABOT 2021 bot`);
    expect(result.stdout).toMatch(/note: read .*config\.json: command prefix "!", refresh interval 60 s/);
    expect(result.stdout).toContain('created watch 1 "Apróhirdetések" (entry 1)');
    expect(result.stdout).toContain('notify: https://discord.com/api/webhooks/1122…/****');
    expect(result.stdout).toMatch(/not carried over: Discord channel of the old bot/);
    expect(result.stdout).toMatch(/not carried over: Telegram chat of the old bot/);
    expect(result.stdout).not.toContain(SAMPLE_WEBHOOK_TOKEN);

    const rows = dbRows(sandbox);
    expect(rows.watches).toEqual([
      expect.objectContaining({ id: 1, name: 'Apróhirdetések', seen_up_to_id: 7318447, baseline_done: 1 }),
      expect.objectContaining({ id: 2, name: 'iPhone', seen_up_to_id: null, baseline_done: 0 }),
      expect.objectContaining({ id: 3, name: 'GeForce 30xx', seen_up_to_id: 7301122, baseline_done: 1 }),
    ]);
    expect(rows.targets).toEqual([
      {
        watch_id: 1,
        position: 0,
        target: `https://discord.com/api/webhooks/112233445566778899/${SAMPLE_WEBHOOK_TOKEN}`,
      },
    ]);
    expect(rows.ads).toEqual([]);
  });

  it('imports the 2025 fork: watches, the webhook, and its ads as seen ads with price history', async () => {
    using sandbox = createSandbox();
    const dir = copySample(sandbox, 'pyhabot-2025-tinydb');
    const result = await sandbox.run(['import', join(dir, 'watchlist.json'), '--json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      format: 'pyhabot-2025',
      dryRun: false,
      summary: { created: 2, merged: 0, unchanged: 0, skipped: 0, adsAdded: 2 },
    });
    expect(report.watches[0]).toMatchObject({
      result: 'created',
      watchId: 1,
      name: 'mobil',
      targets: { added: ['https://discord.com/api/webhooks/1122…/****'], skipped: [] },
      seen: { upToId: null, baselineDone: true, ads: 1, goneAds: 1 },
    });
    expect(result.stdout).not.toContain('AbCdEf-token');

    const rows = dbRows(sandbox);
    expect(rows.watches).toEqual([
      expect.objectContaining({ id: 1, url: 'https://hardverapro.hu/aprok/mobil/index.html', baseline_done: 1 }),
      expect.objectContaining({ id: 2, name: 'steam deck', baseline_done: 0 }),
    ]);
    expect(rows.targets).toEqual([
      { watch_id: 1, position: 0, target: 'https://discord.com/api/webhooks/112233445566778899/AbCdEf-token' },
    ]);
    expect(rows.ads).toEqual([
      { watch_id: 1, ad_id: 4795714, price: 84990, price_kind: 'fixed', gone: 1 },
      { watch_id: 1, ad_id: 7318447, price: 170000, price_kind: 'fixed', gone: 0 },
    ]);
    expect(rows.history).toEqual([
      { watch_id: 1, ad_id: 4795714, price: 84990 },
      { watch_id: 1, ad_id: 7318447, price: 180000 },
      { watch_id: 1, ad_id: 7318447, price: 170000 },
    ]);
  });

  it.each([
    ['pyhabot-2021-databank', 'pyhabot-2021-databank'],
    ['pyhabot-2025-tinydb', 'pyhabot-2025-tinydb/watchlist.json'],
  ] as const)('changes nothing when %s is imported again', async (sample, path) => {
    using sandbox = createSandbox();
    copySample(sandbox, sample);
    expect((await sandbox.run(['import', path])).code).toBe(0);
    const before = dbRows(sandbox);
    const bytes = readFileSync(sandbox.defaultDbPath);
    const again = await sandbox.run(['import', path, '--json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.summary).toMatchObject({ created: 0, merged: 0, skipped: 0 });
    expect(report.watches.every((item: { result: string }) => item.result === 'unchanged')).toBe(true);
    expect(report.watches[0].reason).toBe('already watched as watch 1');
    expect(dbRows(sandbox)).toEqual(before);
    expect(readFileSync(sandbox.defaultDbPath).equals(bytes)).toBe(true);
  });

  it('adds to an existing watch only what it lacks', async () => {
    using sandbox = createSandbox();
    copySample(sandbox, 'pyhabot-2025-tinydb');
    await sandbox.run([
      'add',
      'https://hardverapro.hu/aprok/mobil/index.html',
      '--name',
      'mine',
      '--notify',
      'ntfy://my-phone-topic',
    ]);
    const result = await sandbox.run(['import', 'pyhabot-2025-tinydb']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('added to watch 1 "mine" (entry 1): already watched as watch 1');
    const rows = dbRows(sandbox);
    expect(rows.watches[0]).toMatchObject({ name: 'mine', baseline_done: 1 });
    expect(rows.targets).toEqual([
      { watch_id: 1, position: 0, target: 'ntfy://my-phone-topic' },
      { watch_id: 1, position: 1, target: 'https://discord.com/api/webhooks/112233445566778899/AbCdEf-token' },
    ]);
    expect(rows.ads).toHaveLength(2);
  });
});

describe('import --dry-run', () => {
  it('prints the same report and leaves the database byte-identical', async () => {
    using sandbox = createSandbox();
    copySample(sandbox, 'pyhabot-2021-databank');
    copySample(sandbox, 'pyhabot-2025-tinydb');
    expect((await sandbox.run(['import', 'pyhabot-2021-databank'])).code).toBe(0);
    const bytes = readFileSync(sandbox.defaultDbPath);
    const dry = await sandbox.run(['import', 'pyhabot-2025-tinydb', '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toContain('Would import');
    expect(dry.stdout).toContain('would create watch "mobil" (entry 1)');
    expect(dry.stdout).toContain('dry run: nothing was written');
    const dryJson = JSON.parse((await sandbox.run(['import', 'pyhabot-2025-tinydb', '--dry-run', '--json'])).stdout);
    expect(dryJson).toMatchObject({ dryRun: true, summary: { created: 2 } });
    expect(dryJson.watches[0].watchId).toBeNull();
    expect(readFileSync(sandbox.defaultDbPath).equals(bytes)).toBe(true);
    expect(sandbox.query('SELECT COUNT(*) AS n FROM watches')).toEqual([{ n: 3 }]);
  });

  it('does not create a database that does not exist yet', async () => {
    using sandbox = createSandbox();
    copySample(sandbox, 'pyhabot-2021-databank');
    const dry = await sandbox.run(['import', 'pyhabot-2021-databank', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would create watch "Apróhirdetések"');
    expect(existsSync(sandbox.defaultDbPath)).toBe(false);
  });
});

describe('export and import back', () => {
  async function prepareWatches(sandbox: CliSandbox): Promise<void> {
    copySample(sandbox, 'pyhabot-2021-databank');
    expect((await sandbox.run(['import', 'pyhabot-2021-databank'])).code).toBe(0);
    const edits = [
      ['edit', '2', '--add-notify', 'tgram://123456:AAbbCCddEEffGGhh1234/-1001234567890', '--max-pages', '3'],
      ['edit', '3', '--disable', '--add-notify', 'ntfy://gpu-deals-topic'],
      [
        'add',
        'https://hardverapro.hu/aprok/hardver/monitor/index.html',
        '--name',
        'Monitors',
        '--notify-existing',
        '--max-pages',
        '2',
      ],
    ];
    for (const args of edits) expect((await sandbox.run(args)).code).toBe(0);
  }

  it.each(['json', 'yaml'] as const)(
    'round-trips every watch exactly through %s with --include-secrets',
    async (format) => {
      using source = createSandbox();
      await prepareWatches(source);
      const file = join(source.dir, `watches.${format}`);
      const exported = await source.run(['export', '--include-secrets', '--output', file]);
      expect(exported).toMatchObject({ code: 0, stdout: `Exported 4 watches to ${file}\n`, stderr: '' });
      const text = readFileSync(file, 'utf8');
      const document = (format === 'yaml' ? parseYaml(text) : JSON.parse(text)) as Record<string, unknown>;
      expect(document).toMatchObject({ format: 'pyhabot-watches', version: 1, exportedAt: expect.any(String) });

      using target = createSandbox();
      const imported = await target.run(['import', file]);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain(`Importing ${file}: pyhabot export`);
      expect(imported.stdout).toContain('Watches: 4 created, 0 added to, 0 unchanged, 0 skipped.');

      const again = await target.run(['export', '--include-secrets', '--format', format]);
      const reread = (format === 'yaml' ? parseYaml(again.stdout) : JSON.parse(again.stdout)) as Record<
        string,
        unknown
      >;
      expect(reread.watches).toEqual(document.watches);
      const settings = (sandbox: CliSandbox) =>
        sandbox.query('SELECT id, name, url, enabled, notify_existing, max_pages FROM watches ORDER BY id');
      expect(settings(target)).toEqual(settings(source));
      expect(target.query('SELECT * FROM watch_targets ORDER BY watch_id, position')).toEqual(
        source.query('SELECT * FROM watch_targets ORDER BY watch_id, position'),
      );
    },
  );

  it('masks secrets by default; importing that file skips the masked targets and says why', async () => {
    using source = createSandbox();
    await prepareWatches(source);
    const printed = await source.run(['export']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).not.toContain(SAMPLE_WEBHOOK_TOKEN);
    expect(printed.stdout).not.toContain('AAbbCCddEEffGGhh1234');
    expect(printed.stdout).not.toContain('gpu-deals-topic');
    expect(printed.stderr).toMatch(/masked.*--include-secrets/);

    using target = createSandbox();
    writeFile(target, 'masked.json', printed.stdout);
    const imported = await target.run(['import', 'masked.json', '--json']);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report.summary).toMatchObject({ created: 4, targetsAdded: 0, targetsSkipped: 3 });
    expect(report.watches[0].targets.skipped).toEqual([
      {
        target: 'https://discord.com/api/webhooks/1122…/****',
        reason: expect.stringMatching(/^secret was masked at export/),
      },
    ]);
    expect(target.query('SELECT COUNT(*) AS n FROM watch_targets')).toEqual([{ n: 0 }]);
  });

  it('writes YAML for an --output ending in .yaml', async () => {
    using sandbox = createSandbox();
    await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html']);
    expect((await sandbox.run(['export', '--output', 'w.yaml'])).code).toBe(0);
    expect(readFileSync(join(sandbox.dir, 'w.yaml'), 'utf8')).toMatch(/^format: pyhabot-watches\nversion: 1\n/);
  });

  // Each target with the secrets it holds, in every spelling whose masking the export relies on.
  const targetsWithSecrets: Array<[string, string[]]> = [
    ['https://discord.com/api/webhooks/112233445566778899/DiscordWebhookToken0123', ['DiscordWebhookToken0123']],
    ['discord://112233445566778899/ShortDiscordToken99', ['ShortDiscordToken99']],
    ['https://hooks.slack.com/services/T0001/B0002/SlackSecret123', ['SlackSecret123']],
    ['slack://T0001/B0002/ShortSlackSecret7', ['ShortSlackSecret7']],
    ['tgram://123456:TelegramBotToken42/-1001234567890', ['TelegramBotToken42']],
    ['ntfy://private-phones-topic', ['private-phones-topic']],
    ['ntfy://alice:ntfyPassw0rd@ntfy.example.com/alice-topic', ['ntfyPassw0rd', 'alice-topic']],
    ['ntfys://tk_ntfyaccesstoken@ntfy.example.com/bob-topic', ['tk_ntfyaccesstoken', 'bob-topic']],
    ['https://hooks.example.com/pyhabot?token=QueryTokenValue', ['QueryTokenValue']],
    ['https://bob:BasicAuthSecret@hooks.example.com/pyhabot', ['BasicAuthSecret']],
    ['json+https://hooks.example.com/json?key=JsonKeySecret', ['JsonKeySecret']],
    ['jsons://hooks.example.com/short?token=JsonsTokenSecret', ['JsonsTokenSecret']],
    [
      'telegram+https://api.telegram.org/bot123456:TelegramPlusToken/sendMessage?chat_id=-100123',
      ['TelegramPlusToken'],
    ],
    ['ntfy+https://ntfy.example.com/plus-spelled-topic', ['plus-spelled-topic']],
    ['slack+https://hooks.example.com/hooks/OtherPathSlackToken', ['OtherPathSlackToken']],
  ];

  it('writes no secret of any target without --include-secrets, to stdout or to a file', async () => {
    using sandbox = createSandbox();
    const notify = targetsWithSecrets.flatMap(([target]) => ['--notify', target]);
    expect((await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html', ...notify])).code).toBe(0);
    const printed = await sandbox.run(['export']);
    expect((await sandbox.run(['export', '--format', 'yaml', '--output', 'w.yaml'])).code).toBe(0);
    const written = readFileSync(join(sandbox.dir, 'w.yaml'), 'utf8');
    const exported = JSON.parse(printed.stdout) as { watches: Array<{ notify: string[] }> };
    expect(exported.watches[0]?.notify).toHaveLength(targetsWithSecrets.length);
    for (const secret of targetsWithSecrets.flatMap(([, secrets]) => secrets)) {
      expect(printed.stdout).not.toContain(secret);
      expect(written).not.toContain(secret);
    }
  });

  it('creates every --output file readable by its owner only, with or without secrets', async () => {
    using sandbox = createSandbox();
    await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html', '--notify', 'ntfy://some-topic']);
    // A file that was readable by everyone before is replaced by one that is not.
    writeFileSync(join(sandbox.dir, 'old.json'), '{}', { mode: 0o644 });
    for (const [file, flags] of [
      ['masked.json', []],
      ['secret.yaml', ['--include-secrets']],
      ['old.json', []],
    ] as const) {
      expect((await sandbox.run(['export', ...flags, '--output', file])).code).toBe(0);
      expect(statSync(join(sandbox.dir, file)).mode & 0o777).toBe(0o600);
    }
  });

  it('takes --json as --format json, and refuses it beside --format yaml', async () => {
    using sandbox = createSandbox();
    await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html']);
    const printed = await sandbox.run(['export', '--json']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ format: 'pyhabot-watches', version: 1 });
    expect((await sandbox.run(['export', '--json', '--output', 'w.yaml'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(sandbox.dir, 'w.yaml'), 'utf8'))).toMatchObject({ version: 1 });
    expectOneLineError(
      await sandbox.run(['export', '--json', '--format', 'yaml']),
      /--json and --format yaml ask for different formats/,
    );
  });
});

describe('filters through export and import', () => {
  const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
  const MONITOR = 'https://hardverapro.hu/aprok/hardver/monitor/index.html';
  const GPU = 'https://hardverapro.hu/aprok/hardver/videokartya/index.html';

  async function filteredWatches(sandbox: CliSandbox): Promise<void> {
    const adds = [
      ['add', MOBIL, '--exclude', 'hibás', '--exclude', 'alkatr*', '--max-price', '150000', '--no-wanted'],
      ['add', MONITOR, '--block-seller', 'Foo Bar', '--city', 'Budapest', '--no-global-filter'],
      ['add', GPU],
    ];
    for (const args of adds) expect((await sandbox.run(args)).code).toBe(0);
  }

  async function shownFilters(sandbox: CliSandbox): Promise<unknown[]> {
    const filters: unknown[] = [];
    for (const id of ['1', '2', '3']) {
      const shown = await sandbox.run(['show', id, '--json']);
      expect(shown.code, shown.stderr).toBe(0);
      filters.push((JSON.parse(shown.stdout) as { filter: unknown }).filter);
    }
    return filters;
  }

  it('gives each watch in a fresh database the filter it had; a dry run shows them and writes nothing', async () => {
    using source = createSandbox();
    await filteredWatches(source);
    const exported = await source.run(['export', '--output', 'watches.json']);
    expect(exported.code, exported.stderr).toBe(0);
    const document = JSON.parse(readFileSync(join(source.dir, 'watches.json'), 'utf8'));
    expect(document.version).toBe(2);
    expect(document.watches[0]).toMatchObject({
      filter: { exclude: ['hibás', 'alkatr*'], maxPrice: 150000, dropWanted: true },
    });
    expect(document.watches[0]).not.toHaveProperty('useGlobalFilter');
    expect(document.watches[1]).toMatchObject({ useGlobalFilter: false });
    expect(document.watches[2]).not.toHaveProperty('filter');

    using target = createSandbox();
    const file = join(source.dir, 'watches.json');
    const dry = await target.run(['import', file, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toContain('  filter: exclude: hibás, alkatr*; price at most 150 000 Ft; no wanted ads\n');
    expect(dry.stdout).toContain(
      '  filter: blocked sellers: Foo Bar; only in: Budapest; the global filter does not apply\n',
    );
    expect(existsSync(target.defaultDbPath)).toBe(false);

    const imported = await target.run(['import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(await shownFilters(target)).toEqual(await shownFilters(source));
    expect(target.query('SELECT watch_id FROM watch_filters ORDER BY watch_id')).toEqual([
      { watch_id: 1 },
      { watch_id: 2 },
    ]);

    const again = await target.run(['import', file]);
    expect(again.stdout).toContain('Watches: 0 created, 0 added to, 3 unchanged, 0 skipped.');
    expect(again.stdout).not.toContain('keeps its own filter');
  });

  it('leaves the filter of a watch already there as it is, and says so', async () => {
    using sandbox = createSandbox();
    await filteredWatches(sandbox);
    expect((await sandbox.run(['export', '--output', 'watches.json'])).code).toBe(0);
    expect((await sandbox.run(['edit', '1', '--clear-filter', '--exclude', 'csere'])).code).toBe(0);
    const before = await shownFilters(sandbox);
    const imported = await sandbox.run(['import', 'watches.json', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report.watches[0]).toMatchObject({
      result: 'unchanged',
      filter: null,
      notes: [expect.stringMatching(/^keeps its own filter; the file's filter was not applied/)],
    });
    expect(report.watches[1].notes).toEqual([]);
    expect(await shownFilters(sandbox)).toEqual(before);
  });

  it('prints the words of an imported filter with their terminal controls escaped', async () => {
    using sandbox = createSandbox();
    writeFile(sandbox, 'watches.json', {
      format: 'pyhabot-watches',
      version: 2,
      watches: [{ url: MOBIL, filter: { exclude: ['hib\u001b]0;owned\u0007ás'] } }],
    });
    const imported = await sandbox.run(['import', 'watches.json']);
    expect(imported.code, imported.stderr).toBe(0);
    const shown = await sandbox.run(['show', '1']);
    for (const printed of [imported.stdout, shown.stdout]) {
      expect(printed).toContain('exclude: hib\\u001b]0;owned\\u0007ás');
      expect(printed).not.toContain('\u001b');
    }
  });

  it('refuses a bad filter with exit 2 and one line naming the watch and the field, writing nothing', async () => {
    using sandbox = createSandbox();
    expect((await sandbox.run(['add', GPU])).code).toBe(0);
    const bytes = readFileSync(sandbox.defaultDbPath);
    writeFile(sandbox, 'watches.yaml', {
      format: 'pyhabot-watches',
      version: 2,
      watches: [
        { url: MOBIL, filter: { exclude: ['hibás'] } },
        { url: MONITOR, filter: { maxPrice: 'cheap' } },
      ],
    });
    for (const args of [
      ['import', 'watches.yaml'],
      ['import', 'watches.yaml', '--dry-run'],
    ]) {
      expectOneLineError(
        await sandbox.run(args),
        /^pyhabot: watches\.yaml: watches\.1\.filter\.maxPrice: expected a whole number from 0 to 999999999$/,
      );
    }
    expect(readFileSync(sandbox.defaultDbPath).equals(bytes)).toBe(true);
  });
});

describe('rules through export and import', () => {
  const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
  const MONITOR = 'https://hardverapro.hu/aprok/hardver/monitor/index.html';
  const GPU = 'https://hardverapro.hu/aprok/hardver/videokartya/index.html';
  const EVERY_RULE = [
    ...['--price-changes', 'all', '--min-drop', '5%', '--below', '150000', '--no-notify-reactivated'],
    ...['--notify-reappeared', '--notify-gone', '--reposts', 'skip', '--digest', 'daily'],
  ];

  async function ruledWatches(sandbox: CliSandbox): Promise<void> {
    const adds = [
      ['add', MOBIL, ...EVERY_RULE],
      ['add', MONITOR, '--min-drop', '2000', '--below', 'none', '--digest', 'off', '--exclude', 'hibás'],
      ['add', GPU],
    ];
    for (const args of adds) expect((await sandbox.run(args)).code).toBe(0);
  }

  /** What `show --json` says of each watch's rules: its own, those in effect with their sources, its digest. */
  async function shownRules(sandbox: CliSandbox): Promise<unknown[]> {
    const shown: unknown[] = [];
    for (const id of ['1', '2', '3']) {
      const result = await sandbox.run(['show', id, '--json']);
      expect(result.code, result.stderr).toBe(0);
      const { rules, digest } = JSON.parse(result.stdout) as { rules: unknown; digest: unknown };
      shown.push({ rules, digest });
    }
    return shown;
  }

  it.each(['json', 'yaml'] as const)(
    'gives each watch in a fresh database the rules it had, through %s',
    async (format) => {
      using source = createSandbox();
      await ruledWatches(source);
      const exported = await source.run(['export', '--output', `watches.${format}`]);
      expect(exported.code, exported.stderr).toBe(0);
      const text = readFileSync(join(source.dir, `watches.${format}`), 'utf8');
      const document = (format === 'yaml' ? parseYaml(text) : JSON.parse(text)) as {
        version: number;
        watches: Array<Record<string, unknown>>;
      };
      expect(document.version).toBe(3);
      expect(document.watches.map((watch) => watch.rules)).toEqual([
        {
          priceChanges: 'all',
          minDrop: '5%',
          below: 150000,
          lifecycle: { reactivated: false, reappeared: true, gone: true },
          reposts: 'skip',
          digest: 'daily',
        },
        { minDrop: 2000, below: null, digest: 'off' },
        undefined,
      ]);

      using target = createSandbox();
      const file = join(source.dir, `watches.${format}`);
      const imported = await target.run(['import', file]);
      expect(imported).toMatchObject({ code: 0, stderr: '' });
      expect(imported.stdout).toContain(
        '  rules: priceChanges all; minDrop 5 %; below 150 000 Ft; reactivated off; reappeared on; gone on; reposts skip; digest daily\n',
      );
      expect(imported.stdout).toContain('  rules: minDrop 2 000 Ft; below none; digest off\n');
      const shown = await shownRules(target);
      expect(shown).toEqual(await shownRules(source));
      const [every] = shown as Array<{ rules: { sources: Record<string, string> }; digest: string }>;
      expect(Object.values(every?.rules.sources ?? {})).toEqual(Array(7).fill('watch'));
      expect(every?.digest).toBe('daily');
      expect(target.query('SELECT watch_id FROM watch_rules ORDER BY watch_id')).toEqual([
        { watch_id: 1 },
        { watch_id: 2 },
      ]);

      const again = await target.run(['export', '--format', format]);
      const reread = (format === 'yaml' ? parseYaml(again.stdout) : JSON.parse(again.stdout)) as typeof document;
      expect(reread.watches).toEqual(document.watches);
    },
  );

  it('leaves the rules of a watch already there as they are, and says so', async () => {
    using sandbox = createSandbox();
    await ruledWatches(sandbox);
    expect((await sandbox.run(['export', '--output', 'watches.json'])).code).toBe(0);
    expect((await sandbox.run(['edit', '1', '--clear-rules', '--min-drop', '10%'])).code).toBe(0);
    const before = await shownRules(sandbox);
    const imported = await sandbox.run(['import', 'watches.json', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report.watches[0]).toMatchObject({
      result: 'unchanged',
      rules: null,
      notes: [expect.stringMatching(/^keeps its own rules; the file's rules were not applied/)],
    });
    expect(report.watches[1].notes).toEqual([]);
    expect(await shownRules(sandbox)).toEqual(before);
    const text = await sandbox.run(['import', 'watches.json']);
    expect(text.stdout).toContain('  note: keeps its own rules;');
  });

  it('refuses bad rules with exit 2 and one line naming the watch and the rule, writing nothing', async () => {
    using sandbox = createSandbox();
    expect((await sandbox.run(['add', GPU])).code).toBe(0);
    const bytes = readFileSync(sandbox.defaultDbPath);
    const cases: Array<[unknown, RegExp]> = [
      [
        { below: '150000' },
        /watches\.1\.rules\.below: expected a whole number of forints from 1 to 999999999, or null$/,
      ],
      [{ minDorp: '5%' }, /watches\.1\.rules\.minDorp: unknown rule; known ones are .*, digest$/],
      [{ lifecycle: { sold: true } }, /watches\.1\.rules\.lifecycle\.sold: unknown event; /],
      [{ minDrop: `\u001b[2J${'9'.repeat(100_000)}` }, /watches\.1\.rules\.minDrop: "\\u001b\[2J9+…$/],
    ];
    for (const [rules, message] of cases) {
      writeFile(sandbox, 'watches.yaml', {
        format: 'pyhabot-watches',
        version: 3,
        watches: [
          { url: MOBIL, rules: { reposts: 'skip' } },
          { url: MONITOR, rules },
        ],
      });
      for (const args of [
        ['import', 'watches.yaml'],
        ['import', 'watches.yaml', '--dry-run'],
      ]) {
        const result = await sandbox.run(args);
        expectOneLineError(result, message);
        expect(result.stderr).not.toContain('\u001b');
      }
    }
    expect(readFileSync(sandbox.defaultDbPath).equals(bytes)).toBe(true);
  });
});

describe('bad input', () => {
  const viewers = (list: unknown) => JSON.stringify({ AI: 1, list });
  it.each([
    ['a missing file', [], 'nope.json', /cannot read nope\.json: no such file or directory/],
    [
      'a directory without a known file',
      [['empty/readme.txt', 'hello']],
      'empty',
      /no PYHABOT state file in the directory empty/,
    ],
    [
      'malformed JSON',
      [['viewers.json', '{"AI": 1, "list": {"1": {"url": ']],
      'viewers.json',
      /viewers\.json is not valid JSON/,
    ],
    [
      'a field of the wrong type',
      [
        [
          'viewers.json',
          viewers({
            '1': { url: 'https://hardverapro.hu/aprok/mobil/index.html', lastseen: 5 },
            '2': { url: 'https://hardverapro.hu/aprok/hardver/index.html', lastseen: 'x' },
          }),
        ],
      ],
      'viewers.json',
      /viewers\.json: list\.2\.lastseen should be an ad id/,
    ],
    [
      'an unknown file',
      [['package.json', '{"name": "x"}']],
      'package.json',
      /not a PYHABOT or pyhabot export file: package\.json/,
    ],
    [
      'an export from a newer pyhabot',
      [['w.yaml', 'format: pyhabot-watches\nversion: 4\nwatches: []\n']],
      'w.yaml',
      /newer pyhabot/,
    ],
  ])('refuses %s with exit 2, one line and a hint, writing nothing', async (_label, files, path, message) => {
    using sandbox = createSandbox();
    copySample(sandbox, 'pyhabot-2025-tinydb');
    expect((await sandbox.run(['import', 'pyhabot-2025-tinydb'])).code).toBe(0);
    const bytes = readFileSync(sandbox.defaultDbPath);
    for (const [name, content] of files as Array<[string, string]>) writeFile(sandbox, name, content);
    expectOneLineError(await sandbox.run(['import', path]), message);
    expect(readFileSync(sandbox.defaultDbPath).equals(bytes)).toBe(true);
  });

  it('creates no database for a bad file', async () => {
    using sandbox = createSandbox();
    writeFile(sandbox, 'viewers.json', '{"AI": 1, "list": []}');
    expectOneLineError(await sandbox.run(['import', 'viewers.json']), /list should be an object/);
    expect(existsSync(sandbox.defaultDbPath)).toBe(false);
  });

  it('imports the rest but exits 1 when an entry is refused', async () => {
    using sandbox = createSandbox();
    writeFile(
      sandbox,
      'viewers.json',
      viewers({
        '1': { url: 'https://hardverapro.hu/aprok/mobil/index.html', lastseen: false },
        '2': { url: 'https://example.com/aprok/mobil/index.html', lastseen: false },
      }),
    );
    const result = await sandbox.run(['import', 'viewers.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('skipped entry 2: example.com is not HardverApró');
    expect(sandbox.query('SELECT id FROM watches')).toEqual([{ id: 1 }]);
  });
});

describe('the first check after an import', () => {
  const expectedAds = (JSON.parse(readFileSync(EXPECTED_LISTING, 'utf8')) as { ads: Array<Record<string, unknown>> })
    .ads;

  /** The 2025 fork's file for a watch of the local site that had seen every ad of the fixture page. */
  function tinyDbFor(siteUrl: string, webhook: string): unknown {
    const advertisements: Record<string, unknown> = {};
    for (const ad of expectedAds) {
      const priceText = String(ad.price_text_title_col);
      const digits = /^[\d ]+ Ft$/.test(priceText) ? Number(priceText.replace(/\D/g, '')) : null;
      advertisements[String(ad.id)] = {
        id: Number(ad.id),
        title: ad.title,
        url: ad.url,
        // The fork stored whole forints; word prices stay text, which the import reads as the parser does.
        price: digits ?? priceText,
        city: ad.cities_text,
        date: ad.time_text,
        pinned: ad.pinned_eloresorolva,
        seller_name: ad.seller_name,
        seller_url: ad.seller_href,
        seller_rates: ad.seller_rating_text,
        image: ad.image_src,
        prev_prices: String(ad.id) === '7318447' ? [180000] : [],
        watch_id: 1,
        active: String(ad.id) !== '4795714',
        price_alert: false,
      };
    }
    return {
      _default: {},
      watchlist: {
        '1': { id: 1, url: `${siteUrl}${LISTING_PATH}`, last_checked: 1766157600.5, notifyon: null, webhook },
      },
      advertisements,
    };
  }

  it('reports nothing for the ads the 2025 fork had seen, then the new ad and a price change', async () => {
    using sandbox = createSandbox();
    const page = { current: new ListingPage().withoutNextPage() };
    await using site = await startSite(page);
    await using receiver = await startFakeReceiver([{ status: 200, body: { ok: true } }]);
    writeFile(sandbox, 'persistent_data/watchlist.json', tinyDbFor(site.url, `${receiver.url}/hook`));
    const imported = await sandbox.run(['import', '.', '--allow-any-host']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Importing ${join('.', 'persistent_data/watchlist.json')}`);

    const first = await sandbox.run(['check', '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const firstRecords = records(first);
    expect(firstRecords.map((record) => record.type)).toEqual(['summary']);
    expect(firstRecords[0]).toMatchObject({ newAds: 0, priceChanges: 0, baselines: 0, delivered: 0 });
    expect(receiver.requests).toHaveLength(0);
    expect(site.requests.length).toBeGreaterThan(0);

    page.current = new ListingPage()
      .withoutNextPage()
      .addAd(7318447, 7400000, 'Brand new phone')
      .setPrice(7318447, '150 000 Ft');
    const second = await sandbox.run(['check', '--json']);
    expect(second.code).toBe(0);
    const events = records(second).filter((record) => record.type !== 'summary');
    expect(events.map((record) => [record.type, (record.ad as { id: number }).id])).toEqual(
      expect.arrayContaining([
        ['new_ad', 7400000],
        ['price_changed', 7318447],
      ]),
    );
    expect(events).toHaveLength(2);
    expect(receiver.requests.map((request) => request.path)).toEqual(['/hook', '/hook']);
  });

  it("reports only the ads above the 2021 bot's lastseen, at once and without a baseline", async () => {
    using sandbox = createSandbox();
    const page = { current: new ListingPage().withoutNextPage() };
    await using site = await startSite(page);
    await using receiver = await startFakeReceiver([{ status: 204 }]);
    const ids = page.current.adIds();
    const lastSeen = 7328291;
    const above = ids.filter((id) => id > lastSeen);
    expect(above.length).toBeGreaterThan(0);
    expect(above.length).toBeLessThan(ids.length);
    writeFile(sandbox, 'databank/viewers.json', {
      AI: 2,
      list: {
        '1': {
          url: `${site.url}${LISTING_PATH}`,
          category_name: 'phones',
          lastseen: lastSeen,
          notifyon: { on: 'webhook', url: `${receiver.url}/hook` },
        },
      },
    });
    const imported = await sandbox.run(['import', 'databank/viewers.json', '--allow-any-host']);
    expect(imported.code).toBe(0);
    expect(sandbox.query('SELECT target FROM watch_targets')).toEqual([{ target: `discord+${receiver.url}/hook` }]);

    const first = await sandbox.run(['check', '--json']);
    expect(first.code).toBe(0);
    const firstRecords = records(first);
    expect(firstRecords.filter((record) => record.type === 'baseline')).toEqual([]);
    const reported = firstRecords
      .filter((record) => record.type === 'new_ad')
      .map((record) => (record.ad as { id: number }).id);
    expect(reported.sort()).toEqual([...above].sort());
    // Discord messages carry several ads each, so count what was sent rather than requests.
    const sent = receiver.requests.length;
    expect(sent).toBeGreaterThan(0);
    expect(receiver.requests.every((request) => request.path.startsWith('/hook'))).toBe(true);

    const second = await sandbox.run(['check', '--json']);
    expect(records(second).map((record) => record.type)).toEqual(['summary']);
    expect(receiver.requests).toHaveLength(sent);

    page.current = new ListingPage().withoutNextPage().addAd(ids[10] ?? 0, 7400001, 'Another phone');
    const third = await sandbox.run(['check', '--json']);
    const newAds = records(third).filter((record) => record.type === 'new_ad');
    expect(newAds.map((record) => (record.ad as { id: number }).id)).toEqual([7400001]);
  });
});
