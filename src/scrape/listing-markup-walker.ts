// Walks the markup of a page forward, one tag or comment at a time. Shared by every scan that must tell an
// opening tag from text, comments and script bodies without stepping back over what it has read.

/** An opening tag: where it starts, where its name ends and just after its `>`. */
export interface OpeningTag {
  tagName: string;
  start: number;
  nameEnd: number;
  openEnd: number;
}

const RAW_TEXT_TAGS = new Set(['script', 'style']);
const HIDING_MARKUP = /<!--|<script(?=[\s/>])|<style(?=[\s/>])/gi;
const closingPatterns = new Map<string, RegExp>();

/** True for an ASCII letter's char code. */
export const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isTagNameChar = (code: number): boolean => isLetter(code) || (code >= 48 && code <= 57) || code === 45;
/** True for HTML's ASCII whitespace: tab, line feed, form feed, carriage return, space. */
export const isSpace = (code: number): boolean =>
  code === 32 || code === 10 || code === 9 || code === 13 || code === 12;

/**
 * Walks the markup of a source forward, one tag or comment at a time, to answer "which opening tag is the text at
 * index `at` part of?" for indexes that only grow. Comments, closing tags, declarations and script or style
 * bodies belong to no opening tag.
 */
export class MarkupWalker {
  private cursor: number;
  private nextMarkup = -2;
  private hidingIndex = 0;
  private current: OpeningTag | null = null;

  constructor(
    private readonly source: string,
    from: number,
  ) {
    this.cursor = from;
  }

  /** The opening tag whose attributes hold index `at`, or null. `at` must not go down between calls. */
  tagHolding(at: number): OpeningTag | null {
    for (;;) {
      if (this.current !== null && at < this.current.openEnd) return at >= this.current.nameEnd ? this.current : null;
      if (at < this.cursor) return null;
      if (this.nextMarkup === -2) this.nextMarkup = this.source.indexOf('<', this.cursor);
      if (this.nextMarkup < 0 || this.nextMarkup > at) return null;
      // With no comment or script body in between, the last `<` before `at` is where reading can resume: the
      // tags before it need not be read one by one.
      this.step(this.hidingMarkupAfter(at) ? this.nextMarkup : this.source.lastIndexOf('<', at));
      this.nextMarkup = -2;
    }
  }

  // True when a comment or a script or style element starts between the cursor and `at`: markup inside those
  // is no markup, so the walk must go through them in order.
  private hidingMarkupAfter(at: number): boolean {
    const starts = hidingMarkupStarts(this.source);
    while (this.hidingIndex < starts.length && (starts[this.hidingIndex] ?? 0) < this.cursor) this.hidingIndex += 1;
    return this.hidingIndex < starts.length && (starts[this.hidingIndex] ?? 0) <= at;
  }

  // Reads the markup that starts at `lt` and moves the cursor past it (and past a script or style body).
  private step(lt: number): void {
    const source = this.source;
    this.current = null;
    if (source.startsWith('<!--', lt)) {
      const close = source.indexOf('-->', lt + 4);
      this.cursor = close < 0 ? source.length : close + 3;
      return;
    }
    const next = source.charCodeAt(lt + 1);
    if (next === 47 || next === 33 || next === 63) {
      // `</…>`, `<!…>`, `<?…>`: closing tags and declarations.
      const close = source.indexOf('>', lt);
      this.cursor = close < 0 ? source.length : close + 1;
      return;
    }
    if (!isLetter(next)) {
      this.cursor = lt + 1;
      return;
    }
    let nameEnd = lt + 2;
    while (nameEnd < source.length && isTagNameChar(source.charCodeAt(nameEnd))) nameEnd += 1;
    const name = source.slice(lt + 1, nameEnd).toLowerCase();
    const close = source.indexOf('>', nameEnd);
    if (close < 0) {
      // A tag that never ends is no element; nothing after it can be one either.
      this.cursor = source.length;
      return;
    }
    this.current = { tagName: name, start: lt, nameEnd, openEnd: close + 1 };
    this.cursor = close + 1;
    if (RAW_TEXT_TAGS.has(name)) this.cursor = afterClosingTag(source, name, close + 1)?.end ?? source.length;
  }
}
// Where comments and script or style elements start in the last source searched. A page is searched a few
// times and each card many times, so the list is built once per source, not once per search.
let hidingSource: string | null = null;
let hidingStarts: number[] = [];
function hidingMarkupStarts(source: string): number[] {
  if (source !== hidingSource) {
    hidingStarts = [];
    for (const match of source.matchAll(HIDING_MARKUP)) hidingStarts.push(match.index);
    hidingSource = source;
  }
  return hidingStarts;
}

/** The first `</tagName …>` at or after `from`: where it starts and the index after its `>`; null when none. */
export function afterClosingTag(source: string, tagName: string, from: number): { start: number; end: number } | null {
  let pattern = closingPatterns.get(tagName);
  if (pattern === undefined) {
    pattern = new RegExp(`</${tagName}(?=[\\s/>])`, 'gi');
    closingPatterns.set(tagName, pattern);
  }
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  if (match === null) return null;
  const close = source.indexOf('>', match.index);
  return { start: match.index, end: close < 0 ? source.length : close + 1 };
}
