import { InvalidArgumentError } from './commander.js';

const MAX_ID = 2 ** 31 - 1;

/** Parse a watch id: a positive whole number. */
export function parseWatchId(value: string): number {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed))
    throw new InvalidArgumentError(`expected a watch id (a positive whole number), got ${show(value)}.`);
  const id = Number(trimmed);
  if (id < 1 || id > MAX_ID)
    throw new InvalidArgumentError(`expected a watch id between 1 and ${MAX_ID}, got ${show(value)}.`);
  return id;
}

/** Collect repeated watch ids (variadic argument parser). */
export function collectWatchIds(value: string, previous: number[] | undefined): number[] {
  return [...(previous ?? []), parseWatchId(value)];
}

/** Collect a repeatable string option. */
export function collectStrings(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Parse a whole number within bounds. */
export function parseIntegerBetween(min: number, max: number): (value: string) => number {
  return (value) => {
    const trimmed = value.trim();
    if (!/^-?\d+$/.test(trimmed))
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got ${show(value)}.`);
    const parsed = Number(trimmed);
    if (parsed < min || parsed > max)
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got ${show(value)}.`);
    return parsed;
  };
}

/** Parse a duration such as `90s`, `30m`, `2h`, `1d` into milliseconds. */
export function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`expected a duration such as 30m, 2h or 90s, got ${show(value)}.`);
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit] ?? 1000;
  const ms = Math.round(amount * factor);
  if (ms <= 0) throw new InvalidArgumentError(`expected a positive duration, got ${show(value)}.`);
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

function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}
