import { parseRetryAfter } from '../domain/retry-after.js';

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
export interface ServiceProtocol {
  /** The service's own explanation in a failed answer. */
  explain(answer: ServiceAnswer): string | undefined;
  /** The wait, in milliseconds, a 429 answer asks for. */
  retryAfterMs(answer: ServiceAnswer, now: Date): number | undefined;
  /** What a 2xx answer means: some services answer 200 to a message they refused. */
  confirm(answer: ServiceAnswer): AttemptVerdict;
}

/** Error lines are for one log line, not for a whole HTML error page. */
const ERROR_LENGTH = 300;

/** The wait a `Retry-After` header asks for, read as the site client reads it. */
export function parseRetryAfterHeader(headers: Headers, now: Date): number | undefined {
  return parseRetryAfter(headers.get('retry-after') ?? undefined, now.getTime());
}

/** A wait in seconds given in a JSON answer, in milliseconds; anything but a non-negative number means none. */
export function secondsToMs(seconds: unknown): number | undefined {
  return typeof seconds === 'number' && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

/** "HTTP 400: <the service's explanation>", cut to one log line. */
export function describeFailure(answer: ServiceAnswer, explanation: string | undefined): string {
  const reason = explanation ?? answer.statusText;
  const line = `HTTP ${answer.status}${reason ? `: ${reason}` : ''}`;
  return line.length > ERROR_LENGTH ? `${line.slice(0, ERROR_LENGTH - 1)}…` : line;
}

/** A short plain-text body, on one line; HTML error pages say nothing useful and are left out. */
export function plainText(body: string): string | undefined {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text === '' || /^<(!doctype|html)/i.test(text)) return undefined;
  return text;
}

/** The body as a JSON object, or undefined when it is not one. */
export function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    return asObject(JSON.parse(body));
  } catch {
    return undefined;
  }
}

/** The value as a plain object, or undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
