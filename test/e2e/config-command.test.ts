import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';

describe('configuration, end to end', () => {
  it('shows defaults, file values, environment and flags with their sources, secrets masked', async () => {
    using sandbox = createCliSandbox();
    writeFileSync(
      join(sandbox.dir, '.pyhabotrc'),
      'requestDelayMs: 2500\nnotify:\n  - tgram://123456:SECRETTOKENabcdef/-1001234567890\nwebhookSecrets:\n  "https://example.org/hook": topsecretvalue\n',
    );
    const result = await sandbox.run(['config', '--json', '--log-level', 'info'], { env: { PYHABOT_MAX_PAGES: '3' } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('SECRETTOKEN');
    expect(result.stdout).not.toContain('topsecretvalue');
    const parsed = JSON.parse(result.stdout);
    expect(parsed.configFile).toBe(join(sandbox.dir, '.pyhabotrc'));
    expect(parsed.values.requestDelayMs).toEqual({
      value: 2500,
      source: { kind: 'file', path: join(sandbox.dir, '.pyhabotrc') },
    });
    expect(parsed.values.maxPages).toEqual({ value: 3, source: { kind: 'env', variable: 'PYHABOT_MAX_PAGES' } });
    expect(parsed.values.logLevel.value).toBe('info');
    expect(parsed.values.logLevel.source.kind).toBe('flag');
    expect(parsed.values.goneAfterMisses.source).toEqual({ kind: 'default' });

    const text = await sandbox.run(['config']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/requestDelayMs\s+2500\s+file/);
    expect(text.stdout).not.toContain('SECRETTOKEN');
  });

  it.each([
    ['a YAML syntax error', 'requestDelayMs: [1, 2\n', /\.pyhabotrc/],
    ['an unknown key', 'requestDelay: 5\n', /unknown key "requestDelay" \(did you mean "requestDelayMs"\?\)/],
    ['a wrong type', 'requestDelayMs: fast\n', /requestDelayMs: expected an integer >= 0, got "fast"/],
    ['a top level that is not an object', '- a\n- b\n', /\.pyhabotrc/],
  ])('refuses a config file with %s: exit 2, no stack, nothing stored', async (_label, content, message) => {
    using sandbox = createCliSandbox();
    writeFileSync(join(sandbox.dir, '.pyhabotrc'), content);
    const result = await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^pyhabot: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toMatch(/hint: /);
    const list = await sandbox.run(['list', '--json', '--config', '/dev/null']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('refuses a bad environment value and a missing --config file', async () => {
    using sandbox = createCliSandbox();
    const badEnv = await sandbox.run(['list'], { env: { PYHABOT_MAX_RETRIES: 'lots' } });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toMatch(/PYHABOT_MAX_RETRIES: expected an integer/);
    const missing = await sandbox.run(['list', '--config', join(sandbox.dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
  });

  it('refuses notification targets it cannot use in `config` and `check`, naming each masked', async () => {
    using sandbox = createCliSandbox();
    for (const command of [['config'], ['check']]) {
      const result = await sandbox.run(command, { env: { PYHABOT_NOTIFY: 'garbage ftp://user:hunter22@x' } });
      expect(result.code, command[0]).toBe(2);
      expect(result.stderr).toMatch(/PYHABOT_NOTIFY\[0\]: .* is not a notification target pyhabot can use/);
      expect(result.stderr).toMatch(/PYHABOT_NOTIFY\[1\]: "ftp:\/\/.*" is not a notification target pyhabot can use/);
      expect(result.stderr).not.toContain('hunter22');
    }
    const kept = await sandbox.run(['config', '--json'], {
      env: { PYHABOT_NOTIFY: 'ntfy+https://ntfy.sh/alerts?tags=a,b discord://1/abcdef' },
    });
    expect(kept.code, kept.stderr).toBe(0);
    expect(JSON.parse(kept.stdout).values.notify.value).toHaveLength(2);
  });

  it('warns about unknown PYHABOT_ variables, says the crawl delay wins, and names PERSISTENT_DATA_PATH', async () => {
    using sandbox = createCliSandbox();
    const data = join(sandbox.dir, 'data');
    const result = await sandbox.run(['config'], {
      env: { PYHABOT_REQUEST_DELAY: '5000', PYHABOT_REQUEST_DELAY_MS: '500', PERSISTENT_DATA_PATH: data },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'pyhabot: warning: the environment variable PYHABOT_REQUEST_DELAY is not a pyhabot setting and is ignored (did you mean PYHABOT_REQUEST_DELAY_MS?)\n',
    );
    expect(result.stdout).toMatch(/requestDelayMs\s+500\s+env PYHABOT_REQUEST_DELAY_MS/);
    expect(result.stdout).toContain(
      'note: requestDelayMs is 500, but hardverapro.hu is never polled faster than once a second',
    );
    expect(result.stdout).toMatch(new RegExp(`db\\s+${join(data, 'pyhabot.db')}\\s+env PERSISTENT_DATA_PATH`));
    const json = JSON.parse(
      (await sandbox.run(['config', '--json'], { env: { PYHABOT_REQUEST_DELAY_MS: '500' } })).stdout,
    );
    expect(json.notes.requestDelayMs).toContain('once a second');
  });

  it('offers --json output that parses on every data command', async () => {
    using sandbox = createCliSandbox();
    await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html']);
    for (const args of [
      ['list'],
      ['show', '1'],
      ['config'],
      ['status'],
      ['ads', '1'],
      ['edit', '1', '--name', 'x'],
      ['rescrape', '1'],
    ]) {
      const result = await sandbox.run([...args, '--json']);
      expect(result.code, args.join(' ')).toBe(0);
      expect(() => JSON.parse(result.stdout), args.join(' ')).not.toThrow();
    }
    const removed = await sandbox.run(['remove', '1', '--json']);
    expect(JSON.parse(removed.stdout)).toEqual({
      removed: [{ id: 1, name: 'x', url: 'https://hardverapro.hu/aprok/mobil/index.html' }],
    });
  });
});
