import { zoneOffsetMs } from '../domain/zoned-time.js';
// The site shows times on the Budapest wall clock. Everything here goes through Intl with an explicit time zone,
// so the answers never depend on the time zone of the machine that runs pyhabot.

/** A calendar date (month 1–12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const BUDAPEST = 'Europe/Budapest';
const MINUTE_MS = 60_000;
const HALF_DAY_MS = 12 * 60 * MINUTE_MS;
const MAX_DATE_MS = 8.64e15;

const HOUR_MS = 60 * MINUTE_MS;
const MAX_CACHED_HOURS = 4096;

// Budapest changes its offset only on whole UTC hours, so one lookup per UTC hour is exact. Formatting is the
// expensive part of reading a page's times; the cache keeps it to a handful of calls per page.
const offsetByUtcHour = new Map<number, number>();

/** Minutes that Budapest is ahead of UTC at the instant `epochMs` (60 in winter, 120 in summer). */
export function budapestOffsetMinutes(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  const cached = offsetByUtcHour.get(hour);
  if (cached !== undefined) return cached;
  const offset = computeOffsetMinutes(hour * HOUR_MS);
  if (offsetByUtcHour.size >= MAX_CACHED_HOURS) offsetByUtcHour.clear();
  offsetByUtcHour.set(hour, offset);
  return offset;
}

function computeOffsetMinutes(epochMs: number): number {
  return Math.round(zoneOffsetMs(new Date(epochMs), BUDAPEST) / MINUTE_MS);
}

/** The Budapest calendar date at the instant `epochMs`; null for an instant a Date cannot hold. */
export function budapestDateAt(epochMs: number): CalendarDate | null {
  if (!Number.isFinite(epochMs) || Math.abs(epochMs) > MAX_DATE_MS - 2 * HALF_DAY_MS) return null;
  const wall = new Date(epochMs + budapestOffsetMinutes(epochMs) * MINUTE_MS);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The date `days` days after `date` (negative to go back), across month and year ends. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** True when the date exists in the calendar (no 31 April, 29 February only in leap years). */
export function isRealDate(date: CalendarDate): boolean {
  const probe = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return (
    probe.getUTCFullYear() === date.year && probe.getUTCMonth() === date.month - 1 && probe.getUTCDate() === date.day
  );
}

/**
 * ISO 8601 text with the Budapest offset for a Budapest wall-clock time, e.g. `2025-12-19T16:20:00+01:00`.
 * A time that occurs twice (the autumn change) is read as the earlier one; a time skipped by the spring change
 * keeps the winter offset, which still names a real instant.
 */
export function budapestWallTimeToIso(date: CalendarDate, hour: number, minute: number): string {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const offsetBefore = budapestOffsetMinutes(wallAsUtc - HALF_DAY_MS);
  const offsetAfter = budapestOffsetMinutes(wallAsUtc + HALF_DAY_MS);
  const fits = (offset: number) => budapestOffsetMinutes(wallAsUtc - offset * MINUTE_MS) === offset;
  const offset = fits(offsetBefore) ? offsetBefore : fits(offsetAfter) ? offsetAfter : offsetBefore;
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T${pad(hour)}:${pad(minute)}:00${formatOffset(offset)}`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  return `${sign}${pad(Math.floor(magnitude / 60))}:${pad(magnitude % 60)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
