import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeTelegram } from '../helpers/fake-chat-apis.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const OWNER = 4242;
const WATCHES = 4;
const ROUNDS = 12;
const PAGE_DELAY_MS = 30;

// `pyhabot chat` listens while checks run one after another on the same database, as the compose file's two
// services do, and both read the same Telegram bot: the listener by long polling, each check before its watches.
// Commands arrive during the checks' writes. Every check must succeed (no "database is locked"), every command
// must be applied and answered exactly once whichever process read it, and the file must stay sound.

describe('pyhabot chat beside check on one database', () => {
  it('never collides with a check and applies every command once', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using telegram = await startFakeTelegram();
    writeFileSync(
      join(sandbox.dir, '.pyhabotrc'),
      [
        'requestDelayMs: 0',
        'newestFirst: false',
        'maxRetries: 0',
        `chat.telegram.apiBase: ${telegram.apiBase}`,
        `chat.telegram.allowedChats: [${OWNER}]`,
        '',
      ].join('\n'),
    );
    const env = { TELEGRAM_TOKEN: telegram.token };
    const pages: ListingPage[] = [];
    for (let index = 0; index < WATCHES; index += 1) {
      const page = new ListingPage().keepFirst(6).withoutNextPage();
      pages.push(page);
      const path = `/aprok/shared${index}/index.html`;
      site.serve(path, (_req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(page.html);
        }, PAGE_DELAY_MS);
      });
      expect((await sandbox.run(['add', site.urlFor(path), '--allow-any-host'])).code).toBe(0);
    }
    const listener = spawn(process.execPath, [BIN, 'chat'], {
      cwd: sandbox.dir,
      env: { ...sandbox.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let listenerErr = '';
    listener.stderr.on('data', (chunk: Buffer) => {
      listenerErr += chunk.toString();
    });
    const listenerExit = new Promise<number | null>((resolve) => listener.on('close', resolve));
    let sent = 0;
    let nextAdId = 9_300_000;
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const page of pages) {
          page.addAd(page.adIds()[1] as number, nextAdId, `Új hirdetés ${nextAdId}`);
          nextAdId += 1;
        }
        const check = sandbox.run(['check', '--quiet'], { env, timeoutMs: 30_000 });
        // Commands land while the check reads and writes.
        for (let index = 0; index < 3; index += 1) {
          await new Promise((resolve) => setTimeout(resolve, 15));
          telegram.send({ chatId: OWNER, text: `/filter ${(sent % WATCHES) + 1} exclude word${sent}` });
          sent += 1;
        }
        const result = await check;
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toBe('');
      }
      const deadline = Date.now() + 10_000;
      while (telegram.answers.length < sent && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      listener.kill('SIGTERM');
    }
    expect(await listenerExit).toBe(143);
    expect(listenerErr).toBe('');

    const answeredIds = telegram.answers.map(
      (answer) => (answer.body.reply_parameters as { message_id: number }).message_id,
    );
    expect(answeredIds).toHaveLength(sent);
    expect(new Set(answeredIds).size).toBe(sent);
    const filters = sandbox.query<{ filter: string }>('SELECT filter FROM watch_filters ORDER BY watch_id');
    const words = filters.flatMap((row) => (JSON.parse(row.filter) as { exclude: string[] }).exclude);
    expect(words.sort()).toEqual(Array.from({ length: sent }, (_, index) => `word${index}`).sort());
    expect(sandbox.query("SELECT COUNT(*) AS n FROM watches WHERE last_status = 'ok'")).toEqual([{ n: WATCHES }]);
    expect(sandbox.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
