import type { ScrapeErrorKind } from '../domain/errors.js';
import { parseRetryAfter } from '../domain/retry-after.js';

/** Response headers as Node gives them: lower-case names, `set-cookie` as an array. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** How one request attempt ended, as far as deciding on another try is concerned. */
export type AttemptOutcome =
  | { type: 'status'; status: number; headers: ResponseHeaders }
  | { type: 'timeout' }
  | { type: 'network'; code: string | undefined };

/** Limits for retrying one request. */
export interface RetrySettings {
  /** Tries after the first one; the request is sent at most `maxRetries + 1` times. */
  maxRetries: number;
  /** Backoff before the first retry; it doubles with every further retry. */
  baseMs: number;
  /** Ceiling for the exponential backoff. */
  maxMs: number;
  /** Longest `Retry-After` the client agrees to wait; a longer one fails the request at once. */
  retryAfterMaxMs: number;
}

/** The limits used unless configured otherwise. */
export const defaultRetrySettings: Readonly<RetrySettings> = {
  maxRetries: 3,
  baseMs: 1000,
  maxMs: 30_000,
  retryAfterMaxMs: 60_000,
};

/** Why a failed attempt is not tried again. */
export type GiveUpReason = 'not_retryable' | 'out_of_attempts' | 'retry_after_too_long';

/** Either try again after `delayMs`, or fail with `kind`. */
export type RetryDecision =
  | { retry: true; delayMs: number; fromRetryAfter: boolean }
  | { retry: false; kind: ScrapeErrorKind; reason: GiveUpReason; retryAfterMs: number | null };

// A name that does not resolve or a certificate that does not verify will not fix itself within seconds.
const permanentNetworkCodes: ReadonlySet<string> = new Set([
  'ENOTFOUND',
  'ERR_INVALID_URL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Decide whether attempt number `attempt` (1 for the first) is tried again, and after how long. */
export function decideRetry(
  outcome: AttemptOutcome,
  attempt: number,
  random: number,
  nowMs: number,
  settings: RetrySettings = defaultRetrySettings,
): RetryDecision {
  const outOfAttempts = attempt > settings.maxRetries;
  const backoff = (): number => backoffDelayMs(attempt, random, settings.baseMs, settings.maxMs);

  if (outcome.type === 'timeout' || outcome.type === 'network') {
    const kind = outcome.type;
    if (outcome.type === 'network' && outcome.code !== undefined && permanentNetworkCodes.has(outcome.code)) {
      return giveUp(kind, 'not_retryable');
    }
    if (outOfAttempts) return giveUp(kind, 'out_of_attempts');
    return { retry: true, delayMs: backoff(), fromRetryAfter: false };
  }

  const { status } = outcome;
  if (!isRetryableStatus(status)) return giveUp('http_status', 'not_retryable');
  const kind: ScrapeErrorKind = status === 429 || status === 503 ? 'rate_limited' : 'http_status';
  const retryAfterMs = parseRetryAfter(headerValue(outcome.headers, 'retry-after'), nowMs) ?? null;
  if (retryAfterMs !== null && retryAfterMs > settings.retryAfterMaxMs) {
    // Waiting longer than we agreed to would stall the whole run; the next run asks again.
    return giveUp('rate_limited', 'retry_after_too_long', retryAfterMs);
  }
  if (outOfAttempts) return giveUp(kind, 'out_of_attempts', retryAfterMs);
  if (retryAfterMs !== null) return { retry: true, delayMs: retryAfterMs, fromRetryAfter: true };
  return { retry: true, delayMs: backoff(), fromRetryAfter: false };
}

/** True for the statuses worth another try: 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Exponential backoff with full jitter: a uniform share (`random` in [0, 1)) of min(max, base · 2^(attempt−1)). */
export function backoffDelayMs(attempt: number, random: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(Math.min(Math.max(random, 0), 1) * ceiling);
}

function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function giveUp(kind: ScrapeErrorKind, reason: GiveUpReason, retryAfterMs: number | null = null): RetryDecision {
  return { retry: false, kind, reason, retryAfterMs };
}
