import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/domain/retry-after.js';

const now = Date.parse('2026-01-31T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['0', 0],
    ['7', 7000],
    [' 7 ', 7000],
    ['1.5', 1500],
    ['0.0001', 1],
    ['Sat, 31 Jan 2026 12:01:00 GMT', 60_000],
    ['Saturday, 31-Jan-26 12:01:00 GMT', 60_000],
    ['Sat, 31 Jan 2026 11:00:00 GMT', 0],
    ['-3', undefined],
    ['1e3', undefined],
    ['not a date', undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it('reads an absurdly long delay as a finite, very long wait rather than as unreadable', () => {
    expect(parseRetryAfter('86400', now)).toBe(86_400_000);
    expect(parseRetryAfter('99999999999999', now)).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
