import { readWatchId, readWholeNumber, show } from '../domain/read-number.js';
import { InvalidArgumentError } from './commander.js';

/** Parse a watch id: a positive whole number. */
export function parseWatchId(value: string): number {
  const read = readWatchId(value);
  if (!read.ok) throw new InvalidArgumentError(read.problem);
  return read.value;
}

/** Collect a repeatable string option. */
export function collectStrings(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Parse a whole number within bounds. */
export function parseIntegerBetween(min: number, max: number): (value: string) => number {
  return (value) => {
    const read = readWholeNumber(value, min, max);
    if (!read.ok) throw new InvalidArgumentError(read.problem);
    return read.value;
  };
}

const parsePageCount = parseIntegerBetween(1, 50);

/** Parse a per-watch page count, or `default` to fall back to the config's maxPages. */
export function parseMaxPagesOrDefault(value: string): number | 'default' {
  // Not null for `default`: commander stores a parser's null as an empty string.
  return value.trim().toLowerCase() === 'default' ? 'default' : parsePageCount(value);
}

/** Milliseconds per duration unit, largest first: the order a compound duration must follow. */
const DURATION_UNITS = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
] as const;

/**
 * Parse a duration such as `90s`, `20m`, `1h30m` or `2d` into milliseconds. Written here rather than taken from
 * `ms` (which reads no compound like `1h30m`) or `parse-duration` (which also reads a bare number as
 * milliseconds, negative and word units): what matters is refusing the rest, and that is this whole parser.
 */
export function parseDuration(value: string): number {
  const text = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) {
    throw new InvalidArgumentError(
      `${show(value)} has no unit; write it with one, e.g. ${text}s for seconds or ${text}m for minutes.`,
    );
  }
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy)];
  const invalid = (): InvalidArgumentError =>
    new InvalidArgumentError(`expected a duration such as 90s, 20m, 1h30m or 2d, got ${show(value)}.`);
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) throw invalid();
  let total = 0;
  let previousRank = -1;
  for (const [, amount, unit] of parts) {
    const rank = DURATION_UNITS.findIndex(([name]) => name === unit);
    // "30m1h" or "1h1h" is more likely a typo than a duration.
    if (rank <= previousRank) throw invalid();
    previousRank = rank;
    total += Number(amount) * (DURATION_UNITS[rank]?.[1] ?? 0);
  }
  const ms = Math.round(total);
  if (ms <= 0) throw new InvalidArgumentError(`expected a duration longer than zero, got ${show(value)}.`);
  return ms;
}

/** Parse an ISO 8601 date-time. */
export function parseDateTime(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim()) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError(
      `expected an ISO 8601 date-time such as 2025-12-19T16:30:00+01:00, got ${show(value)}.`,
    );
  }
  return date;
}
