import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, createCliSandbox } from '../helpers/cli-sandbox.js';

const URL_MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const URL_SEARCH =
  'https://hardverapro.hu/aprok/keres.php?stext=rtx+3080&stcid_text=&stcid=&minprice=&maxprice=150000&offset=100&_tc=1';

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^pyhabot: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(lines.length).toBeLessThanOrEqual(3);
}

describe('watch commands, end to end', () => {
  it('adds, lists, shows, edits and removes watches in the default data directory', async () => {
    using sandbox = createCliSandbox();
    const added = await sandbox.run(['add', URL_MOBIL]);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toBe('Added watch 1: mobil\n');
    expect(statSync(sandbox.defaultDbPath).isFile()).toBe(true);

    const search = await sandbox.run(['add', URL_SEARCH, '--json']);
    expect(search.code).toBe(0);
    const watch = JSON.parse(search.stdout);
    expect(watch).toMatchObject({
      id: 2,
      name: 'rtx 3080',
      url: 'https://hardverapro.hu/aprok/keres.php?stext=rtx+3080&stcid_text=&stcid=&minprice=&maxprice=150000',
      enabled: true,
    });
    expect(typeof watch.createdAt).toBe('string');

    const list = await sandbox.run(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ID\s+NAME\s+ENABLED\s+LAST CHECK\s+RESULT\s+ADS/);
    expect(list.stdout).toMatch(/1\s+mobil\s+yes\s+never\s+not checked yet/);
    expect(list.stdout).toMatch(/2\s+rtx 3080/);

    const listJson = JSON.parse((await sandbox.run(['list', '--json'])).stdout);
    expect(listJson.map((w: { id: number }) => w.id)).toEqual([1, 2]);

    const shown = await sandbox.run(['show', '2']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('rtx 3080');
    expect(shown.stdout).toContain('maxprice=150000');
    expect(JSON.parse((await sandbox.run(['show', '2', '--json'])).stdout)).toMatchObject({
      id: 2,
      ads: { active: 0, gone: 0 },
    });

    const edited = await sandbox.run(['edit', '2', '--name', 'GPU', '--disable', '--json']);
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({ id: 2, name: 'GPU', enabled: false });

    const removed = await sandbox.run(['remove', '1', '2']);
    expect(removed).toMatchObject({ code: 0, stdout: 'Removed watch 1: mobil\nRemoved watch 2: GPU\n' });
    expect(sandbox.query('SELECT COUNT(*) AS n FROM watches')).toEqual([{ n: 0 }]);
  });

  it.each([
    ['not a URL', ['add', 'definitely not a url'], /not a URL/],
    ['an ftp URL', ['add', 'ftp://hardverapro.hu/aprok/mobil/index.html'], /only http and https/],
    ['another host', ['add', 'https://example.com/aprok/mobil/index.html'], /example\.com is not HardverApró/],
    ['a page outside /aprok/', ['add', 'https://hardverapro.hu/apro/x/friss.html'], /not a HardverApró listing/],
    ['a 20 kB URL', ['add', `https://hardverapro.hu/aprok/keres.php?stext=${'x'.repeat(20_000)}`], /characters long/],
    ['an empty string', ['add', ''], /empty/],
    ['a missing URL', ['add'], /give the address of a search page, or --search/],
    ['an unknown option', ['add', URL_MOBIL, '--frobnicate'], /unknown option/],
    ['an unknown command', ['frobnicate'], /unknown command/],
  ])('refuses %s with exit 2, one line and a hint, storing nothing', async (_label, args, message) => {
    using sandbox = createCliSandbox();
    const result = await sandbox.run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr, message);
    expect(result.stderr).toMatch(/\nhint: /);
  });

  it('refuses a URL that is already watched, naming the watch', async () => {
    using sandbox = createCliSandbox();
    await sandbox.run(['add', URL_MOBIL, '--name', 'phones']);
    const again = await sandbox.run(['add', `${URL_MOBIL}?offset=100`]);
    expect(again.code).toBe(2);
    expectOneLineError(again.stderr, /already watched by watch 1 \(phones\)/);
    expect(sandbox.query('SELECT COUNT(*) AS n FROM watches')).toEqual([{ n: 1 }]);
  });

  it.each([['abc'], ['-1'], ['1.5'], ['0'], ['99']])('refuses %s as an id for show, edit and remove', async (id) => {
    using sandbox = createCliSandbox();
    await sandbox.run(['add', URL_MOBIL]);
    for (const args of [
      ['show', id],
      ['edit', id, '--name', 'x'],
      ['remove', id],
    ]) {
      const result = await sandbox.run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expectOneLineError(result.stderr, id === '99' ? /no watch with id 99/ : /(watch id|unknown option)/);
    }
    expect(sandbox.query('SELECT name FROM watches')).toEqual([{ name: 'mobil' }]);
  });

  it('removes nothing when one of several ids is unknown', async () => {
    using sandbox = createCliSandbox();
    await sandbox.run(['add', URL_MOBIL]);
    const result = await sandbox.run(['remove', '1', '7']);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /no watch with id 7/);
    expect(sandbox.query('SELECT COUNT(*) AS n FROM watches')).toEqual([{ n: 1 }]);
  });

  it('validates edits like add and refuses conflicting switches', async () => {
    using sandbox = createCliSandbox();
    await sandbox.run(['add', URL_MOBIL]);
    await sandbox.run(['add', URL_SEARCH]);
    const badUrl = await sandbox.run(['edit', '1', '--url', 'https://example.com/aprok/x/index.html']);
    expect(badUrl.code).toBe(2);
    const duplicate = await sandbox.run(['edit', '1', '--url', URL_SEARCH]);
    expect(duplicate.code).toBe(2);
    expectOneLineError(duplicate.stderr, /already watched by watch 2/);
    const both = await sandbox.run(['edit', '1', '--enable', '--disable']);
    expect(both.code).toBe(2);
    const nothing = await sandbox.run(['edit', '1']);
    expect(nothing.code).toBe(2);
    expectOneLineError(nothing.stderr, /nothing to change/);
    expect(sandbox.query('SELECT url, enabled FROM watches WHERE id = 1')).toEqual([{ url: URL_MOBIL, enabled: 1 }]);
  });

  it('uses --db and PYHABOT_DB, with --db winning', async () => {
    using sandbox = createCliSandbox();
    const envDb = join(sandbox.dir, 'env.db');
    const flagDb = join(sandbox.dir, 'flag.db');
    await sandbox.run(['add', URL_MOBIL], { env: { PYHABOT_DB: envDb } });
    await sandbox.run(['--db', flagDb, 'add', URL_SEARCH], { env: { PYHABOT_DB: envDb } });
    expect(statSync(envDb).isFile()).toBe(true);
    expect(statSync(flagDb).isFile()).toBe(true);
    const listed = await sandbox.run(['list', '--json', '--db', flagDb]);
    expect(JSON.parse(listed.stdout).map((w: { name: string }) => w.name)).toEqual(['rtx 3080']);
  });

  it('puts the database under PERSISTENT_DATA_PATH, then XDG_DATA_HOME', async () => {
    using sandbox = createCliSandbox();
    const persistent = join(sandbox.dir, 'data');
    await sandbox.run(['add', URL_MOBIL], { env: { PERSISTENT_DATA_PATH: persistent } });
    expect(statSync(join(persistent, 'pyhabot.db')).isFile()).toBe(true);
    const xdg = join(sandbox.dir, 'xdg');
    await sandbox.run(['add', URL_MOBIL], { env: { XDG_DATA_HOME: xdg } });
    expect(statSync(join(xdg, 'pyhabot', 'pyhabot.db')).isFile()).toBe(true);
  });

  it('refuses a corrupt database file and leaves it untouched', async () => {
    using sandbox = createCliSandbox();
    const path = join(sandbox.dir, 'broken.db');
    writeFileSync(path, 'garbage that is not sqlite\n'.repeat(50));
    const before = readFileSync(path);
    const result = await sandbox.run(['--db', path, 'list']);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /not a pyhabot database/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('reports a database in a directory that cannot be written', async () => {
    using sandbox = createCliSandbox();
    const readOnly = join(sandbox.dir, 'ro');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    // root ignores permission bits, so also try a path below a plain file, which nobody can create.
    writeFileSync(join(sandbox.dir, 'plain-file'), 'x');
    const target =
      process.getuid?.() === 0 ? join(sandbox.dir, 'plain-file', 'pyhabot.db') : join(readOnly, 'pyhabot.db');
    const result = await sandbox.run(['--db', target, 'add', URL_MOBIL]);
    chmodSync(readOnly, 0o755);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /cannot/);
  });

  it('prints help with every command and the exit codes, and the version', async () => {
    using sandbox = createCliSandbox();
    const help = await sandbox.run(['--help']);
    expect(help.code).toBe(0);
    for (const command of [
      'add',
      'list',
      'show',
      'edit',
      'remove',
      'check',
      'ads',
      'status',
      'rescrape',
      'parse',
      'config',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
    }
    expect(help.stdout).toMatch(/Exit codes:\n\s+0\s+ok/);
    expect(help.stdout).toMatch(/75\s+another `check` is running/);
    const addHelp = await sandbox.run(['add', '--help']);
    expect(addHelp.stdout).toContain('--allow-any-host');
    const version = await sandbox.run(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('edit switches', () => {
  it('sets notify-existing and manages targets', async () => {
    using sandbox = createCliSandbox();
    await sandbox.run(['add', URL_MOBIL]);
    const edited = await sandbox.run([
      'edit',
      '1',
      '--notify-existing',
      '--add-notify',
      'discord://112233/tokenvalue',
      '--add-notify',
      'ntfy://alerts',
      '--json',
    ]);
    expect(edited.code, edited.stderr).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({
      notifyExisting: true,
      notify: ['discord://1122…/****', 'ntfy://****'],
    });
    const removed = await sandbox.run(['edit', '1', '--remove-notify', 'ntfy://alerts', '--json']);
    expect(JSON.parse(removed.stdout).notify).toEqual(['discord://1122…/****']);
    const missing = await sandbox.run(['edit', '1', '--remove-notify', 'ntfy://other']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/has no notification target/);
    const bad = await sandbox.run(['edit', '1', '--add-notify', 'ftp://nope']);
    expect(bad.code).toBe(2);
    expect(sandbox.query('SELECT target FROM watch_targets')).toEqual([{ target: 'discord://112233/tokenvalue' }]);
  });

  it('survives a reader that closes the pipe early', async () => {
    using sandbox = createCliSandbox();
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync('sh', ['-c', `node ${JSON.stringify(BIN)} --help | head -1`], {
      env: sandbox.env,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: pyhabot/);
  });
});
