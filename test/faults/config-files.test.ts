import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';

// Config lookup must never run a file. Each planted file would leave a marker behind if anything imported it:
// cosmiconfig's own meta config (.config/config.*) as well as JavaScript and TypeScript files with pyhabot's
// config names. Every command is run beside them; the marker must never appear.

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const LISTING = join(FIXTURES, 'hardverapro', 'listing-2025-12-mobil.html');
const LEGACY = join(FIXTURES, 'legacy', 'pyhabot-2025-tinydb');
const URL = 'https://hardverapro.hu/aprok/mobil/index.html';

/** One line per command, with arguments that let each reach its configuration. */
const EVERY_COMMAND: string[][] = [
  ['add', URL, '--name', 'phones'],
  ['list'],
  ['show', '1'],
  ['ads', '1'],
  ['status'],
  ['config'],
  ['edit', '1', '--name', 'renamed'],
  ['export'],
  ['import', LEGACY, '--dry-run'],
  ['parse', LISTING],
  ['notify-test', 'json+http://127.0.0.1:9/hook'],
  ['rescrape', '1'],
  ['check', '--quiet'],
  ['remove', '1'],
];

/** A module that writes the marker when it is loaded, in the syntax its extension needs. */
function markerModule(marker: string, name: string): string {
  const write = `writeFileSync(${JSON.stringify(marker)}, ${JSON.stringify(name)});`;
  if (name.endsWith('.cjs') || name.endsWith('.cts')) return `require('node:fs').${write}\nmodule.exports = {};\n`;
  return `import { writeFileSync } from 'node:fs';\n${write}\nexport default {};\n`;
}

function plant(dir: string, marker: string, names: readonly string[]): void {
  for (const name of names) {
    const path = join(dir, name);
    mkdirSync(resolve(path, '..'), { recursive: true });
    writeFileSync(path, markerModule(marker, name));
  }
}

async function runEverywhere(
  sandbox: CliSandbox,
  cwd: string,
): Promise<Array<{ args: string[]; code: number | null; stderr: string }>> {
  const results = [];
  for (const args of EVERY_COMMAND) {
    const result = await sandbox.run(args, { cwd, env: { NODE_OPTIONS: '' } });
    results.push({ args, code: result.code, stderr: result.stderr });
  }
  return results;
}

describe('config lookup never runs code', () => {
  it("never loads cosmiconfig's meta config files, and every command still works beside them", async () => {
    using sandbox = createCliSandbox();
    const marker = join(sandbox.dir, 'ran.txt');
    const project = join(sandbox.home, 'project');
    const meta = ['config.js', 'config.cjs', 'config.mjs', 'config.ts', 'config.mts', 'config.cts'];
    plant(join(project, '.config'), marker, meta);
    for (const { args, code, stderr } of await runEverywhere(sandbox, project)) {
      expect(existsSync(marker), `pyhabot ${args.join(' ')}`).toBe(false);
      expect(code, `pyhabot ${args.join(' ')}: ${stderr}`).not.toBe(70);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect((await sandbox.run(['list'], { cwd: project })).code).toBe(0);
  });

  it.each([['.pyhabotrc.js'], ['pyhabot.config.mjs'], ['.pyhabotrc.ts'], ['.pyhabotrc.cjs']])(
    'refuses %s in the working directory for every command, with exit 2 and without running it',
    async (name) => {
      using sandbox = createCliSandbox();
      const marker = join(sandbox.dir, 'ran.txt');
      const project = join(sandbox.home, 'project');
      plant(project, marker, [name]);
      for (const { args, code, stderr } of await runEverywhere(sandbox, project)) {
        expect(existsSync(marker), `pyhabot ${args.join(' ')}`).toBe(false);
        // Reading a saved page needs no settings, so it reads no config file at all.
        if (args[0] === 'parse') continue;
        expect(code, `pyhabot ${args.join(' ')}: ${stderr}`).toBe(2);
        expect(stderr.split('\n')[0]).toBe(
          `pyhabot: cannot use ${join(project, name)}: config files that run code are not supported`,
        );
      }
      expect(existsSync(sandbox.defaultDbPath)).toBe(false);
    },
  );
});

describe('special files as config', () => {
  it.each([['/dev/zero'], ['/dev/urandom']])('`--config %s` exits 2 at once with one line', async (device) => {
    using sandbox = createCliSandbox();
    const result = await sandbox.run(['--config', device, 'list'], { timeoutMs: 10_000 });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      `pyhabot: config file ${device} (from --config) is not a regular file (a device, FIFO or socket)`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a FIFO named by PYHABOT_CONFIG does not hang', async () => {
    using sandbox = createCliSandbox();
    const fifo = join(sandbox.dir, 'config.fifo');
    const { spawnSync } = await import('node:child_process');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = await sandbox.run(['status'], { env: { PYHABOT_CONFIG: fifo }, timeoutMs: 10_000 });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a regular file');
  });

  it('a config file over 512 MB (sparse) exits 2 without reading it', async () => {
    using sandbox = createCliSandbox();
    const big = join(sandbox.dir, 'huge.yaml');
    const { truncateSync } = await import('node:fs');
    writeFileSync(big, '');
    truncateSync(big, 600 * 1024 * 1024);
    const result = await sandbox.run(['--config', big, 'config'], { timeoutMs: 10_000 });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`pyhabot: config file ${big} (from --config) is larger than 1 MiB`);
  });
});
