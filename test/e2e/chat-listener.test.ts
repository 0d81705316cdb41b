import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeTelegram } from '../helpers/fake-chat-apis.js';

const OWNER = 4242;

/** Resolve once `condition` holds, checking every 20 ms; fail after `timeoutMs`. */
async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('pyhabot chat, listening', () => {
  it('answers each command as it arrives through a long poll, and exits 143 on SIGTERM', async () => {
    using sandbox = createCliSandbox();
    await using telegram = await startFakeTelegram();
    writeFileSync(
      join(sandbox.dir, '.pyhabotrc'),
      `chat.telegram.apiBase: ${telegram.apiBase}\nchat.telegram.allowedChats: [${OWNER}]\n`,
    );
    const child = spawn(process.execPath, [BIN, 'chat'], {
      cwd: sandbox.dir,
      env: { ...sandbox.env, TELEGRAM_TOKEN: telegram.token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      // Waiting in a long poll before anything was sent.
      await eventually(() => telegram.offsets.length > 0);
      telegram.send({ chatId: OWNER, text: '/add https://hardverapro.hu/aprok/mobil/index.html' });
      await eventually(() => telegram.answers.length === 1);
      telegram.send({ chatId: OWNER, text: '/list' });
      await eventually(() => telegram.answers.length === 2);
      expect(telegram.answers.map((answer) => answer.text)).toEqual([
        'Added watch 1: mobil\nNew ads will be sent to this chat.',
        '1. mobil - not checked yet',
      ]);
      // Each answer came from one long poll, not from a busy loop.
      expect(telegram.offsets.length).toBeLessThan(10);
      await eventually(() => telegram.server.requests.at(-1)?.path.includes('getUpdates') === true);
    } finally {
      child.kill('SIGTERM');
    }
    const started = Date.now();
    expect(await exited).toBe(143);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stderr).not.toContain(telegram.token);
    expect(sandbox.query('SELECT position FROM chat_cursors')).toEqual([{ position: '502' }]);
  });
});
