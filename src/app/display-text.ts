/** Make text from outside (the site, a receiver) safe to print on a terminal; pure. */

// Line breaks and tabs inside one field would break a line or a table row apart.
const LAYOUT_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// C0 and C1 controls and DEL: ESC starts sequences that retitle the terminal, recolour it or move the cursor.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being neutralised
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// Invisible formatting characters (bidi overrides and isolates, zero-width spaces, soft hyphens, tags...) can make
// printed text read differently from what it is. The zero-width joiners stay: emoji sequences need them.
const INVISIBLE_FORMATTING = /(?![\u200c\u200d])\p{Cf}/gu;

/**
 * Text as it may be shown in human output: controls shown escaped (`\u001b`), line breaks as spaces, invisible
 * formatting characters removed. JSON output keeps the original text.
 */
export function displayText(text: string): string {
  return text
    .replace(LAYOUT_CONTROLS, ' ')
    .replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(INVISIBLE_FORMATTING, '');
}
