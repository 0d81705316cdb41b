/** The longest wait between two attempts, whatever the attempt count. */
export const MAX_BACKOFF_MS = 24 * 3_600_000;

/** When to try a failed notification again: exponential in the attempts made, capped at a day, or what the target asked. */
export function nextAttemptDelayMs(attemptsMade: number, baseMs: number, retryAfterMs?: number): number {
  const exponential = baseMs * 2 ** Math.max(0, attemptsMade - 1);
  const delay = Math.min(exponential, MAX_BACKOFF_MS);
  return retryAfterMs === undefined ? delay : Math.max(delay, retryAfterMs);
}
