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
  // Long polls waiting for the next update, as Telegram holds getUpdates open for up to `timeout` seconds.
  const waiting = new Set<() => void>();
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
      for (const wake of waiting) wake();
      return id;
    },
    rateLimit(method, count, retryAfter) {
      limits.set(method, { count, retryAfter });
    },
  };
  const server = await startLocalServer(async (req, res, recorded) => {
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
      const waitMs = Number(url.searchParams.get('timeout') ?? '0') * 1000;
      if (updates.length === 0 && waitMs > 0) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiting.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, waitMs);
          waiting.add(wake);
          res.on('close', wake);
        });
      }
      if (res.destroyed) return;
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

/**
 * A fake Discord REST API on 127.0.0.1 with one channel: lists messages after an id (newest first, as Discord
 * does), records posted answers, and keeps the channel's webhooks (refused with 403 when `canManageWebhooks` is off).
 */
export interface FakeDiscord extends AsyncDisposable {
  apiBase: string;
  token: string;
  channel: string;
  server: LocalServer;
  /** Post a message now; returns its id. */
  send(message: FakeChatMessage): string;
  answers: FakeChatAnswer[];
  webhooks: Array<{ id: string; token: string; name: string }>;
  canManageWebhooks: boolean;
  /** Leave out every message's text, as Discord does for a bot without the Message Content intent. */
  withholdContent: boolean;
}

/** Start a fake Discord REST API; `await using` closes it. */
export async function startFakeDiscord(token = 'MTIz.discord-bot-token.abcdefghijklmnopqrstuv'): Promise<FakeDiscord> {
  const channel = '1100000000000000001';
  const messages: Array<{ id: string; content: string; author: { id: string; bot?: boolean } }> = [];
  // Ids of messages written now: Discord's ids carry their time.
  let sequence = 0n;
  const nextId = (): string => String(((BigInt(Date.now()) - 1_420_070_400_000n) << 22n) + sequence++);
  const fake: Omit<FakeDiscord, 'server' | 'apiBase' | typeof Symbol.asyncDispose> = {
    token,
    channel,
    answers: [],
    webhooks: [],
    canManageWebhooks: true,
    withholdContent: false,
    send(message) {
      const id = nextId();
      messages.push({
        id,
        content: message.text,
        author: { id: message.userId ?? String(message.chatId), ...(message.bot ? { bot: true } : {}) },
      });
      return id;
    },
  };
  const server = await startLocalServer((req, res, recorded) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bot ${token}`) return reply(401, { message: '401: Unauthorized', code: 0 });
    if (url.pathname === `/channels/${channel}/messages` && req.method === 'GET') {
      const after = BigInt(url.searchParams.get('after') ?? '0');
      const limit = Number(url.searchParams.get('limit') ?? '50');
      const found = messages
        .filter((message) => BigInt(message.id) > after)
        .slice(0, limit)
        .reverse()
        .map((message) => ({ ...message, content: fake.withholdContent ? '' : message.content }));
      return reply(200, found);
    }
    if (url.pathname === `/channels/${channel}/messages` && req.method === 'POST') {
      const body = JSON.parse(recorded.body) as Record<string, unknown>;
      fake.answers.push({ chatId: channel, text: String(body.content), body });
      const id = nextId();
      messages.push({ id, content: String(body.content), author: { id: '1', bot: true } });
      return reply(200, { id });
    }
    if (url.pathname === `/channels/${channel}/webhooks`) {
      if (!fake.canManageWebhooks) return reply(403, { message: 'Missing Permissions', code: 50013 });
      if (req.method === 'GET') return reply(200, fake.webhooks);
      const webhook = { id: nextId(), token: `hook-${fake.webhooks.length}-secret-token-value`, name: 'pyhabot' };
      fake.webhooks.push(webhook);
      return reply(200, webhook);
    }
    return reply(404, { message: '404: Not Found', code: 0 });
  });
  return Object.assign(fake, {
    server,
    apiBase: server.url,
    [Symbol.asyncDispose]: () => server.close(),
  }) as FakeDiscord;
}
