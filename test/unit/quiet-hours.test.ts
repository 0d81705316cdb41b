import { describe, expect, it } from 'vitest';
import {
  formatQuietHours,
  holdUntil,
  isQuietAt,
  nextDigestAt,
  nextWallMinute,
  parseQuietHours,
  type QuietHours,
} from '../../src/domain/quiet-hours.js';
import { instantOfWallTime, isKnownTimeZone } from '../../src/domain/zoned-time.js';

const BUDAPEST = 'Europe/Budapest';
const at = (iso: string): Date => new Date(iso);
const quiet = (text: string): QuietHours => {
  const parsed = parseQuietHours(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

describe('parseQuietHours', () => {
  it.each([
    ['23:00-07:00', { start: 1380, end: 420 }],
    ['07:30-09:15', { start: 450, end: 555 }],
    [' 0:00 - 6:00 ', { start: 0, end: 360 }],
    ['22:00-00:00', { start: 1320, end: 0 }],
    ['23:59-07:59', { start: 1439, end: 479 }],
  ])('reads %j', (text, expected) => {
    expect(parseQuietHours(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['23:00-23:00', 'start and end are the same time'],
    ['00:00-0:00', 'start and end are the same time'],
    ['24:00-07:00', 'hours run 00-23 and minutes 00-59'],
    ['23:60-07:00', 'hours run 00-23 and minutes 00-59'],
    ['22:00-24:00', 'hours run 00-23 and minutes 00-59'],
    ['22:00-07:60', 'hours run 00-23 and minutes 00-59'],
    ['from 23:00-07:00', 'expected HH:MM-HH:MM, e.g. 23:00-07:00'],
    ['23:00-07:00 daily', 'expected HH:MM-HH:MM, e.g. 23:00-07:00'],
    ['23-07', 'expected HH:MM-HH:MM, e.g. 23:00-07:00'],
    ['', 'expected HH:MM-HH:MM, e.g. 23:00-07:00'],
    ['23:00–07:00', 'expected HH:MM-HH:MM, e.g. 23:00-07:00'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseQuietHours(text)).toEqual({ ok: false, reason });
  });

  it('writes a range back the way it is read', () => {
    expect(formatQuietHours(quiet('7:05-23:00'))).toBe('07:05-23:00');
  });
});

describe('isQuietAt', () => {
  it.each([
    // Over midnight, Budapest in winter is UTC+1.
    ['23:00-07:00', '2026-01-15T21:59:00Z', false],
    ['23:00-07:00', '2026-01-15T22:00:00Z', true],
    ['23:00-07:00', '2026-01-15T02:00:00Z', true],
    ['23:00-07:00', '2026-01-15T05:59:00Z', true],
    ['23:00-07:00', '2026-01-15T06:00:00Z', false],
    // Summer is UTC+2: the same wall times are an hour earlier in UTC.
    ['23:00-07:00', '2026-07-15T21:00:00Z', true],
    ['23:00-07:00', '2026-07-15T05:00:00Z', false],
    // Within one day.
    ['12:00-13:30', '2026-01-15T11:00:00Z', true],
    ['12:00-13:30', '2026-01-15T12:30:00Z', false],
    ['12:00-13:30', '2026-01-15T10:59:00Z', false],
  ])('%s at %s: %s', (range, iso, expected) => {
    expect(isQuietAt(at(iso), quiet(range), BUDAPEST)).toBe(expected);
  });

  it('reads the wall clock of the configured zone', () => {
    expect(isQuietAt(at('2026-01-15T02:00:00Z'), quiet('23:00-07:00'), 'America/New_York')).toBe(false);
    expect(isQuietAt(at('2026-01-15T05:00:00Z'), quiet('23:00-07:00'), 'America/New_York')).toBe(true);
    expect(isQuietAt(at('2026-01-15T18:00:00Z'), quiet('23:00-07:00'), 'Asia/Kolkata')).toBe(true);
  });
});

describe('instantOfWallTime on changeover days', () => {
  it('takes a time skipped in spring as the same distance after the change', () => {
    // 2026-03-29 02:00 CET jumps to 03:00 CEST in Budapest.
    expect(instantOfWallTime({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, BUDAPEST)).toEqual(
      at('2026-03-29T01:30:00Z'),
    );
    expect(instantOfWallTime({ year: 2026, month: 3, day: 29, hour: 3, minute: 0 }, BUDAPEST)).toEqual(
      at('2026-03-29T01:00:00Z'),
    );
  });

  it('takes a time repeated in autumn as its first occurrence', () => {
    // 2026-10-25 03:00 CEST falls back to 02:00 CET.
    expect(instantOfWallTime({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, BUDAPEST)).toEqual(
      at('2026-10-25T00:30:00Z'),
    );
  });

  it('rolls overflowing fields over', () => {
    expect(instantOfWallTime({ year: 2026, month: 12, day: 32, hour: 7, minute: 0 }, BUDAPEST)).toEqual(
      at('2027-01-01T06:00:00Z'),
    );
  });
});

describe('nextWallMinute', () => {
  it.each([
    ['later the same day', '2026-01-15T03:00:00Z', 420, '2026-01-15T06:00:00Z'],
    ['the next day once passed', '2026-01-15T06:00:00Z', 420, '2026-01-16T06:00:00Z'],
    ['across spring forward, a day of 23 hours', '2026-03-28T23:00:00Z', 420, '2026-03-29T05:00:00Z'],
    ['across fall back, a day of 25 hours', '2026-10-24T23:00:00Z', 420, '2026-10-25T06:00:00Z'],
    ['inside the spring gap', '2026-03-29T00:30:00Z', 150, '2026-03-29T01:30:00Z'],
  ])('%s', (_name, now, minute, expected) => {
    expect(nextWallMinute(at(now), minute, BUDAPEST)).toEqual(at(expected));
  });
});

describe('nextDigestAt', () => {
  it.each([
    ['hourly, mid-hour', '2026-01-15T10:15:00Z', 'hourly', '2026-01-15T11:00:00Z'],
    ['hourly, on the hour', '2026-01-15T10:00:00Z', 'hourly', '2026-01-15T11:00:00Z'],
    ['hourly, spring forward (01:30 CET → 03:00 CEST)', '2026-03-29T00:30:00Z', 'hourly', '2026-03-29T01:00:00Z'],
    ['hourly, fall back (02:15 CEST → 02:00 CET)', '2026-10-25T00:15:00Z', 'hourly', '2026-10-25T01:00:00Z'],
    ['daily, before 08:00', '2026-01-15T05:00:00Z', 'daily', '2026-01-15T07:00:00Z'],
    ['daily, after 08:00', '2026-01-15T09:00:00Z', 'daily', '2026-01-16T07:00:00Z'],
    ['daily, in summer', '2026-07-15T09:00:00Z', 'daily', '2026-07-16T06:00:00Z'],
  ] as const)('%s', (_name, now, schedule, expected) => {
    expect(nextDigestAt(at(now), schedule, BUDAPEST)).toEqual(at(expected));
  });

  it('follows a zone with a half-hour offset', () => {
    expect(nextDigestAt(at('2026-01-15T10:15:00Z'), 'hourly', 'Asia/Kolkata')).toEqual(at('2026-01-15T10:30:00Z'));
  });
});

describe('holdUntil', () => {
  const night = quiet('23:00-07:00');
  it.each([
    ['outside quiet hours, no digest: at once', '2026-01-15T12:00:00Z', night, null, null],
    ['inside quiet hours: until they end', '2026-01-15T23:30:00Z', night, null, '2026-01-16T06:00:00Z'],
    [
      'after midnight inside quiet hours: until they end the same morning',
      '2026-01-16T01:00:00Z',
      night,
      null,
      '2026-01-16T06:00:00Z',
    ],
    ['hourly digest by day: the next full hour', '2026-01-15T12:20:00Z', night, 'hourly', '2026-01-15T13:00:00Z'],
    [
      'hourly digest whose slot is quiet: until quiet hours end',
      '2026-01-15T21:20:00Z',
      night,
      'hourly',
      '2026-01-16T06:00:00Z',
    ],
    ['daily digest: the next 08:00', '2026-01-15T12:00:00Z', null, 'daily', '2026-01-16T07:00:00Z'],
    ['quiet hours ending on the spring-forward night', '2026-03-28T23:00:00Z', night, null, '2026-03-29T05:00:00Z'],
    ['quiet hours ending on the fall-back night', '2026-10-24T23:00:00Z', night, null, '2026-10-25T06:00:00Z'],
  ] as const)('%s', (_name, now, quietHours, digest, expected) => {
    const held = holdUntil(at(now), { quietHours, timeZone: BUDAPEST, digest });
    expect(held?.toISOString() ?? null).toBe(expected === null ? null : at(expected).toISOString());
  });

  it('reads quiet hours in the configured zone', () => {
    const held = holdUntil(at('2026-01-15T23:30:00Z'), { quietHours: night, timeZone: 'UTC', digest: null });
    expect(held).toEqual(at('2026-01-16T07:00:00Z'));
  });
});

describe('isKnownTimeZone', () => {
  it.each([
    ['Europe/Budapest', true],
    ['UTC', true],
    ['Europe/Buda', false],
    ['not a zone', false],
  ])('%s: %s', (zone, expected) => {
    expect(isKnownTimeZone(zone)).toBe(expected);
  });
});
