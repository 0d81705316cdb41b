import { parseRetryAfter } from '../domain/retry-after.js';
import { sleep } from '../domain/sleep.js';
import { MASK } from '../domain/targets/mask.js';
import { readReplyCapped } from '../notify/read-reply.js';

/** A chat service's API could not be used; the message never holds the bot token. */
export class ChatApiError extends Error {
  readonly status: number | undefined;

  constructor(message: string, status?: number) {
    super(message);
    this.name = 'ChatApiError';
    this.status = status;
  }
}

/** How to reach a chat service's API; fetch is injectable, the token is masked out of every error. */
export interface ChatApiOptions {
  token: string;
  fetch: typeof fetch;
  /** Per request; a Telegram long poll gets its wait on top. */
  timeoutMs: number;
  /** The longest wait a 429 may impose before the request is given up (until the next read). */
  retryAfterMaxMs: number;
}

/** One request to a chat API that answers JSON: a 429's wait is honoured (up to a bound), other failures throw. */
export async function callChatApi(
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal },
  options: ChatApiOptions & { extraWaitMs?: number },
): Promise<unknown> {
  const mask = (text: string): string => maskToken(text, options.token);
  for (let attempt = 1; ; attempt += 1) {
    const timeout = AbortSignal.timeout(options.timeoutMs + (options.extraWaitMs ?? 0));
    let response: Response;
    try {
      response = await options.fetch(url, {
        method: init.method,
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        redirect: 'error',
        signal: init.signal === undefined ? timeout : AbortSignal.any([timeout, init.signal]),
      });
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      throw new ChatApiError(mask(describeFailure(error, options.timeoutMs)));
    }
    const { text } = await readReplyCapped(response);
    const body = parseJson(text);
    if (response.status === 429 && attempt < 3) {
      const waitMs = retryAfterOf(response, body);
      if (waitMs !== undefined && waitMs <= options.retryAfterMaxMs) {
        await sleep(waitMs, init.signal);
        continue;
      }
    }
    if (!response.ok || (isRecord(body) && body.ok === false)) {
      const detail = isRecord(body) && typeof body.description === 'string' ? body.description : undefined;
      const message = isRecord(body) && typeof body.message === 'string' ? body.message : detail;
      throw new ChatApiError(
        mask(`HTTP ${response.status}${message === undefined ? '' : `: ${message.slice(0, 200)}`}`),
        response.status,
      );
    }
    return body;
  }
}

/** The wait a 429 asks for: Telegram's `parameters.retry_after`, Discord's `retry_after`, or the header. */
function retryAfterOf(response: Response, body: unknown): number | undefined {
  if (isRecord(body)) {
    const parameters = isRecord(body.parameters) ? body.parameters : {};
    const seconds = parameters.retry_after ?? body.retry_after;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  }
  return parseRetryAfter(response.headers.get('retry-after') ?? undefined, Date.now());
}

/** A text with the bot token (and its part after the colon, which is just as secret) replaced. */
export function maskToken(text: string, token: string): string {
  if (token.length < 4) return text;
  const secondPart = token.slice(token.indexOf(':') + 1);
  let masked = text.replaceAll(token, MASK).replaceAll(encodeURIComponent(token), MASK);
  if (secondPart.length >= 8) masked = masked.replaceAll(secondPart, MASK);
  return masked;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    return `network error: ${cause ?? error.message}`;
  }
  return `network error: ${String(error)}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** True for a JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
