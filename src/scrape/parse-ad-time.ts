import { addDays, budapestDateAt, budapestWallTimeToIso, isRealDate } from './listing-budapest-clock.js';

const TODAY = /^ma\s+(\d{1,2}):(\d{2})$/i;
const YESTERDAY = /^tegnap\s+(\d{1,2}):(\d{2})$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:\s+(\d{1,2}):(\d{2}))?$/;

/**
 * Read a card's time text ("ma 16:20", "tegnap 09:05", "2025-10-28") as an ISO 8601 instant with the Budapest
 * offset, taking "today" from `capturedAt` on the Budapest calendar. Null for pinned cards and anything unreadable.
 */
export function parseAdTime(timeText: string, capturedAt: Date): string | null {
  const text = timeText.trim();

  const date = DATE.exec(text);
  if (date !== null) {
    const day = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) };
    const hour = date[4] === undefined ? 0 : Number(date[4]);
    const minute = date[5] === undefined ? 0 : Number(date[5]);
    return isRealDate(day) && isClockTime(hour, minute) ? budapestWallTimeToIso(day, hour, minute) : null;
  }

  const today = TODAY.exec(text);
  const clock = today ?? YESTERDAY.exec(text);
  if (clock === null) return null;
  const hour = Number(clock[1]);
  const minute = Number(clock[2]);
  if (!isClockTime(hour, minute)) return null;

  const capturedDay = capturedAt instanceof Date ? budapestDateAt(capturedAt.getTime()) : null;
  if (capturedDay === null) return null;
  const day = today !== null ? capturedDay : addDays(capturedDay, -1);
  return budapestWallTimeToIso(day, hour, minute);
}

function isClockTime(hour: number, minute: number): boolean {
  return hour <= 23 && minute <= 59;
}
