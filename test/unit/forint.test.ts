import { describe, expect, it } from 'vitest';
import { formatForint } from '../../src/domain/forint.js';

describe('formatForint', () => {
  it.each([
    [0, '0 Ft'],
    [200, '200 Ft'],
    [1290, '1 290 Ft'],
    [84990, '84 990 Ft'],
    [1650000, '1 650 000 Ft'],
    [-10000, '10 000 Ft'],
    [999.6, '1 000 Ft'],
  ])('writes %d as %s', (amount, text) => {
    expect(formatForint(amount)).toBe(text);
  });

  it('uses the given space', () => {
    expect(formatForint(84990, '\u00a0')).toBe('84\u00a0990\u00a0Ft');
  });
});
