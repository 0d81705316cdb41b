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
  if (!sameSet(numbersOf(wordsA), numbersOf(wordsB))) return 0;
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
  const key = sellerKey(ad.sellerName);
  if (key === '') return null;
  const oldest = now.getTime() - windowDays * DAY_MS;
  const words = new Set(titleWords(ad.title));
  let best: Candidate | null = null;
  for (const candidate of candidates) {
    if (candidate.id === ad.id || sellerKey(candidate.sellerName) !== key) continue;
    const firstSeen = Date.parse(candidate.firstSeenAt);
    if (Number.isNaN(firstSeen) || firstSeen < oldest || firstSeen > now.getTime()) continue;
    if (wordSetSimilarity(words, new Set(titleWords(candidate.title))) < REPOST_TITLE_SIMILARITY) continue;
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

function numbersOf(words: ReadonlySet<string>): Set<string> {
  const numbers = new Set<string>();
  // A word is a run of letters or a run of digits, so one digit makes it a number. "08" and "8" are the same
  // number; the words themselves keep their spelling.
  for (const word of words) if (/\p{N}/u.test(word)) numbers.add(word.replace(/^0+(?=\p{N})/u, ''));
  return numbers;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}
