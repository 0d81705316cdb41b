import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerChat, type ChatStepDependencies } from '../../src/chat/answer-chat.js';
import type { ChatMessage, ChatTransport } from '../../src/chat/transport.js';
import { getChatCursor } from '../../src/store/chat-repo.js';
import { type Db, openDb } from '../../src/store/open-db.js';
import { listWatches } from '../../src/store/watches-repo.js';

const MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';

/** A chat service in memory: `read` hands out `inbox` as it is (a stale read ignores the cursor, as a second reader would see it). */
function memoryTransport(inbox: ChatMessage[], allowed = ['1']): ChatTransport & { answers: string[][] } {
  const answers: string[][] = [];
  return {
    name: 'telegram',
    longPolls: true,
    answers,
    async read() {
      return inbox;
    },
    isHandled: (position, cursor) => cursor !== undefined && Number(position) <= Number(cursor),
    isAllowed: (message) => allowed.includes(message.senderId),
    async originTarget(message) {
      return { target: `tgram://123456:SECRETtoken/${message.chatId}` };
    },
    async reply(_message, lines) {
      answers.push([...lines]);
    },
    mask: (text) => text,
  };
}

function message(position: number, text: string | null, sender = '1'): ChatMessage {
  return { position: String(position), chatId: sender, senderId: sender, messageId: String(position), text };
}

let db: Db;
let logLines: string[];
let deps: ChatStepDependencies;

beforeEach(() => {
  db = openDb(':memory:');
  logLines = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  deps = {
    db,
    settings: { notifyExisting: false, filter: null, failureThreshold: 3, lockStaleMs: 120_000 },
    logger: pino({ level: 'info' }, sink),
    now: () => new Date('2026-12-01T00:00:00Z'),
    signal: new AbortController().signal,
  };
});

afterEach(() => {
  db.close();
});

describe('answerChat', () => {
  it('runs each command once even when a second reader read the same messages before the first committed', async () => {
    const inbox = [message(11, `/add ${MOBIL}`), message(12, '/pause 1')];
    const first = memoryTransport(inbox);
    const second = memoryTransport(inbox);
    expect(await answerChat(deps, first, { waitSeconds: 0 })).toEqual({ answered: 2, ignored: 0, read: 2 });
    expect(await answerChat(deps, second, { waitSeconds: 0 })).toEqual({ answered: 0, ignored: 0, read: 2 });
    expect(second.answers).toEqual([]);
    expect(listWatches(db)).toMatchObject([{ id: 1, enabled: false, notify: ['tgram://123456:SECRETtoken/1'] }]);
    expect(getChatCursor(db, 'telegram')).toBe('12');
  });

  it('ignores strangers without an answer and logs each sender once', async () => {
    const transport = memoryTransport([
      message(1, '/list', '66'),
      message(2, '/remove 1', '66'),
      message(3, 'hi', '77'),
    ]);
    expect(await answerChat(deps, transport, { waitSeconds: 0 })).toEqual({ answered: 0, ignored: 3, read: 3 });
    expect(transport.answers).toEqual([]);
    expect(logLines.filter((line) => line.includes('not allowed'))).toHaveLength(2);
    await answerChat(deps, memoryTransport([message(4, '/list', '66')]), { waitSeconds: 0 });
    expect(logLines.filter((line) => line.includes('not allowed'))).toHaveLength(2);
    expect(getChatCursor(db, 'telegram')).toBe('4');
  });

  it('moves past messages that are no command, and answers nothing for them', async () => {
    const transport = memoryTransport([message(5, 'thanks!'), message(6, null)]);
    expect(await answerChat(deps, transport, { waitSeconds: 0 })).toEqual({ answered: 0, ignored: 0, read: 2 });
    expect(transport.answers).toEqual([]);
    expect(getChatCursor(db, 'telegram')).toBe('6');
  });

  it('answers a refused command with the error and hint, writes nothing of it, and moves on', async () => {
    await answerChat(deps, memoryTransport([message(1, `/add ${MOBIL}`)]), { waitSeconds: 0 });
    const transport = memoryTransport([message(2, '/filter 1 exclude /(/'), message(3, `/add ${MOBIL}`)]);
    await answerChat(deps, transport, { waitSeconds: 0 });
    expect(transport.answers[0]?.[0]).toMatch(/^pyhabot: bad filter: /);
    expect(transport.answers[0]?.[1]).toMatch(/^hint: words match whole/);
    expect(transport.answers[1]).toEqual([
      'pyhabot: this URL is already watched by watch 1 (mobil)',
      'hint: see it with `pyhabot show 1`',
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM watch_filters').get()).toEqual({ n: 0 });
    expect(getChatCursor(db, 'telegram')).toBe('3');
  });

  it('leaves the message unread when the database fails, so the next read tries it again', async () => {
    const transport = memoryTransport([message(1, `/add ${MOBIL}`)]);
    db.exec('DROP TABLE watch_targets');
    await expect(answerChat(deps, transport, { waitSeconds: 0 })).rejects.toThrow();
    expect(getChatCursor(db, 'telegram')).toBeUndefined();
    expect(transport.answers).toEqual([]);
  });

  it('shows a watch without its targets: only whether this chat is one of them', async () => {
    db.exec(`INSERT INTO watches (name, url, created_at, updated_at) VALUES ('w', '${MOBIL}', 'x', 'x')`);
    db.exec(`INSERT INTO watch_targets (watch_id, position, target) VALUES (1, 0, 'ntfy://other-secret-topic')`);
    const transport = memoryTransport([message(1, '/show 1')]);
    await answerChat(deps, transport, { waitSeconds: 0 });
    const text = transport.answers[0]?.join('\n') ?? '';
    expect(text).toContain('notify: 1 other target');
    expect(text).not.toContain('other-secret-topic');
  });
});
