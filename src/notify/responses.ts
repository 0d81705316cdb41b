import type { Channel } from '../domain/notification-target.js';

/** What one HTTP attempt came to, before retries are decided. */
export type AttemptVerdict =
  | { kind: 'delivered'; detail?: string; pauseMs?: number }
  | { kind: 'rate_limited'; error: string; retryAfterMs?: number }
  | { kind: 'transient'; error: string }
  | { kind: 'dead'; error: string };

/** A service's answer to one request, body already read. */
export interface ServiceAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
}

/** How one service reports success, failure and rate limits. */
interface ServiceProtocol {
  /** The service's own explanation in a failed answer. */
  explain(answer: ServiceAnswer): string | undefined;
  /** The wait, in milliseconds, a 429 answer asks for. */
  retryAfterMs(answer: ServiceAnswer, now: Date): number | undefined;
  /** What a 2xx answer means: some services answer 200 to a message they refused. */
  confirm(answer: ServiceAnswer): AttemptVerdict;
}

/** Error lines are for one log line, not for a whole HTML error page. */
const ERROR_LENGTH = 300;

/** Judge one answer by the rules of the target's service. */
export function interpretAnswer(channel: Channel, answer: ServiceAnswer, now: Date): AttemptVerdict {
  const protocol = protocols[channel];
  const { status } = answer;
  if (status >= 200 && status < 300) return protocol.confirm(answer);
  if (status >= 300 && status < 400) {
    // Following would turn the POST into a GET on some redirects; the user should fix the target instead.
    const location = answer.headers.get('location');
    return { kind: 'dead', error: `HTTP ${status}: redirected${location ? ` to ${location}` : ''}; update the target` };
  }
  const error = describeFailure(answer, protocol.explain(answer));
  if (status === 429) {
    const retryAfterMs = protocol.retryAfterMs(answer, now);
    return retryAfterMs === undefined ? { kind: 'rate_limited', error } : { kind: 'rate_limited', error, retryAfterMs };
  }
  if (status >= 500 || status === 408) return { kind: 'transient', error };
  return { kind: 'dead', error };
}

/** Read a `Retry-After` header: delay seconds or an HTTP date. */
export function parseRetryAfterHeader(headers: Headers, now: Date): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

const protocols = {
  discord: {
    explain: (answer) => {
      const json = parseJsonObject(answer.body);
      if (json === undefined) return plainText(answer.body);
      const message = typeof json.message === 'string' ? json.message : undefined;
      const detail = firstDiscordFieldError(json.errors, []);
      return [message, detail].filter((part) => part !== undefined).join(' ') || undefined;
    },
    retryAfterMs: (answer, now) => {
      const seconds = parseJsonObject(answer.body)?.retry_after;
      return typeof seconds === 'number' && seconds >= 0
        ? Math.ceil(seconds * 1000)
        : parseRetryAfterHeader(answer.headers, now);
    },
    confirm: (answer) => {
      // Discord says when the bucket is empty; waiting then avoids a 429 on the next message.
      const remaining = answer.headers.get('x-ratelimit-remaining');
      const resetAfter = Number(answer.headers.get('x-ratelimit-reset-after'));
      if (remaining === '0' && Number.isFinite(resetAfter) && resetAfter > 0) {
        return { kind: 'delivered', pauseMs: Math.ceil(resetAfter * 1000) };
      }
      return { kind: 'delivered' };
    },
  },
  slack: {
    explain: (answer) => plainText(answer.body),
    retryAfterMs: (answer, now) => parseRetryAfterHeader(answer.headers, now),
    confirm: (answer) =>
      answer.body.trim() === 'ok'
        ? { kind: 'delivered' }
        : { kind: 'dead', error: describeFailure(answer, plainText(answer.body) ?? 'the answer was not "ok"') },
  },
  telegram: {
    explain: (answer) => {
      const json = parseJsonObject(answer.body);
      if (json === undefined) return plainText(answer.body);
      const description = typeof json.description === 'string' ? json.description : undefined;
      const parameters = asObject(json.parameters);
      const migrated = parameters?.migrate_to_chat_id;
      // A group that became a supergroup has a new id; saying so tells the user exactly what to change.
      const moved = typeof migrated === 'number' ? `(the chat moved to ${migrated}; update the chat id)` : undefined;
      return [description, moved].filter((part) => part !== undefined).join(' ') || undefined;
    },
    retryAfterMs: (answer, now) => {
      const seconds = asObject(parseJsonObject(answer.body)?.parameters)?.retry_after;
      return typeof seconds === 'number' && seconds >= 0
        ? Math.ceil(seconds * 1000)
        : parseRetryAfterHeader(answer.headers, now);
    },
    confirm: (answer) => {
      const json = parseJsonObject(answer.body);
      if (json === undefined) return { kind: 'delivered', detail: 'the answer was not JSON' };
      if (json.ok === true) return { kind: 'delivered' };
      const description = typeof json.description === 'string' ? json.description : 'ok: false';
      return { kind: 'dead', error: describeFailure(answer, description) };
    },
  },
  ntfy: {
    explain: (answer) => {
      const json = parseJsonObject(answer.body);
      if (json === undefined) return plainText(answer.body);
      return typeof json.error === 'string' ? json.error : undefined;
    },
    retryAfterMs: (answer, now) => parseRetryAfterHeader(answer.headers, now),
    confirm: () => ({ kind: 'delivered' }),
  },
  json: {
    explain: (answer) => {
      const json = parseJsonObject(answer.body);
      if (json === undefined) return plainText(answer.body);
      const message = json.message ?? json.error ?? json.description;
      return typeof message === 'string' ? message : undefined;
    },
    retryAfterMs: (answer, now) => parseRetryAfterHeader(answer.headers, now),
    confirm: () => ({ kind: 'delivered' }),
  },
} satisfies Record<Channel, ServiceProtocol>;

function describeFailure(answer: ServiceAnswer, explanation: string | undefined): string {
  const reason = explanation ?? answer.statusText;
  const line = `HTTP ${answer.status}${reason ? `: ${reason}` : ''}`;
  return line.length > ERROR_LENGTH ? `${line.slice(0, ERROR_LENGTH - 1)}…` : line;
}

/** A short plain-text body, on one line; HTML error pages say nothing useful and are left out. */
function plainText(body: string): string | undefined {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text === '' || /^<(!doctype|html)/i.test(text)) return undefined;
  return text;
}

function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    return asObject(JSON.parse(body));
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Discord nests form errors by field path; the first one names the field that broke the message. */
function firstDiscordFieldError(errors: unknown, path: string[]): string | undefined {
  const node = asObject(errors);
  if (node === undefined) return undefined;
  const own = Array.isArray(node._errors) ? asObject(node._errors[0]) : undefined;
  if (own !== undefined && typeof own.message === 'string') {
    return `(${path.join('.') || 'body'}: ${own.message})`;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === '_errors') continue;
    const found = firstDiscordFieldError(child, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
