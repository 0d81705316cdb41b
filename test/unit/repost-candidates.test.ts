import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findRepostOf,
  matchRepost,
  prepareCandidates,
  REPOST_TITLE_SIMILARITY,
  type RepostCandidate,
  titleSimilarity,
} from '../../src/domain/repost-match.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const daysBefore = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

/** The matcher's rule written the slow, obvious way: every candidate compared with every title in full. */
function bruteForce(probe: { id: number; title: string; sellerName: string }, candidates: RepostCandidate[]) {
  const oldest = NOW.getTime() - 60 * 86_400_000;
  const matches = candidates.filter((candidate) => {
    const firstSeen = Date.parse(candidate.firstSeenAt);
    return (
      candidate.id !== probe.id &&
      candidate.sellerName.toLowerCase() === probe.sellerName.toLowerCase() &&
      firstSeen >= oldest &&
      firstSeen <= NOW.getTime() &&
      titleSimilarity(probe.title, candidate.title) >= REPOST_TITLE_SIMILARITY
    );
  });
  matches.sort((a, b) => (a.firstSeenAt === b.firstSeenAt ? b.id - a.id : b.firstSeenAt.localeCompare(a.firstSeenAt)));
  return matches[0] ?? null;
}

// Few words and numbers, so that titles often share numbers and words, and some match.
const word = fc.constantFrom('rtx', 'gtx', 'eladó', 'új', 'ti', 'gb', '3080', '3070', '10', '8', '08', 'hibás');
const title = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
const candidate = fc.record({
  id: fc.integer({ min: 1, max: 40 }),
  title,
  sellerName: fc.constantFrom('gabor88', 'GABOR88', 'anna'),
  firstSeenAt: fc.integer({ min: -2, max: 70 }).map(daysBefore),
});

describe('prepared candidates', () => {
  it('find exactly the re-post that comparing every title in full finds', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), title, (candidates, probeTitle) => {
        const probe = { id: 900, title: probeTitle, sellerName: 'gabor88' };
        const prepared = prepareCandidates('gabor88', candidates);
        expect(matchRepost(probe, prepared, NOW, 60)).toBe(bruteForce(probe, candidates));
        expect(findRepostOf(probe, candidates, NOW, 60)).toBe(bruteForce(probe, candidates));
      }),
      { numRuns: 300 },
    );
  });

  it('serve one seller only: an ad of another seller matches nothing among them', () => {
    const candidates = [{ id: 1, title: 'RTX 3080 10GB', sellerName: 'gabor88', firstSeenAt: daysBefore(5) }];
    const prepared = prepareCandidates('gabor88', candidates);
    expect(matchRepost({ id: 2, title: 'RTX 3080 10GB', sellerName: 'Gabor88' }, prepared, NOW, 60)?.id).toBe(1);
    expect(matchRepost({ id: 2, title: 'RTX 3080 10GB', sellerName: 'anna' }, prepared, NOW, 60)).toBeNull();
  });

  it('leave out candidates whose first sighting cannot be read, and a seller without a name matches nothing', () => {
    const candidates = [{ id: 1, title: 'RTX 3080 10GB', sellerName: 'gabor88', firstSeenAt: 'yesterday' }];
    expect(
      matchRepost(
        { id: 2, title: 'RTX 3080 10GB', sellerName: 'gabor88' },
        prepareCandidates('gabor88', candidates),
        NOW,
        60,
      ),
    ).toBeNull();
    const unnamed = [{ id: 1, title: 'RTX 3080 10GB', sellerName: '', firstSeenAt: daysBefore(1) }];
    expect(
      matchRepost({ id: 2, title: 'RTX 3080 10GB', sellerName: ' ' }, prepareCandidates(' ', unnamed), NOW, 60),
    ).toBeNull();
  });
});
