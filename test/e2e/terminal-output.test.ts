import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { commandTable } from '../../src/cli/command-table.js';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { LISTING_FIXTURE, ListingPage } from '../helpers/listing-fixture.js';

const MOBIL = '/aprok/mobil/index.html';
const README = resolve(import.meta.dirname, '../../README.md');
const NARROW = { COLUMNS: '80' };

function widestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => stringWidth(line)));
}

function configure(sandbox: CliSandbox): void {
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'requestDelayMs: 0\nnewestFirst: false\nmaxRetries: 0\n');
}

/** Long-flag names (`--json`) in a text. */
function longFlags(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((match) => match[0]));
}

describe('output that fits a terminal', () => {
  it('fits list, ads, parse and check into COLUMNS=80, and keeps full rows in a pipe', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    const page = new ListingPage()
      .keepFirst(12)
      .withoutNextPage()
      .addAd(
        new ListingPage().adIds()[8] ?? 0,
        99_000_001,
        `Árvíztűrő 株式会社 ゲーミング 🎮 ${'nagyon hosszú cím '.repeat(5)}`,
      );
    site.serve(MOBIL, page);
    const longName = `GPU ${'széles név 🎮 '.repeat(8)}`.trim();
    expect((await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--name', longName])).code).toBe(0);

    const check = await sandbox.run(['check'], { env: NARROW });
    expect(check.code, check.stderr).toBe(0);
    const runs = [
      await sandbox.run(['list'], { env: NARROW }),
      await sandbox.run(['ads', '1'], { env: NARROW }),
      await sandbox.run(['parse', LISTING_FIXTURE], { env: NARROW }),
      await sandbox.run(['status'], { env: NARROW }),
    ];
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(widestLine(run.stdout)).toBeLessThanOrEqual(80);
    }
    expect(runs[0]?.stdout).toContain('…');

    const piped = await sandbox.run(['ads', '1']);
    expect(widestLine(piped.stdout)).toBeGreaterThan(80);
    expect(piped.stdout).toContain('Árvíztűrő 株式会社 ゲーミング 🎮 nagyon hosszú cím');
  });

  it('keeps every help page within 80 columns, with examples', async () => {
    using sandbox = createCliSandbox();
    const main = await sandbox.run(['--help']);
    expect(main.code).toBe(0);
    expect(widestLine(main.stdout)).toBeLessThanOrEqual(80);
    for (const spec of commandTable) {
      const help = await sandbox.run([spec.name, '--help']);
      expect(help.code).toBe(0);
      expect(widestLine(help.stdout), spec.name).toBeLessThanOrEqual(80);
      expect(help.stdout).toContain('Examples:\n  pyhabot');
    }
    const add = await sandbox.run(['add', '--help']);
    expect(add.stdout).toContain('Notification targets:');
    expect(add.stdout).toContain('telegram+ needs ?chat_id=');
  });

  it("agrees with the README's command table: every option of one is in the other", async () => {
    using sandbox = createCliSandbox();
    const readme = readFileSync(README, 'utf8');
    for (const spec of commandTable) {
      const row = readme
        .split('\n')
        .find((line) => line.startsWith(`| \`pyhabot ${spec.name} `) || line.startsWith(`| \`pyhabot ${spec.name}\``));
      expect(row, `README row for ${spec.name}`).toBeDefined();
      const usage = (row ?? '').split('` |')[0] ?? '';
      const help = (await sandbox.run([spec.name, '--help'])).stdout;
      const options = help.slice(help.indexOf('Options:'), help.indexOf('Examples:'));
      const fromHelp = longFlags(options);
      fromHelp.delete('--help');
      expect([...longFlags(usage)].sort(), spec.name).toEqual([...fromHelp].sort());
    }
  });

  it('prints local times in show, and pyhabot words rather than the site labels in parse', async () => {
    using sandbox = createCliSandbox();
    expect((await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html'])).code).toBe(0);
    const shown = await sandbox.run(['show', '1'], { env: { TZ: 'Asia/Tokyo' } });
    expect(shown.stdout).toMatch(/created\s+\w{3} \d+, \d{4}, \d+:\d\d [AP]M \(just now\)/);
    expect(shown.stdout).not.toMatch(/\d{4}-\d\d-\d\dT/);

    const parsed = await sandbox.run(['parse', LISTING_FIXTURE, '--captured-at', '2025-12-19T16:30:00+01:00']);
    expect(parsed.stdout).not.toMatch(/Előresorolva|Keresem|\bma \d/);
    expect(parsed.stdout).toMatch(/\bwanted\b/);
    const json = JSON.parse(
      (await sandbox.run(['parse', LISTING_FIXTURE, '--json', '--captured-at', '2025-12-19T16:30:00+01:00'])).stdout,
    );
    expect(json.ads.map((ad: { timeText: string }) => ad.timeText)).toContain('Előresorolva');
  });
});
