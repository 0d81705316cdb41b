/**
 * Milliseconds a `Retry-After` value asks to wait at `nowMs`: delay seconds or an HTTP date; undefined when absent
 * or unreadable.
 *
 * Fractional seconds ("1.5") are accepted and rounded up to whole milliseconds: HTTP only defines whole seconds,
 * but services do send fractions, and the wait they mean is plain. A date already past asks for no wait. An
 * absurdly long delay stays a number (at most `Number.MAX_SAFE_INTEGER`), so a caller comparing it with its own
 * ceiling sees it as too long rather than as unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(Number.MAX_SAFE_INTEGER, Math.ceil(Number(trimmed) * 1000));
  // Only a date with a weekday or a month name: Date.parse would also read "-3" or "2" as dates.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
