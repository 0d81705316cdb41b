import { describe, expect, it } from 'vitest';
import {
  findRepostOf,
  REPOST_TITLE_SIMILARITY,
  type RepostCandidate,
  titleSimilarity,
  titleWords,
  wholeDaysBetween,
} from '../../src/domain/repost-match.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const daysBefore = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

function earlier(id: number, title: string, sellerName: string, daysAgo: number): RepostCandidate {
  return { id, title, sellerName, firstSeenAt: daysBefore(daysAgo) };
}

const probe = (title: string, sellerName = 'gabor88') => ({ id: 900, title, sellerName });

describe('titleWords', () => {
  it('folds accents and case, drops punctuation and splits numbers from letters', () => {
    expect(titleWords('ELADÓ: RTX3080 10GB, újszerű!')).toEqual(['elado', 'rtx', '3080', '10', 'gb', 'ujszeru']);
    expect(titleWords('RTX 3080 10 GB')).toEqual(titleWords('rtx-3080 10gb'));
  });
});

describe('titleSimilarity', () => {
  it('is 1 for titles equal up to accents, case, spacing and punctuation', () => {
    expect(titleSimilarity('Eladó  RTX 3080 10GB!!', 'elado rtx 3080 10 gb')).toBe(1);
  });

  it('is 0 when a number differs, however many words agree', () => {
    expect(titleSimilarity('Gigabyte RTX 3080 10GB Gaming OC', 'Gigabyte RTX 3070 8GB Gaming OC')).toBe(0);
    expect(titleSimilarity('i7-8700 alaplap kit', 'i7-9700 alaplap kit')).toBe(0);
  });

  it('reads 08 and 8 as the same number', () => {
    expect(titleSimilarity('iPhone 08 64GB', 'iPhone 8 64GB')).toBeGreaterThan(0);
  });
});

describe('findRepostOf', () => {
  it('finds the same seller re-posting the same title after the ad expired', () => {
    const candidates = [earlier(100, 'RTX 3080 10GB', 'gabor88', 34)];
    expect(findRepostOf(probe('RTX 3080 10GB'), candidates, NOW, 60)?.id).toBe(100);
  });

  it('compares the seller case-insensitively', () => {
    const candidates = [earlier(100, 'RTX 3080 10GB', 'Gabor88', 34)];
    expect(findRepostOf(probe('rtx 3080 10gb', 'GABOR88'), candidates, NOW, 60)?.id).toBe(100);
  });

  it('accepts one added word in five (the threshold, exactly) and refuses one in four', () => {
    const candidates = [earlier(100, 'RTX 3080 10GB', 'gabor88', 10)];
    // {elado, rtx, 3080, 10, gb} against {rtx, 3080, 10, gb}: 4/5 = 0.8.
    expect(titleSimilarity('Eladó RTX 3080 10GB', 'RTX 3080 10GB')).toBe(REPOST_TITLE_SIMILARITY);
    expect(findRepostOf(probe('Eladó RTX 3080 10GB'), candidates, NOW, 60)?.id).toBe(100);
    // {elado, sürgős, rtx, 3080, 10, gb} against the four: 4/6.
    expect(findRepostOf(probe('Eladó sürgősen RTX 3080 10GB'), candidates, NOW, 60)).toBeNull();
  });

  it('keeps a different item by the same seller new', () => {
    const candidates = [earlier(100, 'RTX 3080 10GB', 'gabor88', 5)];
    expect(findRepostOf(probe('RTX 3070 8GB'), candidates, NOW, 60)).toBeNull();
    expect(findRepostOf(probe('RTX 3080 Ti'), [earlier(101, 'RTX 3080', 'gabor88', 5)], NOW, 60)).toBeNull();
  });

  it('keeps the same title by another seller new', () => {
    const candidates = [earlier(100, 'RTX 3080 10GB', 'someone_else', 5)];
    expect(findRepostOf(probe('RTX 3080 10GB'), candidates, NOW, 60)).toBeNull();
  });

  it('never matches an ad whose card names no seller', () => {
    const candidates = [earlier(100, 'RTX 3080 10GB', '', 5)];
    expect(findRepostOf(probe('RTX 3080 10GB', ' '), candidates, NOW, 60)).toBeNull();
  });

  it('looks back exactly the window, no further', () => {
    expect(findRepostOf(probe('RTX 3080 10GB'), [earlier(100, 'RTX 3080 10GB', 'gabor88', 60)], NOW, 60)?.id).toBe(100);
    expect(findRepostOf(probe('RTX 3080 10GB'), [earlier(100, 'RTX 3080 10GB', 'gabor88', 61)], NOW, 60)).toBeNull();
    expect(findRepostOf(probe('RTX 3080 10GB'), [earlier(100, 'RTX 3080 10GB', 'gabor88', 61)], NOW, 90)?.id).toBe(100);
  });

  it('never matches the ad itself', () => {
    const self = { ...earlier(900, 'RTX 3080 10GB', 'gabor88', 1) };
    expect(findRepostOf(probe('RTX 3080 10GB'), [self], NOW, 60)).toBeNull();
  });

  it('takes the most recent earlier listing of a seller who re-posted several times', () => {
    const candidates = [
      earlier(100, 'RTX 3080 10GB', 'gabor88', 58),
      earlier(200, 'RTX 3080 10GB', 'gabor88', 29),
      earlier(150, 'RTX 3070 8GB', 'gabor88', 2),
    ];
    expect(findRepostOf(probe('RTX 3080 10GB'), candidates, NOW, 60)?.id).toBe(200);
  });
});

describe('wholeDaysBetween', () => {
  it('rounds down to whole days', () => {
    expect(wholeDaysBetween(daysBefore(34.9), NOW)).toBe(34);
    expect(wholeDaysBetween(daysBefore(0.2), NOW)).toBe(0);
  });
});
