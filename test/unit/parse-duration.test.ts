import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/cli/arg-parsers.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['20m', 1_200_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1d12h', 129_600_000],
    ['1h0m30s', 3_630_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['2m500ms', 120_500],
    [' 20M ', 1_200_000],
  ])('reads %j as %i ms', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it('refuses a bare number, with the units to choose from', () => {
    expect(() => parseDuration('90')).toThrow(InvalidArgumentError);
    expect(() => parseDuration('90')).toThrow(
      '"90" has no unit; write it with one, e.g. 90s for seconds or 90m for minutes.',
    );
    expect(() => parseDuration('1.5')).toThrow(/has no unit/);
  });

  it.each(['', 'm', '20 m', '1h 30m', '30m1h', '1h1h', '-5m', '5x', '20min', 'h1', '1e3s', '0s', '0h0m'])(
    'refuses %j',
    (text) => {
      expect(() => parseDuration(text)).toThrow(InvalidArgumentError);
    },
  );
});
