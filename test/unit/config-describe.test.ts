import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeConfig } from '../../src/config/describe-config.js';
import { type LoadedConfig, loadConfig } from '../../src/config/load-config.js';
import { keyNames } from '../../src/config/schema.js';

const SECRETS = ['TOKEN-discord-1', 'TOKEN-ntfy-2', 'TOKEN-bot-3', 'HMAC-own-4', 'HMAC-shared-5', 'HMAC-other-6'];

let home: string;

beforeEach(async () => {
  home = await realpath(await mkdtemp(join(tmpdir(), 'pyhabot-describe-')));
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

async function loadWithSecrets(): Promise<LoadedConfig> {
  await writeFile(
    join(home, '.pyhabotrc'),
    [
      'notify:',
      '  - https://discord.com/api/webhooks/123/TOKEN-discord-1',
      '  - ntfy://ntfy.sh/TOKEN-ntfy-2',
      '  - tgram://123:TOKEN-bot-3/42',
      'webhookSecrets:',
      '  https://hooks.example.com/a: HMAC-own-4',
      '  https://hooks.example.com/b: HMAC-other-6',
      'maxPages: 2',
      '',
    ].join('\n'),
  );
  return loadConfig({
    env: { PYHABOT_WEBHOOK_SECRET: 'HMAC-shared-5', PYHABOT_LANGUAGE: 'hu' },
    cwd: home,
    homedir: home,
    version: '1.0.0',
    flags: { db: '/var/lib/pyhabot.db' },
  });
}

describe('describeConfig', () => {
  it('shows one row per key with its source and description', async () => {
    const { rows } = describeConfig(await loadWithSecrets(), { homedir: home });
    expect(rows.map((row) => row.key)).toEqual(keyNames);
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get('maxPages')).toMatchObject({ value: '2', source: 'file ~/.pyhabotrc' });
    expect(byKey.get('language')).toMatchObject({ value: 'hu', source: 'env PYHABOT_LANGUAGE' });
    expect(byKey.get('db')).toMatchObject({ value: '/var/lib/pyhabot.db', source: 'flag --db' });
    expect(byKey.get('requestDelayMs')).toMatchObject({ value: '1000', source: 'default' });
    expect(byKey.get('requestDelayMs')?.description).toContain('never goes below 1000');
    expect(rows.every((row) => row.description.length > 0 && !row.description.includes('\n'))).toBe(true);
  });

  it('shows the full path without a home directory to shorten it', async () => {
    const { rows } = describeConfig(await loadWithSecrets());
    expect(rows.find((row) => row.key === 'maxPages')?.source).toBe(`file ${join(home, '.pyhabotrc')}`);
  });

  it('masks notification targets, webhook secrets and the shared secret', async () => {
    const { rows, json } = describeConfig(await loadWithSecrets(), { homedir: home });
    expect(json.values.notify.value).toEqual([
      'https://discord.com/api/webhooks/123/****',
      'ntfy://ntfy.sh/****',
      'tgram://****/42',
    ]);
    expect(json.values.webhookSecrets.value).toEqual({
      'https://hooks.example.com/a': '****',
      'https://hooks.example.com/b': '****',
    });
    expect(json.values.webhookSecret).toEqual({
      value: '****',
      source: { kind: 'env', variable: 'PYHABOT_WEBHOOK_SECRET' },
    });
    const text = JSON.stringify(rows) + JSON.stringify(json);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('uses the injected target masker', async () => {
    const { rows, json } = describeConfig(await loadWithSecrets(), {
      maskTarget: (raw) => `${raw.split(':')[0]}:hidden`,
    });
    expect(json.values.notify.value).toEqual(['https:hidden', 'ntfy:hidden', 'tgram:hidden']);
    expect(rows.find((row) => row.key === 'notify')?.value).toBe('https:hidden, ntfy:hidden, tgram:hidden');
    const text = JSON.stringify(rows) + JSON.stringify(json);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('gives a JSON object with typed values and structured sources', async () => {
    const { json } = describeConfig(await loadWithSecrets());
    expect(json.configFile).toBe(join(home, '.pyhabotrc'));
    expect(json.values.maxPages).toEqual({ value: 2, source: { kind: 'file', path: join(home, '.pyhabotrc') } });
    expect(json.values.newestFirst).toEqual({ value: true, source: { kind: 'default' } });
    expect(Object.keys(json.values)).toEqual(keyNames);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('shows unset secrets and empty lists as such', async () => {
    const loaded = await loadConfig({ env: {}, cwd: home, homedir: home, version: '1.0.0' });
    const { rows, json } = describeConfig(loaded);
    expect(json.configFile).toBeNull();
    expect(json.values.webhookSecret.value).toBeNull();
    expect(json.values.notify.value).toEqual([]);
    expect(json.values.webhookSecrets.value).toEqual({});
    const value = (key: string) => rows.find((row) => row.key === key)?.value;
    expect([value('webhookSecret'), value('notify'), value('webhookSecrets')]).toEqual(['(none)', '(none)', '(none)']);
  });
});

describe('describeConfig, notification rules', () => {
  it('shows the rules from the file in words, nested ones with their path, and refuses a bad one by its key', async () => {
    await writeFile(
      join(home, '.pyhabotrc'),
      ['rules:', '  minDrop: 5%', '  lifecycle:', '    gone: true', ''].join('\n'),
    );
    const loaded = await loadConfig({ env: {}, cwd: home, homedir: home, version: '1.0.0' });
    expect(loaded.config.rules).toEqual({ minDrop: { percent: 5 }, lifecycle: { gone: true } });
    const row = describeConfig(loaded, { homedir: home }).rows.find((entry) => entry.key === 'rules');
    expect(row).toMatchObject({ value: 'minDrop.percent: 5, lifecycle.gone: true', source: 'file ~/.pyhabotrc' });

    await writeFile(join(home, '.pyhabotrc'), ['rules:', '  minDrop: 0', ''].join('\n'));
    await expect(loadConfig({ env: {}, cwd: home, homedir: home, version: '1.0.0' })).rejects.toThrow(
      /rules\.minDrop: an amount must be from 1/,
    );
  });
});
