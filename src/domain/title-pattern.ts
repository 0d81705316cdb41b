import { foldedWords, foldText, splitFoldedWords } from './fold-text.js';

/** A title pattern ready to test: whole words (with `*` suffix wildcards) or a regular expression. */
export interface TitlePattern {
  /** The pattern as the user wrote it, quoted in the rule that drops an ad. */
  source: string;
  /** True when the title matches. */
  matches(title: TitleText): boolean;
}

/** A title prepared once for every pattern: as written, folded, and as folded words. */
export interface TitleText {
  title: string;
  folded: string;
  words: readonly string[];
}

/** Prepare a title for matching. */
export function prepareTitle(title: string): TitleText {
  const folded = foldText(title);
  return { title, folded, words: splitFoldedWords(folded) };
}

/** A pattern the user wrote that cannot be used; the message says what is wrong with it. */
export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternError';
  }
}

const REGEX_FORM = /^\/(.+)\/([a-z]*)$/s;

/**
 * Read one `exclude`/`require` entry. `/…/` is a case-insensitive regular expression, tried on the title as
 * written and on its accent-folded form. Anything else is one or more words matched whole, case- and
 * accent-insensitively, in order; a word ending in `*` matches any word that starts with it, which is how
 * Hungarian suffixes ("alkatrésznek") are caught.
 */
export function compileTitlePattern(source: string): TitlePattern {
  const regexForm = REGEX_FORM.exec(source.trim());
  if (regexForm) return compileRegex(source, regexForm[1] as string, regexForm[2] as string);
  const words = foldedWordPattern(source);
  return {
    source,
    matches: (text) => containsSequence(text.words, words),
  };
}

interface WordPattern {
  stem: string;
  prefix: boolean;
}

function foldedWordPattern(source: string): WordPattern[] {
  const parts = source.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new PatternError('an empty word cannot match anything');
  const words: WordPattern[] = [];
  for (const part of parts) {
    const prefix = part.endsWith('*');
    const body = prefix ? part.slice(0, -1) : part;
    if (body.includes('*')) {
      throw new PatternError(`"${source}": * is a wildcard only at the end of a word, as in alkatr*`);
    }
    const folded = foldedWords(body);
    if (folded.length === 0) throw new PatternError(`"${source}" holds no letters or digits to match`);
    // "i5-12400" folds to two words; only the last of them may be a prefix.
    folded.forEach((stem, index) => {
      words.push({ stem, prefix: prefix && index === folded.length - 1 });
    });
  }
  return words;
}

function containsSequence(titleWords: readonly string[], pattern: readonly WordPattern[]): boolean {
  const last = titleWords.length - pattern.length;
  for (let start = 0; start <= last; start += 1) {
    let index = 0;
    while (index < pattern.length && wordMatches(titleWords[start + index] as string, pattern[index] as WordPattern)) {
      index += 1;
    }
    if (index === pattern.length) return true;
  }
  return false;
}

function wordMatches(word: string, pattern: WordPattern): boolean {
  return pattern.prefix ? word.startsWith(pattern.stem) : word === pattern.stem;
}

const ALLOWED_FLAGS = /^[imsu]*$/;

function compileRegex(source: string, body: string, flags: string): TitlePattern {
  if (!ALLOWED_FLAGS.test(flags)) {
    throw new PatternError(`${source}: only the flags i, m, s and u are allowed after the closing /`);
  }
  let regex: RegExp;
  try {
    regex = new RegExp(body, flags.includes('i') ? flags : `${flags}i`);
  } catch (error) {
    throw new PatternError(`${source} is not a valid regular expression (${(error as Error).message})`);
  }
  return { source, matches: (text) => regex.test(text.title) || regex.test(text.folded) };
}
