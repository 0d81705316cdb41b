import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeTelegram } from '../helpers/fake-chat-apis.js';

const OWNER = 4242;
const ROUNDS = 10;
const COMMANDS_PER_ROUND = 3;

// Each round sends three /add commands, starts `pyhabot chat --once` and kills it with SIGKILL: on odd rounds the
// moment its first answer reaches Telegram (after the commit, before the answer is confirmed), on even rounds
// after a random delay (start-up, reading, writing alike); then a clean run follows. A command run twice would
// add nothing but would answer "already watched"; a command skipped would leave its watch missing.

describe('chat control under kill -9', () => {
  it('runs every command exactly once and answers each at most once across kills', async () => {
    using sandbox = createCliSandbox();
    await using telegram = await startFakeTelegram();
    telegram.answerDelayMs = 100;
    writeFileSync(
      join(sandbox.dir, '.pyhabotrc'),
      `chat.telegram.apiBase: ${telegram.apiBase}\nchat.telegram.allowedChats: [${OWNER}]\n`,
    );
    const env = { ...sandbox.env, TELEGRAM_TOKEN: telegram.token };
    let random = 20251201;
    const nextRandom = (): number => {
      random = (random * 1_103_515_245 + 12_345) % 2_147_483_648;
      return random / 2_147_483_648;
    };
    let kills = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let index = 0; index < COMMANDS_PER_ROUND; index += 1) {
        telegram.send({ chatId: OWNER, text: `/add https://hardverapro.hu/aprok/r${round}c${index}/index.html` });
      }
      const child = spawn(process.execPath, [BIN, 'chat', '--once'], { cwd: sandbox.dir, env, stdio: 'ignore' });
      const killed = await new Promise<boolean>((resolve) => {
        const kill = () => resolve(child.exitCode === null && child.kill('SIGKILL'));
        let timer: NodeJS.Timeout | undefined;
        if (round % 2 === 1) telegram.onAnswer = kill;
        else timer = setTimeout(kill, Math.floor(nextRandom() * 700));
        child.on('exit', () => {
          clearTimeout(timer);
          resolve(false);
        });
      });
      telegram.onAnswer = undefined;
      await new Promise((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.on('close', resolve),
      );
      if (killed) kills += 1;
      const clean = await sandbox.run(['chat', '--once'], { env: { TELEGRAM_TOKEN: telegram.token } });
      expect(clean.code, clean.stderr).toBe(0);
    }
    // Let answers still held back by the fake's delay arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(kills).toBeGreaterThanOrEqual(ROUNDS / 2);
    const watches = sandbox.query<{ url: string }>('SELECT url FROM watches ORDER BY id');
    expect(watches).toHaveLength(ROUNDS * COMMANDS_PER_ROUND);
    expect(new Set(watches.map((watch) => watch.url)).size).toBe(ROUNDS * COMMANDS_PER_ROUND);
    // Nothing ran twice: a second run of an /add would have answered that the URL is already watched.
    expect(telegram.answers.filter((answer) => answer.text.includes('already watched'))).toEqual([]);
    const answeredIds = telegram.answers.map(
      (answer) => (answer.body.reply_parameters as { message_id: number }).message_id,
    );
    expect(new Set(answeredIds).size).toBe(answeredIds.length);
    // Only an answer under way when its run was killed may be lost.
    expect(ROUNDS * COMMANDS_PER_ROUND - answeredIds.length).toBeLessThanOrEqual(kills);
    expect(sandbox.query('SELECT position FROM chat_cursors')).toEqual([
      { position: String(500 + ROUNDS * COMMANDS_PER_ROUND) },
    ]);
    expect(sandbox.query<{ ok: string }>('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
