/**
 * Recognising a re-post: HardverApró ads expire after about a month and sellers post the same item again under a
 * new id. A new ad repeats an earlier one of the same watch when the seller is the same, the titles carry the same
 * words up to trivial edits, the model numbers are exactly the same, and the earlier ad was first seen within the
 * window.
 */
import { foldText } from './fold-text.js';

/**
 * Least Jaccard overlap of two titles' word sets for them to name the same item. At 0.8 a title may gain or lose
 * one word in five ("Eladó RTX 3080 10GB" against "RTX 3080 10GB"), but a two-word title may not gain a third
 * ("RTX 3080" against "RTX 3080 Ti" is 2/3).
 */
export const REPOST_TITLE_SIMILARITY = 0.8;

/** Default look-back for the earlier ad, in days. */
export const DEFAULT_REPOST_WINDOW_DAYS = 60;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The words of a title as compared: accent-folded, lower-case, punctuation dropped, and letters split from
 * digits, so "10GB", "10 GB" and "10-GB" read alike.
 */
export function titleWords(title: string): string[] {
  // One pass: a run of letters or a run of digits is a word; this is most of the cost of a match.
  return foldText(title).match(LETTERS_OR_DIGITS) ?? [];
}

const LETTERS_OR_DIGITS = /\p{L}+|\p{N}+/gu;

/**
 * How alike two titles are, 0–1: the Jaccard overlap of their word sets, or 0 when their numbers differ at all.
 * Numbers name the item (RTX 3080 against 3070, 10 GB against 8 GB, i7-8700 against i7-9700), so one different
 * number makes a different item however many words agree.
 */
export function titleSimilarity(a: string, b: string): number {
  return wordSetSimilarity(new Set(titleWords(a)), new Set(titleWords(b)));
}

function wordSetSimilarity(wordsA: ReadonlySet<string>, wordsB: ReadonlySet<string>): number {
  return numbersKey(wordsA) === numbersKey(wordsB) ? jaccard(wordsA, wordsB) : 0;
}

function jaccard(wordsA: ReadonlySet<string>, wordsB: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared += 1;
  const union = wordsA.size + wordsB.size - shared;
  // Two titles without any word name nothing, so they do not name the same thing.
  return union === 0 ? 0 : shared / union;
}

/**
 * The key a seller is looked up by: the name the site shows with A–Z lower-cased, exactly as SQLite's lower() does,
 * so the seller index and the matcher always agree. An account's name is shown the same way on every card; the
 * case folding only absorbs a site that changes how it writes names. Empty when the card shows no name.
 */
export function sellerKey(name: string): string {
  return name.trim() === '' ? '' : name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** An ad the watch recorded earlier, as the matcher sees it. */
export interface RepostCandidate {
  id: number;
  title: string;
  /** The name the site showed, or its `sellerKey`. */
  sellerName: string;
  /** ISO 8601. */
  firstSeenAt: string;
}

/** The ad being checked: a new one, by id, title and seller name. */
export interface RepostProbe {
  id: number;
  title: string;
  sellerName: string;
}

/**
 * The earlier ad that `ad` re-posts, or null when it is a new item. Among several matches the most recently
 * first-seen one is taken (the listing the seller just let expire); ties go to the higher id.
 */
export function findRepostOf<Candidate extends RepostCandidate>(
  ad: RepostProbe,
  candidates: readonly Candidate[],
  now: Date,
  windowDays: number,
): Candidate | null {
  return matchRepost(ad, prepareCandidates(ad.sellerName, candidates), now, windowDays);
}

/** One seller's earlier ads with their titles read once, grouped by the numbers in the title. */
export interface SellerCandidates<Candidate extends RepostCandidate> {
  sellerKey: string;
  /** Only titles with the same numbers can name the same item, so a new ad is compared with one group only. */
  byNumbers: Map<string, Array<{ candidate: Candidate; words: ReadonlySet<string>; firstSeen: number }>>;
}

/**
 * Read the titles of one seller's earlier ads once, for matching every new ad of that seller in a check: a
 * dealer's hundred new ads against its thousand earlier ones read each title once, not a hundred times.
 * Candidates of other sellers and with unreadable dates are left out.
 */
export function prepareCandidates<Candidate extends RepostCandidate>(
  sellerName: string,
  candidates: readonly Candidate[],
): SellerCandidates<Candidate> {
  const key = sellerKey(sellerName);
  const byNumbers: SellerCandidates<Candidate>['byNumbers'] = new Map();
  if (key === '') return { sellerKey: key, byNumbers };
  for (const candidate of candidates) {
    const firstSeen = Date.parse(candidate.firstSeenAt);
    if (sellerKey(candidate.sellerName) !== key || Number.isNaN(firstSeen)) continue;
    const words = new Set(titleWords(candidate.title));
    const group = numbersKey(words);
    const entry = { candidate, words, firstSeen };
    const list = byNumbers.get(group);
    if (list === undefined) byNumbers.set(group, [entry]);
    else list.push(entry);
  }
  return { sellerKey: key, byNumbers };
}

/** `findRepostOf` against candidates already prepared for the ad's seller. */
export function matchRepost<Candidate extends RepostCandidate>(
  ad: RepostProbe,
  prepared: SellerCandidates<Candidate>,
  now: Date,
  windowDays: number,
): Candidate | null {
  if (prepared.sellerKey === '' || sellerKey(ad.sellerName) !== prepared.sellerKey) return null;
  const oldest = now.getTime() - windowDays * DAY_MS;
  const words = new Set(titleWords(ad.title));
  let best: Candidate | null = null;
  for (const { candidate, words: earlier, firstSeen } of prepared.byNumbers.get(numbersKey(words)) ?? []) {
    if (candidate.id === ad.id || firstSeen < oldest || firstSeen > now.getTime()) continue;
    if (jaccard(words, earlier) < REPOST_TITLE_SIMILARITY) continue;
    if (best === null || isLater(candidate, best)) best = candidate;
  }
  return best;
}

/** Whole days between two instants, rounded down. */
export function wholeDaysBetween(earlier: string, now: Date): number {
  const start = Date.parse(earlier);
  return Number.isNaN(start) ? 0 : Math.max(0, Math.floor((now.getTime() - start) / DAY_MS));
}

function isLater(a: RepostCandidate, b: RepostCandidate): boolean {
  return a.firstSeenAt > b.firstSeenAt || (a.firstSeenAt === b.firstSeenAt && a.id > b.id);
}

/** The set of numbers in a title as one string: two titles name the same numbers exactly when these are equal. */
function numbersKey(words: ReadonlySet<string>): string {
  const numbers = new Set<string>();
  // A word is a run of letters or a run of digits, so one digit makes it a number. "08" and "8" are the same
  // number; the words themselves keep their spelling.
  for (const word of words) if (/\p{N}/u.test(word)) numbers.add(word.replace(/^0+(?=\p{N})/u, ''));
  return [...numbers].sort().join(' ');
}
