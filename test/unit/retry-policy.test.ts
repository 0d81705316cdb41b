import { describe, expect, it } from 'vitest';
import {
  type AttemptOutcome,
  backoffDelayMs,
  decideRetry,
  type RetryDecision,
  type RetrySettings,
} from '../../src/scrape/retry-policy.js';

const settings: RetrySettings = { maxRetries: 3, baseMs: 1000, maxMs: 30_000, retryAfterMaxMs: 60_000 };
const now = Date.parse('2026-01-31T12:00:00Z');

const status = (code: number, retryAfter?: string): AttemptOutcome => ({
  type: 'status',
  status: code,
  headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
});

describe('decideRetry', () => {
  const cases: Array<[string, AttemptOutcome, number, number, RetryDecision]> = [
    [
      '429 with Retry-After in seconds waits exactly that long',
      status(429, '5'),
      1,
      0.5,
      { retry: true, delayMs: 5000, fromRetryAfter: true },
    ],
    [
      '429 with Retry-After as an HTTP date waits until then',
      status(429, 'Sat, 31 Jan 2026 12:00:30 GMT'),
      1,
      0.5,
      { retry: true, delayMs: 30_000, fromRetryAfter: true },
    ],
    [
      '429 with a date in the past retries at once',
      status(429, 'Sat, 31 Jan 2026 11:00:00 GMT'),
      1,
      0.5,
      { retry: true, delayMs: 0, fromRetryAfter: true },
    ],
    [
      '429 asking for more than the cap fails now',
      status(429, '120'),
      1,
      0.5,
      { retry: false, kind: 'rate_limited', reason: 'retry_after_too_long', retryAfterMs: 120_000 },
    ],
    [
      '429 at exactly the cap still waits',
      status(429, '60'),
      1,
      0.5,
      { retry: true, delayMs: 60_000, fromRetryAfter: true },
    ],
    [
      '429 without Retry-After backs off with jitter',
      status(429),
      2,
      0.5,
      { retry: true, delayMs: 1000, fromRetryAfter: false },
    ],
    [
      '429 with an unreadable Retry-After backs off',
      status(429, 'soon'),
      1,
      0.25,
      { retry: true, delayMs: 250, fromRetryAfter: false },
    ],
    [
      '429 out of attempts is rate limited',
      status(429, '1'),
      4,
      0.5,
      { retry: false, kind: 'rate_limited', reason: 'out_of_attempts', retryAfterMs: 1000 },
    ],
    ['503 is retried', status(503), 1, 0.999, { retry: true, delayMs: 999, fromRetryAfter: false }],
    ['503 with Retry-After honours it', status(503, '2'), 3, 0.1, { retry: true, delayMs: 2000, fromRetryAfter: true }],
    [
      '503 out of attempts is rate limited',
      status(503),
      4,
      0.5,
      { retry: false, kind: 'rate_limited', reason: 'out_of_attempts', retryAfterMs: null },
    ],
    ['500 is retried', status(500), 3, 1, { retry: true, delayMs: 4000, fromRetryAfter: false }],
    [
      '500 out of attempts is an HTTP status error',
      status(500),
      4,
      0.5,
      { retry: false, kind: 'http_status', reason: 'out_of_attempts', retryAfterMs: null },
    ],
    [
      '502 out of attempts is an HTTP status error',
      status(502),
      4,
      0.5,
      { retry: false, kind: 'http_status', reason: 'out_of_attempts', retryAfterMs: null },
    ],
    [
      '404 fails at once',
      status(404),
      1,
      0.5,
      { retry: false, kind: 'http_status', reason: 'not_retryable', retryAfterMs: null },
    ],
    [
      '400 fails at once',
      status(400),
      1,
      0.5,
      { retry: false, kind: 'http_status', reason: 'not_retryable', retryAfterMs: null },
    ],
    [
      '403 fails at once even with Retry-After',
      status(403, '1'),
      1,
      0.5,
      { retry: false, kind: 'http_status', reason: 'not_retryable', retryAfterMs: null },
    ],
    ['a timeout is retried', { type: 'timeout' }, 1, 0.5, { retry: true, delayMs: 500, fromRetryAfter: false }],
    [
      'a timeout out of attempts is a timeout',
      { type: 'timeout' },
      4,
      0.5,
      { retry: false, kind: 'timeout', reason: 'out_of_attempts', retryAfterMs: null },
    ],
    [
      'ECONNRESET is retried',
      { type: 'network', code: 'ECONNRESET' },
      1,
      0.5,
      { retry: true, delayMs: 500, fromRetryAfter: false },
    ],
    [
      'ECONNREFUSED is retried',
      { type: 'network', code: 'ECONNREFUSED' },
      2,
      0.5,
      { retry: true, delayMs: 1000, fromRetryAfter: false },
    ],
    [
      'EAI_AGAIN (DNS not answering) is retried',
      { type: 'network', code: 'EAI_AGAIN' },
      1,
      0,
      { retry: true, delayMs: 0, fromRetryAfter: false },
    ],
    [
      'an error without a code is retried',
      { type: 'network', code: undefined },
      1,
      0.5,
      { retry: true, delayMs: 500, fromRetryAfter: false },
    ],
    [
      'ENOTFOUND (no such host) fails at once',
      { type: 'network', code: 'ENOTFOUND' },
      1,
      0.5,
      { retry: false, kind: 'network', reason: 'not_retryable', retryAfterMs: null },
    ],
    [
      'a bad certificate fails at once',
      { type: 'network', code: 'CERT_HAS_EXPIRED' },
      1,
      0.5,
      { retry: false, kind: 'network', reason: 'not_retryable', retryAfterMs: null },
    ],
    [
      'ECONNRESET out of attempts is a network error',
      { type: 'network', code: 'ECONNRESET' },
      4,
      0.5,
      { retry: false, kind: 'network', reason: 'out_of_attempts', retryAfterMs: null },
    ],
  ];

  it.each(cases)('%s', (_name, outcome, attempt, random, expected) => {
    expect(decideRetry(outcome, attempt, random, now, settings)).toEqual(expected);
  });

  it('does not retry at all when maxRetries is 0', () => {
    expect(decideRetry(status(503), 1, 0.5, now, { ...settings, maxRetries: 0 })).toMatchObject({
      retry: false,
      kind: 'rate_limited',
    });
  });

  it('reads the first Retry-After when a header is repeated', () => {
    const outcome: AttemptOutcome = { type: 'status', status: 429, headers: { 'retry-after': ['3', '90'] } };
    expect(decideRetry(outcome, 1, 0.5, now, settings)).toEqual({ retry: true, delayMs: 3000, fromRetryAfter: true });
  });
});

describe('backoffDelayMs', () => {
  it.each([
    [1, 1, 1000],
    [2, 1, 2000],
    [3, 1, 4000],
    [5, 1, 16_000],
    [6, 1, 30_000],
    [20, 1, 30_000],
    [3, 0, 0],
    [3, 0.5, 2000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelayMs(attempt, random, 1000, 30_000)).toBe(expected);
  });
});
