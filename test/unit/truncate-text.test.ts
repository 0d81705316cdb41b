import { describe, expect, it } from 'vitest';
import { ELLIPSIS, truncateText } from '../../src/domain/truncate-text.js';

describe('truncateText', () => {
  it('keeps text of exactly the limit whole', () => {
    expect(truncateText('abcde', 5)).toBe('abcde');
    expect(truncateText('', 0)).toBe('');
  });

  it('cuts text one character over the limit to the limit, the ellipsis included', () => {
    expect(ELLIPSIS).toBe('…');
    expect(truncateText('abcdef', 5)).toBe('abcd…');
    expect(truncateText('abcdef', 1)).toBe('…');
  });

  it('gives nothing for a limit of zero or less', () => {
    expect(truncateText('abc', 0)).toBe('');
    expect(truncateText('abc', -3)).toBe('');
  });

  it('drops the blanks left in front of the ellipsis', () => {
    expect(truncateText('ab   cdef', 5)).toBe('ab…');
  });

  it('never leaves half of a character made of two code units', () => {
    // "😀" is a high and a low surrogate: a cut between them moves back before the pair.
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
    expect(truncateText('ab😀cd', 5)).toBe('ab😀…');
    // The first and the last high surrogate, U+10000 and U+10FFFF.
    expect(truncateText('ab\u{10000}cd', 4)).toBe('ab…');
    expect(truncateText('ab\u{10ffff}cd', 4)).toBe('ab…');
    // A low surrogate alone (malformed text) is no reason to cut further.
    expect(truncateText('ab\udc00cd', 4)).toBe('ab\udc00…');
    // The code units just outside the high-surrogate range are whole characters.
    expect(truncateText('ab\ud7ffcd', 4)).toBe('ab\ud7ff…');
    expect(truncateText('ab\udc00\udc00cd', 4)).toBe('ab\udc00…');
  });
});
