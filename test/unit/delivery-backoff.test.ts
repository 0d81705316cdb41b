import { describe, expect, it } from 'vitest';
import { nextAttemptDelayMs } from '../../src/domain/delivery-backoff.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('nextAttemptDelayMs', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [5, 16_000],
    [8, 128_000],
  ])('after attempt %i waits %i ms on a 1 s base', (attempts, expected) => {
    expect(nextAttemptDelayMs(attempts, 1_000)).toBe(expected);
  });

  it('doubles from the base of the configured backoff, whatever the base', () => {
    expect([1, 2, 3].map((attempt) => nextAttemptDelayMs(attempt, 60_000))).toEqual([60_000, 120_000, 240_000]);
  });

  it('treats a row never tried as its first attempt', () => {
    expect(nextAttemptDelayMs(0, 5_000)).toBe(5_000);
  });

  it('never waits more than a day between attempts', () => {
    // A 1 min base reaches 17 h 4 min at the 11th attempt; the 12th would be 34 h.
    expect(nextAttemptDelayMs(11, 60_000)).toBe(61_440_000);
    expect(nextAttemptDelayMs(12, 60_000)).toBe(DAY);
    expect(nextAttemptDelayMs(400, 60_000)).toBe(DAY);
    expect(nextAttemptDelayMs(1, 2 * DAY)).toBe(DAY);
  });

  it('waits as long as the target asked when that is longer than the backoff', () => {
    expect(nextAttemptDelayMs(1, 1_000, 30_000)).toBe(30_000);
    expect(nextAttemptDelayMs(20, 60_000, 2 * DAY)).toBe(2 * DAY);
  });

  it('keeps the backoff when the target asked for less', () => {
    expect(nextAttemptDelayMs(3, 1_000, 500)).toBe(4_000);
    expect(nextAttemptDelayMs(1, 1_000, 0)).toBe(1_000);
  });
});
