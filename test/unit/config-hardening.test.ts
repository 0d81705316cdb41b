import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/config/config-error.js';
import { type LoadConfigOptions, loadConfig } from '../../src/config/load-config.js';
import { MAX_SETTINGS_FILE_BYTES } from '../../src/config/read-small-file.js';
import { unknownVariableWarnings } from '../../src/config/unknown-variables.js';
import { UserError } from '../../src/domain/errors.js';

let home: string;

beforeEach(async () => {
  home = await realpath(await mkdtemp(join(tmpdir(), 'pyhabot-config-hardening-')));
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

function options(overrides: Partial<LoadConfigOptions> = {}): LoadConfigOptions {
  return { env: {}, cwd: home, homedir: home, version: '1.2.3', ...overrides };
}

async function errorOf(loading: Promise<unknown>): Promise<UserError> {
  const error = await loading.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

function makeFifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  expect(made.status).toBe(0);
}

describe('files that are not plain, small config files', () => {
  it.each([
    ['/dev/zero', 'is not a regular file'],
    ['/dev/random', 'is not a regular file'],
  ])('refuses --config %s with exit 2', async (device, problem) => {
    const error = await errorOf(loadConfig(options({ configFile: device })));
    expect(error.message).toBe(`config file ${device} (from --config) ${problem} (a device, FIFO or socket)`);
    expect(error.exitCode).toBe(2);
  });

  it('refuses a FIFO without waiting for a writer, named or found by the search', async () => {
    makeFifo(join(home, 'fifo.yaml'));
    const named = await errorOf(loadConfig(options({ configFile: 'fifo.yaml' })));
    expect(named.message).toContain('is not a regular file');
    makeFifo(join(home, '.pyhabotrc'));
    const found = await errorOf(loadConfig(options()));
    expect(found.message).toBe(
      `config file ${join(home, '.pyhabotrc')} is not a regular file (a device, FIFO or socket)`,
    );
    expect(found.exitCode).toBe(2);
  });

  it('refuses a config file over 1 MiB, and a _FILE variable pointing at a device or a FIFO', async () => {
    await writeFile(join(home, 'big.yaml'), `# ${'x'.repeat(MAX_SETTINGS_FILE_BYTES)}\n`);
    const big = await errorOf(loadConfig(options({ configFile: 'big.yaml' })));
    expect(big.message).toContain('is larger than 1 MiB');
    const device = await errorOf(loadConfig(options({ env: { PYHABOT_NOTIFY_FILE: '/dev/zero' } })));
    expect((device as ConfigError).problems).toEqual([
      'PYHABOT_NOTIFY_FILE: /dev/zero is not a regular file (a device, FIFO or socket)',
    ]);
    makeFifo(join(home, 'pipe'));
    const fifo = await errorOf(loadConfig(options({ env: { PYHABOT_DB_FILE: 'pipe' } })));
    expect(fifo.message).toContain('is not a regular file');
  });
});

it('takes --config /dev/null as an empty config file', async () => {
  const loaded = await loadConfig(options({ configFile: '/dev/null' }));
  expect(loaded.configFile).toBe('/dev/null');
  expect(loaded.config.maxPages).toBe(1);
});

describe('syntax errors never quote the file', () => {
  const SECRET = 'secretTOKENvalue';
  it.each([
    ['.pyhabotrc.json', `{\n  "notify": [${SECRET}]\n}\n`, 2, 14],
    ['.pyhabotrc.json', `{\n  "webhookSecret": "${SECRET}" "x"\n}\n`, 2, 39],
    ['.pyhabotrc.json', `{ "a": 1 }\n${SECRET}`, 2, 1],
    ['.pyhabotrc.yaml', `webhookSecret: "${SECRET}\n`, 2, 1],
    ['.pyhabotrc.yaml', `webhookSecret: !<tag:${SECRET}> x\n`, 1, 41],
  ])('%s: names the file, line and column only', async (name, text, line, column) => {
    const file = join(home, name);
    await writeFile(file, text);
    const error = await errorOf(loadConfig(options()));
    expect(error.message).toMatch(new RegExp(`^cannot parse ${file}: .+ \\(line ${line}, column ${column}\\)$`));
    expect(error.message).not.toContain(SECRET.slice(0, 6));
    expect(error.hint).toBe(`fix ${file} at line ${line}, or point --config / PYHABOT_CONFIG at another file`);
  });
});

describe('invalid settings point at the lines to fix', () => {
  it('names the lines of the keys with problems in the hint', async () => {
    const file = join(home, '.pyhabotrc');
    await writeFile(file, 'maxPages: 2\nrequestDelay: 5\nlanguage: en\nblockSize: 7\n');
    const error = await errorOf(loadConfig(options()));
    expect(error.hint).toMatch(new RegExp(`^fix ${file} \\(lines 2, 4\\); `));
  });
});

describe('notification targets in the settings', () => {
  it('keeps a comma inside a URL in PYHABOT_NOTIFY and still splits at whitespace', async () => {
    const loaded = await loadConfig(
      options({ env: { PYHABOT_NOTIFY: 'ntfy+https://ntfy.sh/alerts?tags=a,b\njson+https://hooks.example/x' } }),
    );
    expect(loaded.config.notify).toEqual(['ntfy+https://ntfy.sh/alerts?tags=a,b', 'json+https://hooks.example/x']);
  });

  it('refuses every target pyhabot cannot use, naming each one masked, from the environment and a file', async () => {
    const envError = await errorOf(
      loadConfig(options({ env: { PYHABOT_NOTIFY: 'garbage ftp://user:hunter22@x discord://1/ok' } })),
    );
    expect(envError.exitCode).toBe(2);
    const problems = (envError as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^PYHABOT_NOTIFY\[0\]: ".*" is not a notification target pyhabot can use: /);
    expect(problems[1]).toMatch(/^PYHABOT_NOTIFY\[1\]: "ftp:\/\/.*" is not a notification target pyhabot can use: /);
    expect(envError.message).not.toContain('hunter22');
    await writeFile(join(home, '.pyhabotrc'), 'notify:\n  - https://hooks.example/a\n  - tgram://12345/42\n');
    const fileError = await errorOf(loadConfig(options()));
    expect((fileError as ConfigError).problems).toEqual([
      expect.stringMatching(/^notify\[1\]: "tgram:\/\/\*\*\*\*\/42" is not a notification target pyhabot can use/),
    ]);
    expect(fileError.message).not.toContain('12345');
  });
});

it('checks targets read through PYHABOT_NOTIFY_FILE too', async () => {
  await writeFile(join(home, 'targets'), 'discord://1/abcdef\nntfy://\n');
  const error = await errorOf(loadConfig(options({ env: { PYHABOT_NOTIFY_FILE: join(home, 'targets') } })));
  expect((error as ConfigError).problems).toEqual([
    expect.stringMatching(/^PYHABOT_NOTIFY_FILE\[1\]: "ntfy:\/\/" is not a notification target pyhabot can use/),
  ]);
});

describe('unknown PYHABOT_ variables', () => {
  it('warns about each with the likely intended one, and stays quiet about known ones', () => {
    expect(
      unknownVariableWarnings({
        PYHABOT_REQUEST_DELAY: '5000',
        PYHABOT_NOTIFY: 'x',
        PYHABOT_NOTIFY_FILE: 'y',
        PYHABOT_INTERVAL: '300',
        PYHABOT_CHECK_ARGS: '--quiet',
        PYHABOT_CONFIG: 'z',
        PYHABOT_ZZZZZZZZZZZZZZZZ: '1',
        HOME: '/home/x',
      }),
    ).toEqual([
      'the environment variable PYHABOT_REQUEST_DELAY is not a pyhabot setting and is ignored (did you mean PYHABOT_REQUEST_DELAY_MS?)',
      'the environment variable PYHABOT_ZZZZZZZZZZZZZZZZ is not a pyhabot setting and is ignored',
    ]);
  });

  it('reaches the loaded config as warnings, not errors', async () => {
    const loaded = await loadConfig(options({ env: { PYHABOT_MAXPAGES: '4' } }));
    expect(loaded.config.maxPages).toBe(1);
    expect(loaded.warnings).toEqual([expect.stringContaining('(did you mean PYHABOT_MAX_PAGES?)')]);
  });
});

describe('where the database path came from', () => {
  it('names PERSISTENT_DATA_PATH or XDG_DATA_HOME when the default path was built from it', async () => {
    const persistent = await loadConfig(options({ env: { PERSISTENT_DATA_PATH: join(home, 'data') } }));
    expect(persistent.config.db).toBe(join(home, 'data', 'pyhabot.db'));
    expect(persistent.sources.db).toEqual({ kind: 'env', variable: 'PERSISTENT_DATA_PATH' });
    const xdg = await loadConfig(options({ env: { XDG_DATA_HOME: join(home, 'xdg') } }));
    expect(xdg.sources.db).toEqual({ kind: 'env', variable: 'XDG_DATA_HOME' });
    await mkdir(join(home, 'x'));
    expect((await loadConfig(options())).sources.db).toEqual({ kind: 'default' });
  });
});
