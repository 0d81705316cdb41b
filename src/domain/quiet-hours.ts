import { instantOfWallTime, wallTimeAt, zoneOffsetMs } from './zoned-time.js';

const HOUR_MS = 3_600_000;

/** A daily stretch of local time when notifications wait, in minutes after local midnight; end is exclusive. */
export interface QuietHours {
  start: number;
  end: number;
}

/** How often a digest goes out. */
export type DigestSchedule = 'hourly' | 'daily';

/** The digest choices, `off` included, as `--digest` and the config accept them. */
export const DIGEST_CHOICES = ['hourly', 'daily', 'off'] as const;
/** A digest schedule, or `off` for a watch that sends at once even to a digest target. */
export type DigestChoice = (typeof DIGEST_CHOICES)[number];

/** A daily digest goes out at this local time: read with the morning coffee, not at midnight. */
export const DAILY_DIGEST_MINUTE = 8 * 60;

const QUIET_HOURS = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/;

/** Parse `23:00-07:00`; the reason it cannot be read otherwise. */
export function parseQuietHours(text: string): { ok: true; value: QuietHours } | { ok: false; reason: string } {
  const match = QUIET_HOURS.exec(text);
  if (match === null) return { ok: false, reason: 'expected HH:MM-HH:MM, e.g. 23:00-07:00' };
  const [startHour, startMinute, endHour, endMinute] = match.slice(1).map(Number) as [number, number, number, number];
  if (startHour > 23 || endHour > 23 || startMinute > 59 || endMinute > 59) {
    return { ok: false, reason: 'hours run 00-23 and minutes 00-59' };
  }
  const start = startHour * 60 + startMinute;
  const end = endHour * 60 + endMinute;
  // Equal ends could mean "never" or "all day"; neither is worth a setting, so neither is guessed.
  if (start === end) return { ok: false, reason: 'start and end are the same time' };
  return { ok: true, value: { start, end } };
}

/** `23:00-07:00` again, for display. */
export function formatQuietHours(quiet: QuietHours): string {
  const clock = (minutes: number): string =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${clock(quiet.start)}-${clock(quiet.end)}`;
}

/** Whether `instant` falls in the quiet hours, read on the wall clock of `timeZone`. */
export function isQuietAt(instant: Date, quiet: QuietHours, timeZone: string): boolean {
  const wall = wallTimeAt(instant, timeZone);
  const minute = wall.hour * 60 + wall.minute;
  return quiet.start < quiet.end
    ? minute >= quiet.start && minute < quiet.end
    : minute >= quiet.start || minute < quiet.end;
}

/** The first instant after `instant` when the wall clock of `timeZone` reads `minuteOfDay`. */
export function nextWallMinute(instant: Date, minuteOfDay: number, timeZone: string): Date {
  const today = wallTimeAt(instant, timeZone);
  const onDay = (dayOffset: number): Date =>
    instantOfWallTime(
      {
        year: today.year,
        month: today.month,
        day: today.day + dayOffset,
        hour: Math.floor(minuteOfDay / 60),
        minute: minuteOfDay % 60,
      },
      timeZone,
    );
  const sameDay = onDay(0);
  // Any time tomorrow lies after any time today, spring-forward and fall-back days included.
  return sameDay.getTime() > instant.getTime() ? sameDay : onDay(1);
}

/** When the next digest of the schedule goes out after `instant`. */
export function nextDigestAt(instant: Date, schedule: DigestSchedule, timeZone: string): Date {
  if (schedule === 'daily') return nextWallMinute(instant, DAILY_DIGEST_MINUTE, timeZone);
  // The next full hour on the zone's clock; offsets change by whole hours, so it stays a full hour across changes.
  const offset = zoneOffsetMs(instant, timeZone);
  return new Date((Math.floor((instant.getTime() + offset) / HOUR_MS) + 1) * HOUR_MS - offset);
}

/** What decides whether a new notification for one target waits. */
export interface HoldPolicy {
  quietHours: QuietHours | null;
  timeZone: string;
  digest: DigestSchedule | null;
}

/**
 * Until when a notification created at `now` waits, or null to send it at once. A digest waits for its next
 * slot; quiet hours push anything that would go out inside them (now, or a digest slot) to their end.
 */
export function holdUntil(now: Date, policy: HoldPolicy): Date | null {
  const slot = policy.digest === null ? null : nextDigestAt(now, policy.digest, policy.timeZone);
  const goesOutAt = slot ?? now;
  if (policy.quietHours !== null && isQuietAt(goesOutAt, policy.quietHours, policy.timeZone)) {
    return nextWallMinute(goesOutAt, policy.quietHours.end, policy.timeZone);
  }
  return slot;
}
