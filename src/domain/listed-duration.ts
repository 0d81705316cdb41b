/** How long an ad was listed, in the largest whole unit that fits. */
export interface ListedDuration {
  unit: 'day' | 'hour' | 'minute';
  count: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The time between two ISO instants in whole days, else hours, else minutes; null when either cannot be read. */
export function listedDuration(firstSeenAt: string, lastSeenAt: string): ListedDuration | null {
  const span = Date.parse(lastSeenAt) - Date.parse(firstSeenAt);
  if (Number.isNaN(span)) return null;
  const ms = Math.max(0, span);
  if (ms >= DAY) return { unit: 'day', count: Math.floor(ms / DAY) };
  if (ms >= HOUR) return { unit: 'hour', count: Math.floor(ms / HOUR) };
  return { unit: 'minute', count: Math.floor(ms / MINUTE) };
}
