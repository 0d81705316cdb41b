// One mark at a time: the replacement is global, so a run of marks needs no quantifier.
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Lower-case text and strip its accents, so that "SÉRÜLT", "sérült" and "serult" compare equal. Hungarian ő and ű
 * decompose to o and u with a double acute, so they fold like ö and ü.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

// Each separator splits on its own; the empty words between two of them are dropped below.
const WORD_SEPARATORS = /[^\p{L}\p{N}]/u;

/** The folded words of a text, in order: letters and digits, everything else separates. */
export function foldedWords(text: string): string[] {
  return splitFoldedWords(foldText(text));
}

/** The words of a text that is already folded. */
export function splitFoldedWords(folded: string): string[] {
  return folded.split(WORD_SEPARATORS).filter((word) => word.length > 0);
}
