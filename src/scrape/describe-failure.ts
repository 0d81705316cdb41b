import { ScrapeError } from '../domain/errors.js';
import type { AttemptOutcome, RetryDecision } from './retry-policy.js';

/** What a failed page fetch had come to when it gave up. */
export interface FailureContext {
  url: URL;
  /** Requests sent for the page, the last failing one included. */
  attempts: number;
  timeoutMs: number;
  retryAfterMaxMs: number;
}

/** The error a page fetch ends with once the retry policy gives up on `outcome`. */
export function describeFailure(
  outcome: AttemptOutcome,
  decision: Extract<RetryDecision, { retry: false }>,
  context: FailureContext,
): ScrapeError {
  const { url, attempts } = context;
  const host = url.host;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const status = outcome.type === 'status' ? outcome.status : undefined;
  let message: string;
  if (decision.reason === 'retry_after_too_long') {
    message =
      `${host} asked to wait ${formatDuration(decision.retryAfterMs ?? 0)} (HTTP ${status}), ` +
      `longer than the ${formatDuration(context.retryAfterMaxMs)} allowed (retryAfterMaxMs); ` +
      'not waited, the next check asks again';
  } else if (outcome.type === 'status') {
    message = `HTTP ${outcome.status} from ${host}${tries}`;
  } else if (outcome.type === 'timeout') {
    const attemptsNote = attempts > 1 ? ` (${attempts} attempts)` : '';
    message = `timed out after ${formatDuration(context.timeoutMs)} waiting for ${host}${attemptsNote}`;
  } else {
    message = `could not reach ${host} (${outcome.code ?? 'connection failed'})${tries}`;
  }
  const code = outcome.type === 'network' ? outcome.code : undefined;
  return new ScrapeError(decision.kind, message, {
    url: url.href,
    ...(status === undefined ? {} : { status }),
    ...(code === undefined ? {} : { code }),
  });
}

/** A wait in the largest unit that keeps it readable: "0.3 s", "120 s", "45 min", "36 h", "12 days". */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds > 365 * 86_400) return 'more than a year';
  if (seconds <= 120) return `${Number(seconds.toFixed(2))} s`;
  if (seconds <= 2 * 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds <= 2 * 86_400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

/** A byte count in the largest binary unit that fits: "64 KiB", "50 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}
