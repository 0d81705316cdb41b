import { type LocalServer, startLocalServer } from './local-server.js';

/** A message a fake chat service delivers. */
export interface FakeChatMessage {
  chatId: number | string;
  text: string;
  /** Discord: the author's user id (default: the chat id); `bot` marks a bot's own message. */
  userId?: string;
  bot?: boolean;
}

/** What the bot answered, as the fake service received it. */
export interface FakeChatAnswer {
  chatId: string;
  text: string;
  body: Record<string, unknown>;
}

/**
 * A fake Telegram Bot API on 127.0.0.1: getUpdates honours `offset` (older updates are confirmed and gone, as on
 * the real service) and answers at once; sendMessage records the answer. `answerDelayMs` slows sendMessage down.
 */
export interface FakeTelegram extends AsyncDisposable {
  apiBase: string;
  token: string;
  server: LocalServer;
  send(message: FakeChatMessage): number;
  answers: FakeChatAnswer[];
  /** Offsets the bot asked getUpdates for, in order. */
  offsets: Array<number | undefined>;
  /** Answer the next `count` calls of `method` with 429 and this retry_after. */
  rateLimit(method: string, count: number, retryAfterSeconds: number): void;
  answerDelayMs: number;
  /** Called when a sendMessage request arrives, before it is answered. */
  onAnswer?: () => void;
}

/** Start a fake Telegram Bot API; `await using` closes it. */
export async function startFakeTelegram(token = '123456:TEST-token_abcdefghijklmnop'): Promise<FakeTelegram> {
  const updates: Array<{ update_id: number; message: Record<string, unknown> }> = [];
  const limits = new Map<string, { count: number; retryAfter: number }>();
  let nextUpdateId = 500;
  let nextMessageId = 1;
  const fake: Omit<FakeTelegram, 'server' | 'apiBase' | typeof Symbol.asyncDispose> = {
    token,
    answers: [],
    offsets: [],
    answerDelayMs: 0,
    send(message) {
      const id = nextUpdateId++;
      updates.push({
        update_id: id,
        message: {
          message_id: nextMessageId++,
          chat: { id: Number(message.chatId), type: 'private' },
          from: { id: Number(message.userId ?? message.chatId), is_bot: false },
          text: message.text,
        },
      });
      return id;
    },
    rateLimit(method, count, retryAfter) {
      limits.set(method, { count, retryAfter });
    },
  };
  const server = await startLocalServer((req, res, recorded) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (match === null || match[1] !== token)
      return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2] ?? '';
    const limit = limits.get(method);
    if (limit !== undefined && limit.count > 0) {
      limit.count -= 1;
      return reply(429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${limit.retryAfter}`,
        parameters: { retry_after: limit.retryAfter },
      });
    }
    if (method === 'getUpdates') {
      const offsetText = url.searchParams.get('offset');
      const offset = offsetText === null ? undefined : Number(offsetText);
      fake.offsets.push(offset);
      if (offset !== undefined) {
        // Telegram forgets every update before the offset once it is asked for.
        while (updates.length > 0 && (updates[0]?.update_id ?? 0) < offset) updates.shift();
      }
      return reply(200, { ok: true, result: updates.slice(0, 100) });
    }
    if (method === 'sendMessage') {
      const body = JSON.parse(recorded.body) as Record<string, unknown>;
      fake.onAnswer?.();
      setTimeout(() => {
        fake.answers.push({ chatId: String(body.chat_id), text: String(body.text), body });
        reply(200, { ok: true, result: { message_id: nextMessageId++ } });
      }, fake.answerDelayMs);
      return;
    }
    return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
  });
  return Object.assign(fake, {
    server,
    apiBase: server.url,
    [Symbol.asyncDispose]: () => server.close(),
  }) as FakeTelegram;
}
