import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeTelegram } from '../helpers/fake-chat-apis.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const URL_MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const OWNER = 4242;
const STRANGER = 999;

function configure(dir: string, apiBase: string, extra: string[] = []): void {
  writeFileSync(
    join(dir, '.pyhabotrc'),
    ['chat:', '  telegram:', `    apiBase: ${apiBase}`, `    allowedChats: [${OWNER}]`, ...extra, ''].join('\n'),
  );
}

describe('pyhabot chat --once with Telegram', () => {
  it("runs an allowed chat's commands once, answers them, and remembers where it stopped", async () => {
    using sandbox = createCliSandbox();
    await using telegram = await startFakeTelegram();
    configure(sandbox.dir, telegram.apiBase);
    const env = { TELEGRAM_TOKEN: telegram.token };
    telegram.send({ chatId: OWNER, text: `/add ${URL_MOBIL} Phones <b>` });
    telegram.send({ chatId: OWNER, text: '/list' });
    telegram.send({ chatId: STRANGER, text: '/remove 1' });

    const first = await sandbox.run(['chat', '--once'], { env });
    expect(first.stderr).not.toContain(telegram.token);
    expect(first).toMatchObject({ code: 0, stdout: 'telegram: 2 answered, 1 ignored\n' });
    expect(telegram.answers.map((answer) => answer.chatId)).toEqual([String(OWNER), String(OWNER)]);
    expect(telegram.answers[0]?.text).toBe('Added watch 1: Phones &lt;b&gt;\nNew ads will be sent to this chat.');
    expect(telegram.answers[1]?.text).toContain('1. Phones &lt;b&gt;');
    expect(sandbox.query('SELECT name FROM watches')).toEqual([{ name: 'Phones <b>' }]);
    // New watches notify the chat that added them.
    expect(sandbox.query('SELECT target FROM watch_targets')).toEqual([
      { target: `telegram+${telegram.apiBase}/bot${telegram.token}/sendMessage?chat_id=${OWNER}` },
    ]);
    expect(first.stderr).toContain(`from ${STRANGER}, who is not allowed`);

    // The stranger is logged once, never answered; the offset survives the restart.
    telegram.send({ chatId: STRANGER, text: '/list' });
    telegram.send({ chatId: OWNER, text: '/pause 1' });
    const second = await sandbox.run(['chat', '--once'], { env });
    expect(second).toMatchObject({ code: 0, stdout: 'telegram: 1 answered, 1 ignored\n' });
    expect(second.stderr).not.toContain('not allowed');
    expect(telegram.answers.at(-1)?.text).toBe('Paused watch 1: Phones &lt;b&gt;');
    expect(telegram.answers).toHaveLength(3);
    expect(sandbox.query('SELECT enabled FROM watches')).toEqual([{ enabled: 0 }]);
    expect(telegram.offsets).toEqual([undefined, 503]);
    expect(sandbox.query('SELECT transport, position FROM chat_cursors')).toEqual([
      { transport: 'telegram', position: '505' },
    ]);
  });

  it("answers bad input with the command line's error and hint, changing nothing", async () => {
    using sandbox = createCliSandbox();
    await using telegram = await startFakeTelegram();
    configure(sandbox.dir, telegram.apiBase);
    const env = { TELEGRAM_TOKEN: telegram.token };
    telegram.send({ chatId: OWNER, text: '/add https://example.com/aprok/mobil/index.html' });
    telegram.send({ chatId: OWNER, text: '/show 7' });
    telegram.send({ chatId: OWNER, text: '/frobnicate' });
    telegram.send({ chatId: OWNER, text: `/add ${'x'.repeat(5000)}` });
    telegram.send({ chatId: OWNER, text: '/filter 1 exclude /(/' });
    const result = await sandbox.run(['chat', '--once'], { env });
    expect(result.code).toBe(0);
    const cli = await sandbox.run(['add', 'https://example.com/aprok/mobil/index.html']);
    const [cliError, cliHint] = cli.stderr.trimEnd().split('\n');
    expect(telegram.answers[0]?.text).toBe(`${cliError}\n${cliHint}`.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(telegram.answers[1]?.text).toBe(
      'pyhabot: no watch with id 7\nhint: run `pyhabot list` to see the watch ids',
    );
    expect(telegram.answers[2]?.text).toContain('unknown command');
    expect(telegram.answers[3]?.text).toContain('at most 4096 are read');
    expect(telegram.answers[4]?.text).toMatch(/^pyhabot: no watch with id 1/);
    expect(sandbox.query('SELECT COUNT(*) AS n FROM watches')).toEqual([{ n: 0 }]);
  });
});

describe('pyhabot chat --once and rate limits', () => {
  it("waits as long as Telegram's 429 asks, then goes on", async () => {
    using sandbox = createCliSandbox();
    await using telegram = await startFakeTelegram();
    configure(sandbox.dir, telegram.apiBase);
    telegram.send({ chatId: OWNER, text: '/list' });
    telegram.rateLimit('getUpdates', 1, 1);
    telegram.rateLimit('sendMessage', 1, 1);
    const result = await sandbox.run(['chat', '--once'], { env: { TELEGRAM_TOKEN: telegram.token } });
    expect(result).toMatchObject({ code: 0, stdout: 'telegram: 1 answered, 0 ignored\n' });
    const getUpdates = telegram.server.requests.filter((request) => request.path.includes('getUpdates'));
    expect(getUpdates).toHaveLength(2);
    expect((getUpdates[1]?.receivedAt ?? 0) - (getUpdates[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(950);
    expect(telegram.answers).toHaveLength(1);
  });

  it('gives up a read whose wait is longer than retryAfterMaxMs, changing nothing, and exits 1', async () => {
    using sandbox = createCliSandbox();
    await using telegram = await startFakeTelegram();
    configure(sandbox.dir, telegram.apiBase);
    telegram.send({ chatId: OWNER, text: '/list' });
    telegram.rateLimit('getUpdates', 1, 3600);
    const result = await sandbox.run(['chat', '--once'], { env: { TELEGRAM_TOKEN: telegram.token } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pyhabot: telegram: HTTP 429: Too Many Requests: retry after 3600\n');
    expect(sandbox.query('SELECT COUNT(*) AS n FROM chat_cursors')).toEqual([{ n: 0 }]);
    expect(telegram.answers).toHaveLength(0);
  });

  it('says a wrong token is refused without showing it', async () => {
    using sandbox = createCliSandbox();
    await using telegram = await startFakeTelegram();
    configure(sandbox.dir, telegram.apiBase);
    const result = await sandbox.run(['chat', '--once'], { env: { TELEGRAM_TOKEN: '999:WRONG-token_abcdefghij' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('pyhabot: telegram: HTTP 401: Unauthorized\n');
  });

  it('refuses to start with no chat service set up', async () => {
    using sandbox = createCliSandbox();
    const result = await sandbox.run(['chat', '--once']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^pyhabot: chat control is not set up\nhint: set TELEGRAM_TOKEN/);
  });
});

describe('pyhabot check with chat control set up', () => {
  it('answers waiting chat commands before it reads the watches', async () => {
    using sandbox = createCliSandbox();
    await using telegram = await startFakeTelegram();
    await using site = await startFakeHardverapro();
    site.serve('/aprok/mobil/index.html', new ListingPage().keepFirst(5).withoutNextPage());
    configure(sandbox.dir, telegram.apiBase, ['requestDelayMs: 0', 'newestFirst: false', 'maxRetries: 0']);
    const env = { TELEGRAM_TOKEN: telegram.token };
    expect((await sandbox.run(['add', site.urlFor('/aprok/mobil/index.html'), '--allow-any-host'])).code).toBe(0);
    expect((await sandbox.run(['add', site.urlFor('/aprok/mobil/index.html?x=1'), '--allow-any-host'])).code).toBe(0);
    telegram.send({ chatId: OWNER, text: '/pause 1' });

    const check = await sandbox.run(['check'], { env });
    expect(check.code, check.stderr).toBe(0);
    expect(telegram.answers.map((answer) => answer.text)).toEqual(['Paused watch 1: mobil']);
    // Watch 1 was paused by the chat before the run chose its watches.
    expect(check.stdout).toMatch(/1 watch, 0 new ads, 1 baseline/);
    expect(sandbox.query('SELECT id, last_check_at IS NULL AS never FROM watches')).toEqual([
      { id: 1, never: 1 },
      { id: 2, never: 0 },
    ]);
  });

  it('still checks the watches when the chat service is down, and says so with exit 1', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    site.serve('/aprok/mobil/index.html', new ListingPage().keepFirst(5).withoutNextPage());
    configure(sandbox.dir, 'http://127.0.0.1:9', ['requestDelayMs: 0', 'newestFirst: false', 'maxRetries: 0']);
    expect((await sandbox.run(['add', site.urlFor('/aprok/mobil/index.html'), '--allow-any-host'])).code).toBe(0);
    const token = '123456:SECRET-token_abcdefghijklmnop';
    const check = await sandbox.run(['check'], { env: { TELEGRAM_TOKEN: token } });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/1 watch, 0 new ads, 1 baseline/);
    expect(check.stderr).toContain('pyhabot: chat commands from telegram could not be read: network error');
    expect(check.stderr).not.toContain('SECRET-token');
  });

  it('checks the watches even when the chat settings cannot be used, and says why with exit 1', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    site.serve('/aprok/mobil/index.html', new ListingPage().keepFirst(5).withoutNextPage());
    writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'requestDelayMs: 0\nnewestFirst: false\nmaxRetries: 0\n');
    expect((await sandbox.run(['add', site.urlFor('/aprok/mobil/index.html'), '--allow-any-host'])).code).toBe(0);
    const check = await sandbox.run(['check'], { env: { DISCORD_TOKEN: 'abc.def.SECRETghi' } });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/1 watch, 0 new ads, 1 baseline/);
    expect(check.stderr).toBe(
      'pyhabot: chat commands were not read: a Discord bot token is set but no channel to read commands from\nhint: set chat.discord.channel (or PYHABOT_CHAT_DISCORD_CHANNEL) to the channel id\n',
    );
  });
});
