import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { databaseDigest } from '../helpers/fault-cli.js';

// Generated command lines for the commands that take user input. Whatever the input, pyhabot exits 0 or 2, says
// at most one line and a hint on stderr, never a stack trace, and a run that exits 2 leaves the database exactly
// as it was. Each worker has its own sandbox and database, so runs in parallel never see each other's writes.

const SEED = 20251219;
const WORKERS = 3;
/** Runs per command family: 600 command lines, each carrying one to a dozen generated URLs, ids and values. */
const RUNS = { add: 160, edit: 160, show: 80, rescrape: 50, remove: 50, import: 100 } as const;

const categories = ['mobil', 'hardver/videokartya', 'hardver/alaplap', 'notebook', 'szoftver-jatek', 'x'];

/** Text from every corner: control characters, other scripts, emoji, lone surrogates; never NUL (argv cannot hold it). */
const anyText = fc
  .oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom('', ' ', '\n', '\t', '-', '--', '-h', '--json', '💥', 'ő'.repeat(300), 'x'.repeat(5000)),
  )
  .map((text) => text.replaceAll('\0', ''));

const siteUrl = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://', ''),
    fc.constantFrom(
      'hardverapro.hu',
      'www.hardverapro.hu',
      'HardverApro.hu',
      'hardverapro.hu.evil.example',
      'auth.rios.hu',
    ),
    fc.constantFrom('/aprok/', '/aprok', '/apro/', '/'),
    fc.constantFrom(...categories),
    fc.constantFrom('/index.html', '/keres.php', '/keres.php?stext=', '', '/'),
    fc.option(anyText, { nil: undefined }),
    fc.option(fc.constantFrom('&offset=100', '?offset=x', '&_tc=1', '#top', '?maxprice=-1'), { nil: undefined }),
  )
  .map(
    ([scheme, host, prefix, category, page, text, extra]) =>
      `${scheme}${host}${prefix}${category}${page}${text === undefined ? '' : encodeURIComponent(text)}${extra ?? ''}`,
  );

const url = fc.oneof(
  { weight: 4, arbitrary: siteUrl },
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'http://127.0.0.1:1/aprok/mobil/index.html',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://hardverapro.hu/aprok/mobil/index.html',
    'https://hardverapro.hu:99999/aprok/mobil/index.html',
    'https://user:secret@hardverapro.hu/aprok/mobil/index.html',
    'https://[::1]/aprok/mobil/index.html',
    'https://hardverapro.hu/aprok/%ZZ/index.html',
  ),
  anyText,
);

const id = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 20 }).map(String) },
  fc.integer().map(String),
  fc.constantFrom('0', '-1', '1.5', '1e3', '0x10', ' 2 ', '', '2147483648', '9'.repeat(40), 'NaN', 'Infinity'),
  anyText,
);

const target = fc.oneof(
  fc.constantFrom(
    'discord://123/abc',
    'https://discord.com/api/webhooks/1/token',
    'https://discord.com/api/webhooks/',
    'slack://T/B/secret',
    'slack://',
    'tgram://123:abc/456',
    'tgram://',
    'ntfy://topic',
    'ntfys://host/',
    'json://127.0.0.1:1/hook',
    'discord+https://127.0.0.1/x',
    'bogus+https://x',
    'mailto:someone@example.com',
  ),
  fc.webUrl(),
  url,
  anyText,
);

// Options are left out two times in three, so that many lines hold only a few values and some are wholly valid.
const maybe = <T>(arbitrary: fc.Arbitrary<T[]>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant([] as T[]) }, { weight: 1, arbitrary });
const flag = (name: string) => maybe(fc.constant([name]));
const valued = (name: string, value: fc.Arbitrary<string>) => maybe(value.map((text) => [name, text]));
const pageCount = fc.oneof(fc.integer({ min: -5, max: 60 }).map(String), anyText);
const junk: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<string[]>([]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string[]>(['--bogus'], ['--db'], ['extra', 'args'], ['--max-pages'], ['--name']),
  },
);
/** Values a user would type, mixed with the rest so that the success path is exercised too. */
const plausibleName = fc.oneof(fc.constantFrom('RTX 3080', 'Olcsó telefonok', 'Alaplap AM5'), anyText);

const commandLine = (parts: Array<fc.Arbitrary<string[]>>) => fc.tuple(...parts).map((groups) => groups.flat());

const families = {
  add: commandLine([
    fc.constant(['add']),
    url.map((text) => [text]),
    flag('--allow-any-host'),
    valued('--name', plausibleName),
    maybe(fc.array(target, { maxLength: 3 }).map((targets) => targets.flatMap((text) => ['--notify', text]))),
    valued('--max-pages', pageCount),
    flag('--notify-existing'),
    flag('--disabled'),
    flag('--json'),
    junk,
  ]),
  edit: commandLine([
    fc.constant(['edit']),
    id.map((text) => [text]),
    valued('--name', plausibleName),
    valued('--url', url),
    flag('--allow-any-host'),
    flag('--enable'),
    flag('--disable'),
    maybe(fc.array(target, { maxLength: 2 }).map((targets) => targets.flatMap((text) => ['--add-notify', text]))),
    maybe(fc.array(target, { maxLength: 2 }).map((targets) => targets.flatMap((text) => ['--remove-notify', text]))),
    flag('--notify-existing'),
    valued('--max-pages', pageCount),
    flag('--json'),
    junk,
  ]),
  show: commandLine([
    fc.constant(['show']),
    fc.oneof({ weight: 4, arbitrary: id.map((text) => [text]) }, fc.array(id, { maxLength: 2 })),
    flag('--json'),
    junk,
  ]),
  rescrape: commandLine([
    fc.constant(['rescrape']),
    fc.array(id, { maxLength: 3 }),
    flag('--all'),
    flag('--json'),
    junk,
  ]),
  // Last, so that the others still find most watches in place.
  remove: commandLine([fc.constant(['remove']), fc.array(id, { maxLength: 3 }), flag('--json'), junk]),
};

/** What an import file holds: nothing, bytes, any JSON, or the legacy shapes filled with nonsense. */
const importContent = fc.oneof(
  fc.constant(''),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
  anyText.map((text) => Buffer.from(text)),
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value))),
  fc.record({ list: fc.jsonValue(), AI: fc.jsonValue() }, { requiredKeys: ['list'] }).map(toJsonBuffer),
  fc
    .dictionary(
      fc.integer({ min: 1, max: 5 }).map(String),
      fc.record(
        { url, name: anyText, notifyon: fc.jsonValue(), seen: fc.jsonValue(), last_check: fc.jsonValue() },
        { requiredKeys: [] },
      ),
    )
    .map((table) => toJsonBuffer({ watchlist: table })),
  fc.record({ format: fc.jsonValue(), watches: fc.jsonValue() }).map(toJsonBuffer),
  fc.constant(Buffer.from('{"watchlist": {"1": {"url": "https://hardverapro.hu/aprok/mobil/index.html"')),
);

function toJsonBuffer(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

const importCase = fc.tuple(
  fc.constantFrom('file.json', 'file.yaml', 'viewers.json', 'watchlist.json', 'file', 'missing.json', 'a-directory'),
  importContent,
  flag('--dry-run'),
  flag('--allow-any-host'),
  flag('--json'),
);

interface Failure {
  args: string[];
  problem: string;
  result: Pick<CliResult, 'code' | 'stderr'>;
}

/** How a family's runs may end. */
interface Rules {
  /** Exit codes allowed besides 0 and 2. */
  alsoAllowed?: number[];
  /** The database must stay byte-identical whatever the exit code (a dry run). */
  readOnly?: (args: string[]) => boolean;
}

/** The rules every run must keep, given the database digest before it. */
function problemsOf(
  result: CliResult,
  args: string[],
  before: ReturnType<typeof databaseDigest>,
  dbPath: string,
  rules: Rules,
): string[] {
  const problems: string[] = [];
  const allowed = [0, 2, ...(rules.alsoAllowed ?? [])];
  if (!allowed.includes(result.code ?? -1)) problems.push(`exit ${result.code ?? result.signal}`);
  if (result.stderr.includes('\n    at ')) problems.push('stack trace on stderr');
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  if (lines.length > 2) problems.push(`${lines.length} lines on stderr`);
  if (lines.length === 2 && !lines[1]?.startsWith('hint: ')) problems.push('second stderr line is not a hint');
  if (result.code === 2 && !lines[0]?.startsWith('pyhabot: ')) problems.push('exit 2 without a "pyhabot: …" message');
  if (result.code === 2 || rules.readOnly?.(args)) {
    const after = databaseDigest(dbPath);
    if (after.db !== before.db || after.wal !== before.wal) {
      problems.push(`database changed by a run that ${result.code === 2 ? 'exited 2' : 'must not write'}`);
    }
  }
  return problems;
}

/** Runs every command line through `WORKERS` sandboxes in parallel; returns the broken rules. */
async function runAll(
  sandboxes: CliSandbox[],
  jobs: Array<{ args: string[]; prepare?: (sandbox: CliSandbox) => string[] }>,
  rules: Rules = {},
): Promise<{ failures: Failure[]; codes: Record<string, number> }> {
  const failures: Failure[] = [];
  const codes: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    sandboxes.map(async (sandbox) => {
      while (next < jobs.length) {
        const job = jobs[next] as (typeof jobs)[number];
        next += 1;
        const args = job.prepare ? job.prepare(sandbox) : job.args;
        const before = databaseDigest(sandbox.defaultDbPath);
        const result = await sandbox.run(args, { timeoutMs: 30_000 });
        codes[String(result.code)] = (codes[String(result.code)] ?? 0) + 1;
        for (const problem of problemsOf(result, args, before, sandbox.defaultDbPath, rules)) {
          failures.push({ args, problem, result: { code: result.code, stderr: result.stderr.slice(0, 400) } });
        }
      }
    }),
  );
  return { failures, codes };
}

describe('bad input to the commands that take it', () => {
  const sandboxes: CliSandbox[] = [];
  let importAvailable = false;

  beforeAll(async () => {
    for (let worker = 0; worker < WORKERS; worker += 1) sandboxes.push(createCliSandbox());
    const [first, ...others] = sandboxes as [CliSandbox, ...CliSandbox[]];
    // A few watches, so valid ids and duplicate URLs occur among the generated inputs.
    for (const category of ['mobil', 'notebook', 'hardver/videokartya']) {
      const added = await first.run([
        'add',
        `https://hardverapro.hu/aprok/${category}/index.html`,
        '--notify',
        'discord://123/abc',
      ]);
      expect(added.code, added.stderr).toBe(0);
    }
    // The other sandboxes start from a copy of that database instead of three more CLI starts each.
    for (const sandbox of others) {
      mkdirSync(dirname(sandbox.defaultDbPath), { recursive: true });
      for (const suffix of ['', '-wal']) {
        const from = `${first.defaultDbPath}${suffix}`;
        if (existsSync(from)) copyFileSync(from, `${sandbox.defaultDbPath}${suffix}`);
      }
    }
    const help = await first.run(['import', '--help']);
    importAvailable = help.code === 0 && help.stdout.includes('import');
  });

  afterAll(() => {
    for (const sandbox of sandboxes) sandbox[Symbol.dispose]();
  });

  it.each(Object.keys(families) as Array<keyof typeof families>)(
    '`%s` exits 0 or 2, briefly, and changes nothing when it refuses',
    async (family) => {
      const lines = fc.sample(families[family], { seed: SEED, numRuns: RUNS[family] });
      const { failures, codes } = await runAll(
        sandboxes,
        lines.map((args) => ({ args })),
      );
      expect(failures).toEqual([]);
      // Both outcomes occur, so the generators reach past argument parsing.
      expect(Object.keys(codes).sort()).toEqual(['0', '2']);
    },
  );

  // `import` also exits 1 when it skipped entries it could not use (the report lists them); a dry run never writes.
  it('`import` of garbage files exits 0, 1 or 2, briefly, and changes nothing when it refuses', async (context) => {
    if (!importAvailable) context.skip();
    const samples = fc.sample(importCase, { seed: SEED, numRuns: RUNS.import });
    let fileNumber = 0;
    const { failures, codes } = await runAll(
      sandboxes,
      samples.map(([name, content, ...flags]) => ({
        args: [],
        prepare: (sandbox: CliSandbox) => {
          fileNumber += 1;
          const directory = join(sandbox.dir, `import-${fileNumber}`);
          mkdirSync(directory);
          const path = join(directory, name);
          if (name === 'a-directory') mkdirSync(path);
          else if (name !== 'missing.json') writeFileSync(path, content);
          return ['import', path, ...flags.flat()];
        },
      })),
      { alsoAllowed: [1], readOnly: (args) => args.includes('--dry-run') },
    );
    expect(failures).toEqual([]);
    expect(codes['2']).toBeGreaterThan(0);
  });
});
