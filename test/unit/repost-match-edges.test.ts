import { describe, expect, it } from 'vitest';
import {
  findRepostOf,
  matchRepost,
  prepareCandidates,
  type RepostCandidate,
  sellerKey,
  titleSimilarity,
  titleWords,
  wholeDaysBetween,
} from '../../src/domain/repost-match.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const daysBefore = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const candidate = (id: number, firstSeenAt: string, title = 'RTX 3080 10GB'): RepostCandidate => ({
  id,
  title,
  sellerName: 'gabor88',
  firstSeenAt,
});
const probe = { id: 900, title: 'RTX 3080 10GB', sellerName: 'gabor88' };

describe('titleWords: edge cases', () => {
  it('reads a title of punctuation alone as no words', () => {
    expect(titleWords('!!! ---')).toEqual([]);
    expect(titleWords('')).toEqual([]);
  });
});

describe('titleSimilarity: edge cases', () => {
  it('is 0 for two titles without any word, which name nothing', () => {
    expect(titleSimilarity('!!!', '---')).toBe(0);
  });

  it('is the share of shared words among all words', () => {
    // {rtx, 3080, gaming, oc} against {rtx, 3080, eagle}: 2 shared of 5.
    expect(titleSimilarity('RTX 3080 Gaming OC', 'RTX 3080 Eagle')).toBeCloseTo(2 / 5);
    expect(titleSimilarity('RTX 3080 Eagle', 'RTX 3080 Gaming OC')).toBeCloseTo(2 / 5);
  });

  it('is 0 when one title has a number the other lacks, or as many numbers but other ones', () => {
    expect(titleSimilarity('RTX 3080', 'RTX 3080 10GB')).toBe(0);
    expect(titleSimilarity('RTX 3080 10GB', 'RTX 3080')).toBe(0);
    expect(titleSimilarity('RTX 3080 10GB', 'RTX 3080 12GB')).toBe(0);
  });

  it('reads leading zeros away, but keeps a zero itself', () => {
    expect(titleSimilarity('Kábel 0 m', 'Kábel 00 m')).toBeGreaterThan(0);
    expect(titleSimilarity('Kábel 0 m', 'Kábel m')).toBe(0);
    expect(titleSimilarity('Port 007', 'Port 7')).toBeGreaterThan(0);
    expect(titleSimilarity('Port 70', 'Port 7')).toBe(0);
    expect(titleSimilarity('Port 102', 'Port 12')).toBe(0);
  });

  it('compares the numbers as a set: their order does not matter, how they split does', () => {
    expect(titleSimilarity('Kit 3 10', 'Kit 10 3')).toBe(1);
    expect(titleSimilarity('Kit 1 23', 'Kit 12 3')).toBe(0);
  });
});

describe('sellerKey', () => {
  it('lower-cases A to Z only, as SQLite does, and keeps the rest of the name', () => {
    expect(sellerKey('GÁBOR_88')).toBe('gÁbor_88');
    expect(sellerKey(' Gabor ')).toBe(' gabor ');
  });

  it('is empty for a name that is empty or blank', () => {
    expect(sellerKey('')).toBe('');
    expect(sellerKey('   ')).toBe('');
  });
});

describe('findRepostOf: edge cases', () => {
  it('skips an earlier ad whose first sighting cannot be read, or lies in the future', () => {
    expect(findRepostOf(probe, [candidate(100, 'yesterday')], NOW, 60)).toBeNull();
    expect(findRepostOf(probe, [candidate(100, daysBefore(-1))], NOW, 60)).toBeNull();
    expect(findRepostOf(probe, [candidate(100, NOW.toISOString())], NOW, 60)?.id).toBe(100);
  });

  it('breaks a tie of first sightings by the higher id, whatever the order', () => {
    const seen = daysBefore(30);
    expect(findRepostOf(probe, [candidate(100, seen), candidate(200, seen)], NOW, 60)?.id).toBe(200);
    expect(findRepostOf(probe, [candidate(200, seen), candidate(100, seen)], NOW, 60)?.id).toBe(200);
  });

  it('takes the most recent listing whatever the order of the candidates', () => {
    const older = candidate(300, daysBefore(40));
    const newer = candidate(100, daysBefore(10));
    expect(findRepostOf(probe, [older, newer], NOW, 60)?.id).toBe(100);
    expect(findRepostOf(probe, [newer, older], NOW, 60)?.id).toBe(100);
  });

  it('skips earlier ads of other sellers among those of the same seller', () => {
    const other = { ...candidate(500, daysBefore(1)), sellerName: 'someone' };
    expect(findRepostOf(probe, [candidate(100, daysBefore(20)), other], NOW, 60)?.id).toBe(100);
  });

  it('finds nothing among no earlier ads', () => {
    expect(findRepostOf(probe, [], NOW, 60)).toBeNull();
  });
});

describe('wholeDaysBetween: edge cases', () => {
  it('is 0 for a date that cannot be read or lies in the future', () => {
    expect(wholeDaysBetween('soon', NOW)).toBe(0);
    expect(wholeDaysBetween(daysBefore(-3), NOW)).toBe(0);
  });

  it('counts exactly whole days', () => {
    expect(wholeDaysBetween(daysBefore(2), NOW)).toBe(2);
  });
});

describe('prepareCandidates and matchRepost: a card without a seller name', () => {
  const blank = { ...candidate(100, daysBefore(5)), sellerName: ' ' };

  it('prepares no earlier ads for a blank seller, even earlier ads without a name', () => {
    expect(prepareCandidates(' ', [blank]).byNumbers.size).toBe(0);
    expect(prepareCandidates('gabor88', [blank, candidate(101, daysBefore(5))]).byNumbers.size).toBe(1);
  });

  it('matches nothing for a blank seller, whatever it is given', () => {
    const handMade = prepareCandidates('gabor88', [candidate(101, daysBefore(5))]);
    expect(matchRepost({ ...probe, sellerName: '' }, { ...handMade, sellerKey: '' }, NOW, 60)).toBeNull();
    expect(matchRepost(probe, handMade, NOW, 60)?.id).toBe(101);
  });
});
