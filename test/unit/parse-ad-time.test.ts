import { describe, expect, it } from 'vitest';
import { budapestDateAt, budapestOffsetMinutes } from '../../src/scrape/listing-budapest-clock.js';
import { parseAdTime } from '../../src/scrape/parse-ad-time.js';

// These tests also run in child processes under other TZ settings (parse-ad-time-zone.test.ts): every answer
// must be the same whatever time zone the machine is in.

describe('parseAdTime', () => {
  const winterAfternoon = new Date('2025-12-19T16:30:00+01:00');

  it.each<[string, string | null]>([
    ['ma 16:20', '2025-12-19T16:20:00+01:00'],
    ['ma 00:00', '2025-12-19T00:00:00+01:00'],
    ['ma 23:59', '2025-12-19T23:59:00+01:00'],
    ['ma 9:05', '2025-12-19T09:05:00+01:00'],
    ['  ma   16:20 ', '2025-12-19T16:20:00+01:00'],
    ['tegnap 09:05', '2025-12-18T09:05:00+01:00'],
    ['tegnap 23:59', '2025-12-18T23:59:00+01:00'],
    ['2025-10-28', '2025-10-28T00:00:00+01:00'],
    ['2025-07-01', '2025-07-01T00:00:00+02:00'],
    ['2024-02-29', '2024-02-29T00:00:00+01:00'],
    ['2025-10-28 14:05', '2025-10-28T14:05:00+01:00'],
    ['Előresorolva', null],
    ['', null],
    ['ma', null],
    ['tegnap', null],
    ['ma 24:00', null],
    ['ma 12:60', null],
    ['ma 12:5', null],
    ['holnap 10:00', null],
    ['3 perce', null],
    ['2025-02-29', null],
    ['2025-13-01', null],
    ['2025-04-31', null],
    ['0000-01-01', null],
    ['19-12-2025', null],
    // Every pattern is anchored at both ends and takes any run of white space between its words.
    ['ma\t16:20', '2025-12-19T16:20:00+01:00'],
    ['tegnap \n 09:05', '2025-12-18T09:05:00+01:00'],
    ['2025-10-28   14:05', '2025-10-28T14:05:00+01:00'],
    ['xma 16:20', null],
    ['ma 16:20x', null],
    ['ma 16:205', null],
    ['mma 16:20', null],
    ['tegnap 09:05 óta', null],
    ['nem tegnap 09:05', null],
    ['x2025-10-28', null],
    ['2025-10-28x', null],
    ['2025-10-28 14:05x', null],
  ])('reads %j on 19 December 2025 as %s', (text, expected) => {
    expect(parseAdTime(text, winterAfternoon)).toBe(expected);
  });

  it('takes "today" from the Budapest calendar just after Budapest midnight, while UTC is still on the day before', () => {
    const justAfterMidnight = new Date('2025-12-19T23:30:00Z'); // 00:30 on 20 December in Budapest
    expect(parseAdTime('ma 00:10', justAfterMidnight)).toBe('2025-12-20T00:10:00+01:00');
    expect(parseAdTime('tegnap 23:50', justAfterMidnight)).toBe('2025-12-19T23:50:00+01:00');

    const summerNight = new Date('2025-07-14T22:30:00Z'); // 00:30 on 15 July in Budapest (+02:00)
    expect(parseAdTime('ma 00:05', summerNight)).toBe('2025-07-15T00:05:00+02:00');
    expect(parseAdTime('tegnap 22:15', summerNight)).toBe('2025-07-14T22:15:00+02:00');
  });

  it('takes "today" from the Budapest calendar just before Budapest midnight', () => {
    const lateEvening = new Date('2025-12-19T22:59:00Z'); // 23:59 on 19 December in Budapest
    expect(parseAdTime('ma 23:58', lateEvening)).toBe('2025-12-19T23:58:00+01:00');
  });

  it('goes back across month and year ends for "tegnap"', () => {
    expect(parseAdTime('tegnap 12:00', new Date('2025-03-01T10:00:00+01:00'))).toBe('2025-02-28T12:00:00+01:00');
    expect(parseAdTime('tegnap 12:00', new Date('2024-03-01T10:00:00+01:00'))).toBe('2024-02-29T12:00:00+01:00');
    expect(parseAdTime('tegnap 08:00', new Date('2025-05-01T09:00:00+02:00'))).toBe('2025-04-30T08:00:00+02:00');
    const newYearsNight = new Date('2025-12-31T23:15:00Z'); // 00:15 on 1 January 2026 in Budapest
    expect(parseAdTime('tegnap 22:00', newYearsNight)).toBe('2025-12-31T22:00:00+01:00');
    expect(parseAdTime('ma 00:01', newYearsNight)).toBe('2026-01-01T00:01:00+01:00');
  });

  it('uses the summer offset from the spring change on (30 March 2025, 02:00 → 03:00)', () => {
    const changeDay = new Date('2025-03-30T12:00:00+02:00');
    expect(parseAdTime('ma 01:30', changeDay)).toBe('2025-03-30T01:30:00+01:00');
    expect(parseAdTime('ma 03:30', changeDay)).toBe('2025-03-30T03:30:00+02:00');
    // 02:30 never happens that night; the winter offset still names a real instant (03:30 summer time).
    expect(parseAdTime('ma 02:30', changeDay)).toBe('2025-03-30T02:30:00+01:00');
    expect(parseAdTime('2025-03-30', changeDay)).toBe('2025-03-30T00:00:00+01:00');
    expect(parseAdTime('tegnap 12:00', new Date('2025-03-31T10:00:00+02:00'))).toBe('2025-03-30T12:00:00+02:00');
    expect(parseAdTime('tegnap 01:00', new Date('2025-03-31T10:00:00+02:00'))).toBe('2025-03-30T01:00:00+01:00');
    expect(parseAdTime('tegnap 12:00', new Date('2025-03-30T10:00:00+02:00'))).toBe('2025-03-29T12:00:00+01:00');
  });

  it('uses the winter offset from the autumn change on (26 October 2025, 03:00 → 02:00)', () => {
    const changeDay = new Date('2025-10-26T12:00:00+01:00');
    expect(parseAdTime('ma 01:30', changeDay)).toBe('2025-10-26T01:30:00+02:00');
    // 02:30 happens twice that night; the earlier one (summer time) is taken.
    expect(parseAdTime('ma 02:30', changeDay)).toBe('2025-10-26T02:30:00+02:00');
    expect(parseAdTime('ma 03:30', changeDay)).toBe('2025-10-26T03:30:00+01:00');
    expect(parseAdTime('2025-10-26', changeDay)).toBe('2025-10-26T00:00:00+02:00');
    expect(parseAdTime('tegnap 20:00', new Date('2025-10-27T08:00:00+01:00'))).toBe('2025-10-26T20:00:00+01:00');
  });

  it('reads "today" just after the spring change while UTC is still on the day before', () => {
    // 23:30 UTC on 29 March is 00:30 on 30 March in Budapest (still winter time).
    expect(parseAdTime('ma 00:20', new Date('2025-03-29T23:30:00Z'))).toBe('2025-03-30T00:20:00+01:00');
  });

  it('names the instant the Budapest wall clock showed', () => {
    const iso = parseAdTime('ma 16:20', winterAfternoon);
    expect(new Date(iso ?? '').toISOString()).toBe('2025-12-19T15:20:00.000Z');
    const summer = parseAdTime('tegnap 00:00', new Date('2025-07-02T12:00:00+02:00'));
    expect(new Date(summer ?? '').toISOString()).toBe('2025-06-30T22:00:00.000Z');
  });

  it('gives null for relative times when the capture time is not a valid date, but still reads dates', () => {
    const invalid = new Date(Number.NaN);
    expect(parseAdTime('ma 10:00', invalid)).toBeNull();
    expect(parseAdTime('tegnap 10:00', invalid)).toBeNull();
    expect(parseAdTime('2025-10-28', invalid)).toBe('2025-10-28T00:00:00+01:00');
  });
});

describe('Budapest clock', () => {
  it.each<[string, number]>([
    ['2025-01-15T12:00:00Z', 60],
    ['2025-07-15T12:00:00Z', 120],
    ['2025-03-30T00:59:59Z', 60],
    ['2025-03-30T01:00:00Z', 120],
    ['2025-10-26T00:59:59Z', 120],
    ['2025-10-26T01:00:00Z', 60],
  ])('is %s ahead of UTC by %i minutes', (instant, minutes) => {
    expect(budapestOffsetMinutes(Date.parse(instant))).toBe(minutes);
  });

  it('gives the Budapest date of an instant', () => {
    expect(budapestDateAt(Date.parse('2025-12-19T23:30:00Z'))).toEqual({ year: 2025, month: 12, day: 20 });
    expect(budapestDateAt(Date.parse('2025-12-19T22:59:59Z'))).toEqual({ year: 2025, month: 12, day: 19 });
    expect(budapestDateAt(Number.NaN)).toBeNull();
  });
});

describe.runIf(process.env.PYHABOT_TZ_CHILD === '1')('under the time zone the parent process chose', () => {
  it('really runs in that time zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
  });
});
