import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { runCliMeasured } from '../helpers/fault-cli.js';

// Files an attacker (or an accident) can hand to `pyhabot import`. Each is refused at once with exit 2 and one
// line plus a hint: no hang on a pipe, no endless read of a device, no gigabytes spent expanding YAML aliases.

const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';

/** 8,000 ads of the 2025 fork's layout whose price histories all alias one list of 20,000 prices (about 520 kB). */
function aliasBomb(): string {
  const prices = Array.from({ length: 20_000 }, (_, index) => String(index % 1000)).join(', ');
  const lines = [
    `prices: &prices [${prices}]`,
    'watchlist:',
    `  '1': {id: 1, url: '${MOBIL}', name: mobil}`,
    'advertisements:',
  ];
  for (let id = 1; id <= 8_000; id += 1) lines.push(`  '${id}': {watch_id: 1, price: 1000, prev_prices: *prices}`);
  return `${lines.join('\n')}\n`;
}

function expectRefused(result: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines[0]).toMatch(message);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('pyhabot import of hostile files', () => {
  let sandbox: CliSandbox;

  beforeAll(() => {
    sandbox = createCliSandbox();
  });

  afterAll(() => {
    sandbox[Symbol.dispose]();
  });

  it('refuses a YAML alias bomb at once, in little memory', async () => {
    const file = join(sandbox.dir, 'bomb.yaml');
    writeFileSync(file, aliasBomb());
    const result = await runCliMeasured(sandbox, ['import', file], { timeoutMs: 60_000 });
    expectRefused(result, /^pyhabot: .*bomb\.yaml repeats a list or mapping through a YAML alias/);
    expect(result.maxRssMb).not.toBeNull();
    expect(result.maxRssMb ?? Number.POSITIVE_INFINITY).toBeLessThan(300);
  });

  it('refuses the same bomb under a name without an extension, in a dry run', async () => {
    const file = join(sandbox.dir, 'watchlist');
    writeFileSync(file, aliasBomb());
    const result = await runCliMeasured(sandbox, ['import', file, '--dry-run'], { timeoutMs: 60_000 });
    expectRefused(result, /YAML alias/);
  });

  it('refuses an export whose watches all share one huge rules mapping through an alias', async () => {
    const unknown = Array.from({ length: 20_000 }, (_, index) => `rule${index}: true`).join(', ');
    const lines = [
      'format: pyhabot-watches',
      'version: 3',
      'watches:',
      `  - {url: '${MOBIL}', rules: &r {${unknown}}}`,
    ];
    for (let page = 1; page <= 8_000; page += 1) lines.push(`  - {url: '${MOBIL}?page=${page}', rules: *r}`);
    const file = join(sandbox.dir, 'rules.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await runCliMeasured(sandbox, ['import', file, '--dry-run'], { timeoutMs: 60_000 });
    expectRefused(result, /^pyhabot: .*rules\.yaml repeats a list or mapping through a YAML alias/);
  });

  it('refuses a named pipe without waiting for a writer', async () => {
    const fifo = join(sandbox.dir, 'viewers.json');
    execFileSync('mkfifo', [fifo]);
    expectRefused(await sandbox.run(['import', fifo]), /cannot read .*viewers\.json: it is a named pipe/);
  });

  it('refuses a device, given directly or through a link', async () => {
    const link = join(sandbox.dir, 'zero.json');
    symlinkSync('/dev/zero', link);
    expectRefused(await sandbox.run(['import', '/dev/zero']), /cannot read \/dev\/zero: it is a device/);
    expectRefused(await sandbox.run(['import', link]), /cannot read .*zero\.json: it is a device/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const huge = join(sandbox.dir, 'huge.json');
    writeFileSync(huge, '{"list": {}}');
    truncateSync(huge, 512 * 1024 * 1024);
    expectRefused(await sandbox.run(['import', huge]), /cannot read .*huge\.json: it is larger than 16 MB/);
  });

  it("skips a state file in the old bot's directory that is not a regular file", async () => {
    const directory = join(sandbox.dir, 'old-bot');
    mkdirSync(join(directory, 'databank'), { recursive: true });
    execFileSync('mkfifo', [join(directory, 'databank', 'viewers.json')]);
    expectRefused(await sandbox.run(['import', directory]), /no PYHABOT state file in the directory/);
  });
});
