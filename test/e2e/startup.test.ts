import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, createCliSandbox } from '../helpers/cli-sandbox.js';

const RECORDER = resolve(import.meta.dirname, '../helpers/record-imports.mjs');
const HEAVY = [
  '/node_modules/got/',
  '/node_modules/node-html-parser/',
  '/node_modules/pino',
  '/dist/notify/',
  '/dist/scrape/',
];

function loadedModules(args: string[], sandboxEnv: NodeJS.ProcessEnv, cwd: string): string[] {
  const log = join(cwd, `imports-${args.join('-')}.log`);
  const result = spawnSync(process.execPath, ['--import', RECORDER, BIN, ...args], {
    cwd,
    env: { ...sandboxEnv, RECORD_IMPORTS_LOG: log },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(log, 'utf8').trim().split('\n');
}

describe('start-up cost', () => {
  it.each([[['--version']], [['list']], [['list', '--json']], [['show', '1']], [['status']]])(
    '`pyhabot %s` loads no HTTP client, HTML parser, logger or notification code',
    async (args) => {
      using sandbox = createCliSandbox();
      await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html', '--notify', 'discord://123/abc']);
      const modules = loadedModules(args, sandbox.env, sandbox.dir);
      expect(modules.some((url) => url.includes('/dist/cli/main.js'))).toBe(true);
      for (const heavy of HEAVY) expect(modules.filter((url) => url.includes(heavy))).toEqual([]);
    },
  );

  it('`pyhabot --version` loads no commander, and `pyhabot list` with no config file no config reader or colours', async () => {
    using sandbox = createCliSandbox();
    await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html']);
    // Run from the home directory, so the search for a config file looks at no directory outside the sandbox.
    const version = loadedModules(['--db', 'x.db', '--version'], sandbox.env, sandbox.home);
    expect(version.filter((url) => url.includes('/node_modules/'))).toEqual([]);
    const list = loadedModules(['list'], sandbox.env, sandbox.home);
    const unneededModules = [
      '/node_modules/cosmiconfig/',
      '/node_modules/js-yaml/',
      '/node_modules/kleur/',
      // The driver's addon is named directly, without its search through candidate paths.
      '/node_modules/bindings/',
      // Only a failure needs these.
      '/dist/cli/report-error.js',
      '/dist/config/config-error.js',
      '/dist/config/unknown-variables.js',
      // No target is configured or shown.
      '/dist/domain/targets/',
    ];
    for (const unneeded of unneededModules) {
      expect(list.filter((url) => url.includes(unneeded))).toEqual([]);
    }
  });

  it('does not register process handlers when the CLI module is imported', () => {
    const script = `
      const before = ['SIGINT', 'SIGTERM', 'exit', 'uncaughtException'].map((e) => process.listenerCount(e));
      await import(${JSON.stringify(resolve(import.meta.dirname, '../../dist/cli/main.js'))});
      const after = ['SIGINT', 'SIGTERM', 'exit', 'uncaughtException'].map((e) => process.listenerCount(e));
      process.stdout.write(JSON.stringify({ before, after }));
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const { before, after } = JSON.parse(result.stdout);
    expect(after).toEqual(before);
  });
});
