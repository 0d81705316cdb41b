import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { type LoadConfigOptions, loadConfig } from '../../src/config/load-config.js';
import { UserError } from '../../src/domain/errors.js';

// A fake home with a project two levels below it; the search walks from the project up to the home.
let root: string;
let home: string;
let project: string;

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'pyhabot-config-')));
  home = join(root, 'home');
  project = join(home, 'work', 'project');
  await mkdir(project, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(path: string, text: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}

function options(overrides: Partial<LoadConfigOptions> = {}): LoadConfigOptions {
  return { env: {}, cwd: project, homedir: home, version: '1.2.3', ...overrides };
}

/** The problems of the ConfigError that loading throws. */
async function problemsOf(loading: Promise<unknown>): Promise<readonly string[]> {
  const error = await loading.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

async function userErrorOf(loading: Promise<unknown>): Promise<UserError> {
  const error = await loading.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('defaults', () => {
  it('fills every key when nothing is configured', async () => {
    const loaded = await loadConfig(options());
    expect(loaded.configFile).toBeNull();
    expect(loaded.config).toEqual({
      db: join(home, '.local', 'share', 'pyhabot', 'pyhabot.db'),
      logLevel: 'warn',
      userAgent: 'pyhabot/1.2.3 (+https://github.com/pyhabot/pyhabot)',
      requestDelayMs: 1000,
      requestTimeoutMs: 20000,
      maxRetries: 3,
      retryAfterMaxMs: 60000,
      maxBodyBytes: 8388608,
      maxPages: 1,
      newestFirst: true,
      blockSize: 100,
      notify: [],
      notifyExisting: false,
      goneAfterMisses: 3,
      deliveryMaxAttempts: 8,
      deliveryTimeoutMs: 10000,
      deliveryBackoffMs: 60000,
      language: 'en',
      telegramLinkPreview: false,
      webhookSecrets: {},
      webhookSecret: null,
      failureThreshold: 3,
      alertTargets: [],
      heartbeatUrl: null,
      lockStaleMs: 120000,
      filter: null,
      'chat.integration': 'auto',
      'chat.telegram.token': null,
      'chat.telegram.allowedChats': [],
      'chat.telegram.apiBase': 'https://api.telegram.org',
      'chat.discord.token': null,
      'chat.discord.channel': null,
      'chat.discord.allowedUsers': [],
      'chat.discord.apiBase': 'https://discord.com/api/v10',
      'chat.pollIntervalMs': 15000,
      rules: null,
      quietHours: null,
      timeZone: 'Europe/Budapest',
      digests: {},
      telegramListAfter: 5,
      repostWindowDays: 60,
      priceContextDays: 90,
      priceContextMinSample: 8,
    });
    expect(Object.values(loaded.sources).every((source) => source.kind === 'default')).toBe(true);
  });

  it('never shares a default list between loads', async () => {
    const first = await loadConfig(options());
    first.config.notify.push('mutated');
    expect((await loadConfig(options())).config.notify).toEqual([]);
  });
});

describe('precedence: defaults < file < environment < flags', () => {
  it('file beats default', async () => {
    const file = await put(join(project, '.pyhabotrc'), 'logLevel: info\n');
    const loaded = await loadConfig(options());
    expect(loaded.config.logLevel).toBe('info');
    expect(loaded.sources.logLevel).toEqual({ kind: 'file', path: file });
  });

  it('environment beats file', async () => {
    await put(join(project, '.pyhabotrc'), 'logLevel: info\nmaxPages: 4\n');
    const loaded = await loadConfig(options({ env: { PYHABOT_LOG_LEVEL: 'debug' } }));
    expect(loaded.config.logLevel).toBe('debug');
    expect(loaded.sources.logLevel).toEqual({ kind: 'env', variable: 'PYHABOT_LOG_LEVEL' });
    expect(loaded.config.maxPages).toBe(4);
  });

  it('environment beats default', async () => {
    const loaded = await loadConfig(options({ env: { PYHABOT_MAX_PAGES: '7' } }));
    expect(loaded.config.maxPages).toBe(7);
    expect(loaded.sources.maxPages).toEqual({ kind: 'env', variable: 'PYHABOT_MAX_PAGES' });
  });

  it('flag beats environment, file and default', async () => {
    await put(join(project, '.pyhabotrc'), 'logLevel: info\ndb: from-file.db\n');
    const env = { PYHABOT_LOG_LEVEL: 'debug', PYHABOT_DB: 'from-env.db' };
    const loaded = await loadConfig(options({ env, flags: { logLevel: 'trace', db: 'from-flag.db' } }));
    expect(loaded.config.logLevel).toBe('trace');
    expect(loaded.config.db).toBe(join(project, 'from-flag.db'));
    expect(loaded.sources.logLevel).toEqual({ kind: 'flag', flag: '--log-level' });
    expect(loaded.sources.db).toEqual({ kind: 'flag', flag: '--db' });
  });

  it('flag beats file without environment, and default without either', async () => {
    await put(join(project, '.pyhabotrc'), 'logLevel: info\n');
    expect((await loadConfig(options({ flags: { logLevel: 'error' } }))).config.logLevel).toBe('error');
    await rm(join(project, '.pyhabotrc'));
    expect((await loadConfig(options({ flags: { logLevel: 'error' } }))).config.logLevel).toBe('error');
  });

  it('an undefined flag is not given', async () => {
    const loaded = await loadConfig(options({ flags: { db: undefined, logLevel: undefined } }));
    expect(loaded.sources.db).toEqual({ kind: 'default' });
    expect(loaded.sources.logLevel).toEqual({ kind: 'default' });
  });

  it('PYHABOT_LOG_LEVEL beats LOG_LEVEL, and an unused LOG_LEVEL is not validated', async () => {
    const both = await loadConfig(options({ env: { LOG_LEVEL: 'verbose', PYHABOT_LOG_LEVEL: 'info' } }));
    expect(both.config.logLevel).toBe('info');
    const generic = await loadConfig(options({ env: { LOG_LEVEL: 'ERROR' } }));
    expect(generic.config.logLevel).toBe('error');
    expect(generic.sources.logLevel).toEqual({ kind: 'env', variable: 'LOG_LEVEL' });
  });

  it('treats an empty variable as unset, as docker-compose passes one for an unset host variable', async () => {
    await put(join(project, '.pyhabotrc'), 'maxPages: 4\n');
    const loaded = await loadConfig(options({ env: { PYHABOT_MAX_PAGES: '', PYHABOT_CONFIG: '' } }));
    expect(loaded.config.maxPages).toBe(4);
  });
});

describe('search places', () => {
  it.each([
    ['package.json', JSON.stringify({ name: 'x', pyhabot: { maxPages: 2 } })],
    ['.pyhabotrc', 'maxPages: 2\n'],
    ['.pyhabotrc', '{ "maxPages": 2 }\n'],
    ['.pyhabotrc.json', '{ "maxPages": 2 }'],
    ['.pyhabotrc.yaml', 'maxPages: 2\n'],
    ['.pyhabotrc.yml', 'maxPages: 2\n'],
    ['pyhabot.config.json', '{ "maxPages": 2 }'],
  ])('finds %s in the working directory', async (name, text) => {
    const file = await put(join(project, name), text);
    const loaded = await loadConfig(options());
    expect(loaded.configFile).toBe(file);
    expect(loaded.config.maxPages).toBe(2);
  });

  it('skips a package.json without a "pyhabot" property', async () => {
    await put(join(project, 'package.json'), '{ "name": "x" }');
    const file = await put(join(home, 'work', '.pyhabotrc'), 'maxPages: 3\n');
    expect((await loadConfig(options())).configFile).toBe(file);
  });

  it('prefers the nearest directory and, within one, the earlier name', async () => {
    await put(join(home, '.pyhabotrc'), 'maxPages: 9\n');
    await put(join(project, '.pyhabotrc.yml'), 'maxPages: 5\n');
    const near = await put(join(project, '.pyhabotrc'), 'maxPages: 4\n');
    expect((await loadConfig(options())).configFile).toBe(near);
  });

  it('walks up to the home directory', async () => {
    const file = await put(join(home, '.pyhabotrc'), 'maxPages: 9\n');
    expect((await loadConfig(options())).configFile).toBe(file);
  });

  it('stops at the home directory', async () => {
    await put(join(root, '.pyhabotrc'), 'maxPages: 9\n');
    expect((await loadConfig(options())).configFile).toBeNull();
  });

  it('walks to the filesystem root when the working directory is outside the home', async () => {
    const outside = join(root, 'srv', 'app');
    await mkdir(outside, { recursive: true });
    const file = await put(join(root, '.pyhabotrc'), 'maxPages: 9\n');
    expect((await loadConfig(options({ cwd: outside }))).configFile).toBe(file);
  });

  it.each(['config.json', 'config.yaml', 'config.yml'])('falls back to ~/.config/pyhabot/%s', async (name) => {
    const file = await put(join(home, '.config', 'pyhabot', name), name.endsWith('json') ? '{}' : 'maxPages: 2\n');
    expect((await loadConfig(options())).configFile).toBe(file);
  });

  it('reads the per-user directory from $XDG_CONFIG_HOME, and HOME from the given environment', async () => {
    const xdg = await put(join(root, 'xdg', 'pyhabot', 'config.yaml'), 'maxPages: 2\n');
    expect((await loadConfig(options({ env: { XDG_CONFIG_HOME: join(root, 'xdg') } }))).configFile).toBe(xdg);
    const otherHome = join(root, 'other-home');
    const viaHome = await put(join(otherHome, '.config', 'pyhabot', 'config.yml'), 'maxPages: 2\n');
    expect((await loadConfig(options({ env: { HOME: otherHome } }))).configFile).toBe(viaHome);
  });

  it('prefers a project file to the per-user one', async () => {
    await put(join(home, '.config', 'pyhabot', 'config.yaml'), 'maxPages: 2\n');
    const file = await put(join(project, '.pyhabotrc.json'), '{}');
    expect((await loadConfig(options())).configFile).toBe(file);
  });

  it.each([
    [['work', 'project', '.pyhabotrc.js']],
    [['work', 'project', 'pyhabot.config.mjs']],
    [['work', '.pyhabotrc.ts']],
    [['.config', 'pyhabot', 'config.cjs']],
  ])('refuses a JavaScript or TypeScript config file at %j instead of passing over it', async (segments) => {
    const code = await put(join(home, ...segments), 'throw new Error("ran")');
    const refused = await userErrorOf(loadConfig(options()));
    expect(refused.message).toBe(`cannot use ${code}: config files that run code are not supported`);
    expect(refused.exitCode).toBe(2);
    expect(refused.hint).toContain('JSON or YAML');
  });

  it('refuses a code config named by --config, whatever its case', async () => {
    await put(join(project, 'settings.JS'), 'throw new Error("ran")');
    const refused = await userErrorOf(loadConfig(options({ configFile: 'settings.JS' })));
    expect(refused.message).toContain('config files that run code are not supported');
  });

  it('skips a package.json whose "pyhabot" is null, but takes an empty one as an empty config', async () => {
    await put(join(project, 'package.json'), '{ "name": "x", "pyhabot": null }');
    const empty = await put(join(home, 'work', 'package.json'), '\n');
    await put(join(home, '.pyhabotrc'), 'maxPages: 9\n');
    expect((await loadConfig(options())).configFile).toBe(empty);
  });

  it('reports a broken package.json in a parent directory', async () => {
    await put(join(home, 'work', 'package.json'), '{ "name": ');
    const error = await userErrorOf(loadConfig(options()));
    expect(error.message).toContain(`cannot parse ${join(home, 'work', 'package.json')}`);
  });

  it("ignores cosmiconfig's meta config: a .config/config.* file is another tool's, and never read", async () => {
    await put(join(project, '.config', 'config.json'), '{ "cosmiconfig": { "searchPlaces": ["custom.yaml"] } }');
    await put(join(project, '.config', 'config.js'), 'throw new Error("ran")');
    await put(join(home, 'work', 'custom.yaml'), 'maxPages: 7\n');
    const previous = process.cwd();
    process.chdir(project);
    try {
      expect((await loadConfig(options())).configFile).toBeNull();
    } finally {
      process.chdir(previous);
    }
  });

  it('takes an empty or comments-only file as an empty config, not as "keep looking"', async () => {
    await put(join(home, '.pyhabotrc'), 'maxPages: 9\n');
    const empty = await put(join(project, '.pyhabotrc'), '# nothing yet\n');
    const loaded = await loadConfig(options());
    expect(loaded.configFile).toBe(empty);
    expect(loaded.config.maxPages).toBe(1);
  });
});

describe('--config and PYHABOT_CONFIG', () => {
  it('loads exactly the named file, relative to the working directory, and skips the search', async () => {
    await put(join(project, '.pyhabotrc'), 'maxPages: 9\n');
    const named = await put(join(project, 'conf', 'pyhabot.yaml'), 'maxPages: 2\n');
    const loaded = await loadConfig(options({ configFile: 'conf/pyhabot.yaml' }));
    expect(loaded.configFile).toBe(named);
    expect(loaded.config.maxPages).toBe(2);
  });

  it('PYHABOT_CONFIG names the file when --config does not', async () => {
    const named = await put(join(root, 'etc', 'pyhabot.conf'), 'maxPages: 3\n');
    const loaded = await loadConfig(options({ env: { PYHABOT_CONFIG: named } }));
    expect(loaded.configFile).toBe(named);
    expect(loaded.config.maxPages).toBe(3);
  });

  it('--config wins over PYHABOT_CONFIG', async () => {
    const fromEnv = await put(join(root, 'a.json'), '{ "maxPages": 3 }');
    const fromFlag = await put(join(root, 'b.json'), '{ "maxPages": 4 }');
    const loaded = await loadConfig(options({ configFile: fromFlag, env: { PYHABOT_CONFIG: fromEnv } }));
    expect(loaded.configFile).toBe(fromFlag);
  });

  it('a missing named file is an error that says which option named it', async () => {
    const viaFlag = await userErrorOf(loadConfig(options({ configFile: 'nope.yaml' })));
    expect(viaFlag.message).toBe(`config file ${join(project, 'nope.yaml')} (from --config) does not exist`);
    expect(viaFlag.exitCode).toBe(2);
    const viaEnv = await userErrorOf(loadConfig(options({ env: { PYHABOT_CONFIG: '/nonexistent/pyhabot.yml' } })));
    expect(viaEnv.message).toContain('(from PYHABOT_CONFIG) does not exist');
  });

  it('a named directory or a package.json without "pyhabot" is an error', async () => {
    expect((await userErrorOf(loadConfig(options({ configFile: '.' })))).message).toContain('is a directory');
    await put(join(project, 'package.json'), '{ "name": "x" }');
    const noProperty = await userErrorOf(loadConfig(options({ configFile: 'package.json' })));
    expect(noProperty.message).toContain('has no "pyhabot" property');
  });
});

describe('syntax errors', () => {
  it('names the YAML file with the line and column', async () => {
    const file = await put(join(project, '.pyhabotrc.yaml'), 'maxPages: 2\n notify: [\n');
    const error = await userErrorOf(loadConfig(options()));
    expect(error.message).toBe(`cannot parse ${file}: bad indentation of a mapping entry (line 2, column 8)`);
    expect(error.exitCode).toBe(2);
    expect(error.message).not.toContain('\n');
  });

  it('names the JSON file with the line and column', async () => {
    const file = await put(join(project, '.pyhabotrc.json'), '{\n  "maxPages": 2,\n}\n');
    const error = await userErrorOf(loadConfig(options()));
    expect(error.message).toMatch(new RegExp(`^cannot parse ${file}: .+ \\(line 3, column 1\\)$`));
  });

  it('points at the end of a truncated JSON file', async () => {
    await put(join(project, 'pyhabot.config.json'), '{\n  "maxPages": ');
    const error = await userErrorOf(loadConfig(options()));
    expect(error.message).toContain('(line 2, column 15)');
  });

  it('reports a broken .pyhabotrc (YAML or JSON) through the YAML parser', async () => {
    await put(join(project, '.pyhabotrc'), '{ "maxPages": 2');
    const error = await userErrorOf(loadConfig(options()));
    expect(error.message).toMatch(/^cannot parse .*\.pyhabotrc: .+ \(line \d+, column \d+\)$/);
  });

  it('rejects duplicate keys in YAML', async () => {
    await put(join(project, '.pyhabotrc'), 'maxPages: 2\nmaxPages: 3\n');
    expect((await userErrorOf(loadConfig(options()))).message).toContain('duplicated mapping key');
  });
});

describe('validation', () => {
  it('rejects a top level that is not a mapping', async () => {
    const file = await put(join(project, '.pyhabotrc'), '- maxPages\n');
    const error = await userErrorOf(loadConfig(options()));
    expect(error.message).toBe(
      `invalid configuration in ${file}:\n  the top level must be a mapping of keys to values, got a list`,
    );
    await put(file, '"just a string"\n');
    expect(await problemsOf(loadConfig(options()))).toEqual([
      'the top level must be a mapping of keys to values, got a string',
    ]);
  });

  it('rejects unknown keys and suggests the intended one', async () => {
    await put(join(project, '.pyhabotrc'), 'requestDelay: 500\nrequest_delay_ms: 500\nLOGLEVEL: info\nfrobnicate: 1\n');
    expect(await problemsOf(loadConfig(options()))).toEqual([
      'unknown key "requestDelay" (did you mean "requestDelayMs"?)',
      'unknown key "request_delay_ms" (did you mean "requestDelayMs"?)',
      'unknown key "LOGLEVEL" (did you mean "logLevel"?)',
      'unknown key "frobnicate"',
    ]);
  });

  it.each([
    ['requestDelayMs: fast', 'requestDelayMs: expected an integer >= 0, got "fast"'],
    ['requestDelayMs: "1000"', 'requestDelayMs: expected an integer >= 0, got "1000"'],
    ['requestDelayMs: -1', 'requestDelayMs: expected an integer >= 0, got -1'],
    ['maxRetries: 2.5', 'maxRetries: expected an integer 0-10, got 2.5'],
    ['maxRetries: 11', 'maxRetries: expected an integer 0-10, got 11'],
    ['requestTimeoutMs: 999', 'requestTimeoutMs: expected an integer >= 1000, got 999'],
    ['maxBodyBytes: 1024', 'maxBodyBytes: expected an integer >= 65536, got 1024'],
    ['maxPages: 0', 'maxPages: expected an integer 1-50, got 0'],
    ['lockStaleMs: 5000', 'lockStaleMs: expected an integer >= 10000, got 5000'],
    ['logLevel: verbose', 'logLevel: expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"'],
    ['language: de', 'language: expected one of en, hu, got "de"'],
    ['blockSize: 30', 'blockSize: expected one of 25, 50, 100, 200, got 30'],
    ['blockSize: "100"', 'blockSize: expected one of 25, 50, 100, 200, got "100"'],
    ['newestFirst: "yes"', 'newestFirst: expected true or false, got "yes"'],
    ['notifyExisting: 1', 'notifyExisting: expected true or false, got 1'],
    ['userAgent: ""', 'userAgent: expected a non-empty string, got ""'],
    ['userAgent: 5', 'userAgent: expected a string, got 5'],
    ['db: null', 'db: expected a string, got null'],
    ['notify: https://discord.com/api/webhooks/1/secret', 'notify: expected a list of strings, got a string'],
    ['notify: { a: b }', 'notify: expected a list of strings, got a mapping'],
    ['notify: [a, b, 42]', 'notify[2]: expected a string, got 42'],
    ['notify: [""]', 'notify[0]: expected a non-empty string, got an empty string'],
    ['webhookSecrets: [x]', 'webhookSecrets: expected a mapping of strings to strings, got a list'],
    [
      'webhookSecrets: { "https://example.com/hook": 42 }',
      'webhookSecrets["https://example.com/hook"]: expected a string, got 42',
    ],
    ['webhookSecret: 42', 'webhookSecret: expected a string, got 42'],
    ['webhookSecret: ""', 'webhookSecret: expected a non-empty string, got an empty string'],
    ['quietHours: "07:00-07:00"', 'quietHours: start and end are the same time, got "07:00-07:00"'],
    ['quietHours: "23:00-24:00"', 'quietHours: hours run 00-23 and minutes 00-59, got "23:00-24:00"'],
    ['quietHours: "late"', 'quietHours: expected HH:MM-HH:MM, e.g. 23:00-07:00, got "late"'],
    ['quietHours: 2300', 'quietHours: expected a time range HH:MM-HH:MM (e.g. 23:00-07:00) or null, got 2300'],
    ['timeZone: Mars/Olympus', 'timeZone: expected an IANA time zone name such as Europe/Budapest, got "Mars/Olympus"'],
    [
      'digests: { "https://example.com/hook": weekly }',
      'digests["https://example.com/hook"]: expected hourly or daily, got "weekly"',
    ],
    ['digests: [hourly]', 'digests: expected a mapping of notification targets to hourly or daily, got a list'],
    ['telegramListAfter: 0', 'telegramListAfter: expected an integer 1-100, got 0'],
  ])('%s', async (line, problem) => {
    await put(join(project, '.pyhabotrc'), `${line}\n`);
    expect(await problemsOf(loadConfig(options()))).toEqual([problem]);
  });

  it('reads quiet hours over midnight, a time zone and per-target digests, from the file and the environment', async () => {
    await put(
      join(project, '.pyhabotrc'),
      'quietHours: "22:30-06:15"\ntimeZone: Europe/London\ndigests: { "https://example.com/hook": daily }\n',
    );
    const fromFile = await loadConfig(options());
    expect(fromFile.config).toMatchObject({
      quietHours: '22:30-06:15',
      timeZone: 'Europe/London',
      digests: { 'https://example.com/hook': 'daily' },
    });
    const fromEnv = await loadConfig(
      options({ env: { PYHABOT_QUIET_HOURS: '01:00-05:00', PYHABOT_TIME_ZONE: 'UTC' } }),
    );
    expect(fromEnv.config).toMatchObject({ quietHours: '01:00-05:00', timeZone: 'UTC' });
  });

  it('reports every problem at once, one per line, with a hint', async () => {
    const file = await put(
      join(project, '.pyhabotrc.json'),
      JSON.stringify({ requestDelayMs: 'fast', notify: ['a', 42], requestDelay: 1, blockSize: 7 }),
    );
    const loading = loadConfig(options({ env: { PYHABOT_MAX_RETRIES: 'x' } }));
    const error = await userErrorOf(loading);
    expect(error.message.split('\n')).toEqual([
      `invalid configuration in ${file} and in the environment:`,
      '  requestDelayMs: expected an integer >= 0, got "fast"',
      '  notify[1]: expected a string, got 42',
      '  unknown key "requestDelay" (did you mean "requestDelayMs"?)',
      '  blockSize: expected one of 25, 50, 100, 200, got 7',
      '  PYHABOT_MAX_RETRIES: expected an integer 0-10, got "x"',
    ]);
    expect(error.exitCode).toBe(2);
    expect(error.hint).toContain('.pyhabotrc.example');
    // `pyhabot config` would stop at the same problems: the hint points at the file and the lines to fix.
    expect(error.hint).not.toContain('pyhabot config');
    expect(error.hint).toContain(`fix ${file} (line 1)`);
    expect(error.hint).toContain('fix or unset the variables named above');
  });

  it('never quotes a secret in a problem', async () => {
    const token = 'hunter2-very-secret';
    await put(join(project, '.pyhabotrc'), `notify: ${token}\nwebhookSecrets: { "https://h.example/${token}": 1 }\n`);
    const error = await userErrorOf(loadConfig(options({ env: { PYHABOT_WEBHOOK_SECRET: '' } })));
    expect(error.message).not.toContain(token);
  });
});

describe('environment values', () => {
  it('parses integers, booleans, enums and lists', async () => {
    const loaded = await loadConfig(
      options({
        env: {
          PYHABOT_REQUEST_DELAY_MS: ' 2500 ',
          PYHABOT_NEWEST_FIRST: 'Off',
          PYHABOT_NOTIFY_EXISTING: 'YES',
          PYHABOT_TELEGRAM_LINK_PREVIEW: '1',
          PYHABOT_BLOCK_SIZE: '50',
          PYHABOT_LANGUAGE: 'HU',
          PYHABOT_NOTIFY: 'https://a.example/x, https://b.example/y\nntfy://ntfy.sh/t',
          PYHABOT_WEBHOOK_SECRET: 's3cret',
          PYHABOT_USER_AGENT: 'custom/1',
        },
      }),
    );
    expect(loaded.config).toMatchObject({
      requestDelayMs: 2500,
      newestFirst: false,
      notifyExisting: true,
      telegramLinkPreview: true,
      blockSize: 50,
      language: 'hu',
      notify: ['https://a.example/x', 'https://b.example/y', 'ntfy://ntfy.sh/t'],
      webhookSecret: 's3cret',
      userAgent: 'custom/1',
    });
  });

  it('has a PYHABOT_ variable for every key but the per-target mappings, named after the key', async () => {
    const { configKeys } = await import('../../src/config/schema.js');
    for (const [key, definition] of Object.entries(configKeys)) {
      const expected = `PYHABOT_${key
        .replace(/[A-Z]/g, (letter) => `_${letter}`)
        .replace(/\./g, '_')
        .toUpperCase()}`;
      if (key === 'webhookSecrets' || key === 'digests') expect(definition.env).toEqual([]);
      else expect(definition.env[0]).toBe(key === 'webhookSecret' ? 'PYHABOT_WEBHOOK_SECRET' : expected);
    }
  });

  it('reports each bad variable by name', async () => {
    const env = {
      PYHABOT_MAX_RETRIES: 'x',
      PYHABOT_REQUEST_DELAY_MS: '1.5',
      PYHABOT_REQUEST_TIMEOUT_MS: '-5',
      PYHABOT_NEWEST_FIRST: 'maybe',
      PYHABOT_BLOCK_SIZE: '30',
      LOG_LEVEL: 'verbose',
      PYHABOT_USER_AGENT: '   ',
    };
    const error = await userErrorOf(loadConfig(options({ env })));
    expect(error.message.split('\n')[0]).toBe('invalid configuration in the environment:');
    expect((error as ConfigError).problems).toEqual([
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
      'PYHABOT_USER_AGENT: expected a non-empty string, got "   "',
      'PYHABOT_REQUEST_DELAY_MS: expected an integer >= 0, got "1.5"',
      'PYHABOT_REQUEST_TIMEOUT_MS: expected an integer >= 1000, got "-5"',
      'PYHABOT_MAX_RETRIES: expected an integer 0-10, got "x"',
      'PYHABOT_NEWEST_FIRST: expected one of true/false, yes/no, on/off, 1/0, got "maybe"',
      'PYHABOT_BLOCK_SIZE: expected one of 25, 50, 100, 200, got "30"',
    ]);
  });

  it('reports a bad flag by its name', async () => {
    const error = await userErrorOf(loadConfig(options({ flags: { logLevel: 'loud', db: '' } })));
    expect(error.message.split('\n')).toEqual([
      'invalid configuration on the command line:',
      '  --db: expected a non-empty string, got ""',
      '  --log-level: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ]);
  });
});

describe('<VAR>_FILE variants', () => {
  it('reads the value from the file, without the trailing newline', async () => {
    const secret = await put(join(root, 'secrets', 'webhook'), 'from-a-file\n');
    await put(join(project, 'delay'), '1500\r\n');
    const loaded = await loadConfig(
      options({ env: { PYHABOT_WEBHOOK_SECRET_FILE: secret, PYHABOT_REQUEST_DELAY_MS_FILE: 'delay' } }),
    );
    expect(loaded.config.webhookSecret).toBe('from-a-file');
    expect(loaded.config.requestDelayMs).toBe(1500);
    expect(loaded.sources.webhookSecret).toEqual({ kind: 'env', variable: 'PYHABOT_WEBHOOK_SECRET_FILE' });
  });

  it('works for every variable of a key, keeping their order', async () => {
    const level = await put(join(root, 'level'), 'debug\n');
    const loaded = await loadConfig(options({ env: { LOG_LEVEL_FILE: level } }));
    expect(loaded.config.logLevel).toBe('debug');
    const both = await loadConfig(options({ env: { LOG_LEVEL_FILE: level, PYHABOT_LOG_LEVEL: 'info' } }));
    expect(both.config.logLevel).toBe('info');
  });

  it('reads a list of notification targets from a file', async () => {
    const targets = await put(join(root, 'targets'), 'https://a.example/x\nhttps://b.example/y\n');
    const loaded = await loadConfig(options({ env: { PYHABOT_NOTIFY_FILE: targets } }));
    expect(loaded.config.notify).toEqual(['https://a.example/x', 'https://b.example/y']);
  });

  it('is an error when both forms are set', async () => {
    const file = await put(join(root, 'db-path'), '/data/x.db\n');
    expect(await problemsOf(loadConfig(options({ env: { PYHABOT_DB: '/a.db', PYHABOT_DB_FILE: file } })))).toEqual([
      'PYHABOT_DB and PYHABOT_DB_FILE are both set; set only one of them',
    ]);
  });

  it('is an error when the file cannot be read', async () => {
    expect(await problemsOf(loadConfig(options({ env: { PYHABOT_MAX_PAGES_FILE: 'missing' } })))).toEqual([
      `PYHABOT_MAX_PAGES_FILE: ${join(project, 'missing')} does not exist`,
    ]);
  });

  it('checks the value read from the file', async () => {
    await put(join(project, 'pages'), 'many\n');
    expect(await problemsOf(loadConfig(options({ env: { PYHABOT_MAX_PAGES_FILE: 'pages' } })))).toEqual([
      'PYHABOT_MAX_PAGES_FILE: expected an integer 1-50, got "many"',
    ]);
  });
});

describe('database path', () => {
  it('resolves a relative db in a config file against that file', async () => {
    await put(join(home, 'work', '.pyhabotrc'), 'db: data/watch.db\n');
    expect((await loadConfig(options())).config.db).toBe(join(home, 'work', 'data', 'watch.db'));
  });

  it('resolves a relative db in a named config file against that file, not the working directory', async () => {
    await put(join(root, 'etc', 'pyhabot.yaml'), 'db: ../var/pyhabot.db\n');
    const loaded = await loadConfig(options({ configFile: join(root, 'etc', 'pyhabot.yaml') }));
    expect(loaded.config.db).toBe(join(root, 'var', 'pyhabot.db'));
  });

  it('resolves relative PYHABOT_DB and --db against the working directory', async () => {
    expect((await loadConfig(options({ env: { PYHABOT_DB: 'a.db' } }))).config.db).toBe(join(project, 'a.db'));
    expect((await loadConfig(options({ flags: { db: '../b.db' } }))).config.db).toBe(join(home, 'work', 'b.db'));
  });

  it('keeps absolute paths and expands ~', async () => {
    expect((await loadConfig(options({ flags: { db: '/var/lib/p.db' } }))).config.db).toBe('/var/lib/p.db');
    await put(join(project, '.pyhabotrc'), 'db: ~/state/p.db\n');
    expect((await loadConfig(options())).config.db).toBe(join(home, 'state', 'p.db'));
  });

  it('PYHABOT_DB beats the file, and --db beats PYHABOT_DB', async () => {
    await put(join(project, '.pyhabotrc'), 'db: file.db\n');
    expect((await loadConfig(options())).config.db).toBe(join(project, 'file.db'));
    const env = { PYHABOT_DB: '/env.db' };
    expect((await loadConfig(options({ env }))).config.db).toBe('/env.db');
    expect((await loadConfig(options({ env, flags: { db: '/flag.db' } }))).config.db).toBe('/flag.db');
  });

  it('defaults to pyhabot.db in the data directory', async () => {
    const data = (env: Record<string, string>) => loadConfig(options({ env })).then((loaded) => loaded.config.db);
    expect(await data({ PERSISTENT_DATA_PATH: '/data', XDG_DATA_HOME: '/xdg' })).toBe('/data/pyhabot.db');
    expect(await data({ XDG_DATA_HOME: '/xdg' })).toBe('/xdg/pyhabot/pyhabot.db');
    expect(await data({})).toBe(join(home, '.local', 'share', 'pyhabot', 'pyhabot.db'));
    expect(await data({ HOME: '/home/cron' })).toBe('/home/cron/.local/share/pyhabot/pyhabot.db');
  });
});
