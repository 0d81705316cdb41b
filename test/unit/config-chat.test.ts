import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isChatConfigured } from '../../src/chat/configured-transports.js';
import { ConfigError } from '../../src/config/config-error.js';
import { describeConfig } from '../../src/config/describe-config.js';
import { loadConfig } from '../../src/config/load-config.js';

let dir: string;

beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'pyhabot-chat-config-')));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(text: string | null, env: Record<string, string> = {}) {
  if (text !== null) await writeFile(join(dir, '.pyhabotrc'), text);
  return loadConfig({ env, cwd: dir, homedir: dir, version: '1.0.0' });
}

describe('chat settings', () => {
  it('reads the chat section nested or dotted, to the same values', async () => {
    const nested = await load(
      [
        'chat:',
        '  telegram:',
        '    token: "1:abc"',
        '    allowedChats: [123, "-100456"]',
        '  discord:',
        '    channel: "1100000000000000001"',
        '    allowedUsers: ["200000000000000001"]',
        '',
      ].join('\n'),
    );
    const dotted = await load(
      [
        'chat.telegram.token: "1:abc"',
        'chat.telegram.allowedChats: [123, "-100456"]',
        'chat.discord.channel: "1100000000000000001"',
        'chat.discord.allowedUsers: ["200000000000000001"]',
        '',
      ].join('\n'),
    );
    for (const loaded of [nested, dotted]) {
      expect(loaded.config['chat.telegram.token']).toBe('1:abc');
      expect(loaded.config['chat.telegram.allowedChats']).toEqual(['123', '-100456']);
      expect(loaded.config['chat.discord.channel']).toBe('1100000000000000001');
      expect(loaded.config['chat.discord.allowedUsers']).toEqual(['200000000000000001']);
      expect(loaded.sources['chat.telegram.token']).toMatchObject({ kind: 'file' });
    }
  });

  it("reads the Python PYHABOT's variables, below pyhabot's own", async () => {
    const loaded = await load(null, {
      TELEGRAM_TOKEN: '1:python',
      DISCORD_TOKEN: 'discord-python',
      INTEGRATION: 'telegram',
      PYHABOT_CHAT_TELEGRAM_ALLOWED_CHATS: '11, 22 33',
    });
    expect(loaded.config['chat.telegram.token']).toBe('1:python');
    expect(loaded.config['chat.discord.token']).toBe('discord-python');
    expect(loaded.config['chat.integration']).toBe('telegram');
    expect(loaded.config['chat.telegram.allowedChats']).toEqual(['11', '22', '33']);
    const ours = await load(null, { TELEGRAM_TOKEN: '1:python', PYHABOT_CHAT_TELEGRAM_TOKEN: '1:ours' });
    expect(ours.config['chat.telegram.token']).toBe('1:ours');
  });

  it.each([
    [{}, false],
    [{ TELEGRAM_TOKEN: '1:a' }, true],
    [{ TELEGRAM_TOKEN: '1:a', INTEGRATION: 'terminal' }, false],
    [{ TELEGRAM_TOKEN: '1:a', INTEGRATION: 'discord' }, false],
    [{ DISCORD_TOKEN: 'd', INTEGRATION: 'discord' }, true],
  ])('chat control is set up for %j: %s', async (env, expected) => {
    expect(isChatConfigured((await load(null, env)).config)).toBe(expected);
  });

  it('masks the tokens in `pyhabot config`', async () => {
    const loaded = await load(null, { TELEGRAM_TOKEN: '123456:SECRET-token' });
    expect(JSON.stringify(describeConfig(loaded))).not.toContain('SECRET');
  });

  it('names each bad chat setting, never quoting a token', async () => {
    const error = await load(
      [
        'chat:',
        '  telegram:',
        '    token: ["1:SECRETabc"]',
        '    allowedChats: [abc]',
        '    apiBase: ftp://example.com',
        '  sparkle: true',
        '',
      ].join('\n'),
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.join('\n')).not.toContain('SECRET');
    expect(problems).toEqual([
      expect.stringMatching(/^chat\.telegram\.token: expected a string, got /),
      'chat.telegram.allowedChats[0]: expected a numeric id, got "abc"',
      'chat.telegram.apiBase: expected an http(s) URL without a user name or password, got "ftp://example.com"',
      'unknown key "chat.sparkle"',
    ]);
  });
});
