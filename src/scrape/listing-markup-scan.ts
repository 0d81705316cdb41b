// Cheap string-level scanning of page source. Building a DOM for a whole 300 kB page costs several times more
// than reading the ads, so the parser finds the few regions it needs here and parses only those.

/** Where one element sits in the source: its opening tag and, when it is closed, the end of its closing tag. */
export interface MarkupSpan {
  /** Index of the `<` of the opening tag. */
  start: number;
  /** Index just after the `>` of the opening tag. */
  openEnd: number;
  /** Index just after the `>` of the matching closing tag, or -1 when the element is never closed. */
  end: number;
}

const SCRIPT_CLOSE = /<\/script/gi;
const CLASS_TOKEN_CHAR = /[A-Za-z0-9_-]/;
const CLASS_ATTRIBUTE_OPEN = /\sclass\s*=\s*(?:"[^"]*|'[^']*|[^\s"'=<>`]*)$/i;

/** True when `index` lies inside an HTML comment (`<!-- … -->`). */
export function isInsideComment(html: string, index: number): boolean {
  const open = html.lastIndexOf('<!--', index);
  if (open < 0) return false;
  const close = html.indexOf('-->', open + 4);
  return close < 0 || close + 3 > index;
}

/** True when the whitespace-separated class list `classValue` holds `token` as a whole token. */
export function hasClassToken(classValue: string, token: string): boolean {
  let at = classValue.indexOf(token);
  while (at >= 0) {
    if (isWholeToken(classValue, at, token.length)) return true;
    at = classValue.indexOf(token, at + 1);
  }
  return false;
}

/** True when the `length` characters at `at` in `text` form a whole class token (no name characters around them). */
export function isWholeToken(text: string, at: number, length: number): boolean {
  const before = at > 0 ? text.charAt(at - 1) : '';
  const after = text.charAt(at + length);
  return !CLASS_TOKEN_CHAR.test(before) && !CLASS_TOKEN_CHAR.test(after);
}

/**
 * Find the first opening tag `<tagName …>` at or after `from`, outside comments, whose class attribute holds
 * `classToken` as a whole token. Returns its start and the index after its `>`, or null.
 */
export function findOpeningTagWithClass(
  html: string,
  tagName: string,
  classToken: string,
  from = 0,
): { start: number; openEnd: number } | null {
  const tagPrefix = `<${tagName.toLowerCase()}`;
  let at = html.indexOf(classToken, from);
  while (at >= 0) {
    const next = at + classToken.length;
    if (isWholeToken(html, at, classToken.length)) {
      const tagStart = html.lastIndexOf('<', at);
      const tagEnd = html.indexOf('>', at);
      const openEnd = tagEnd < 0 ? -1 : tagEnd + 1;
      if (
        tagStart >= from &&
        openEnd > 0 &&
        !isInsideComment(html, tagStart) &&
        html.lastIndexOf('>', at) < tagStart &&
        html.slice(tagStart, tagStart + tagPrefix.length).toLowerCase() === tagPrefix &&
        /[\s/>]/.test(html.charAt(tagStart + tagPrefix.length)) &&
        CLASS_ATTRIBUTE_OPEN.test(html.slice(tagStart, at))
      ) {
        return { start: tagStart, openEnd };
      }
    }
    at = html.indexOf(classToken, next);
  }
  return null;
}

/**
 * Index just after the closing tag that matches an element of `tagName` opened just before `openEnd`, counting
 * nested elements of the same name and skipping comments and script bodies; -1 when the element never closes.
 */
export function findElementEnd(html: string, tagName: string, openEnd: number): number {
  const name = tagName.toLowerCase();
  const pattern = new RegExp(`<!--|<script\\b|<(/?)${name}(?=[\\s/>])`, 'gi');
  pattern.lastIndex = openEnd;
  let depth = 1;
  for (let match = pattern.exec(html); match !== null; match = pattern.exec(html)) {
    const token = match[0];
    if (token === '<!--') {
      const close = html.indexOf('-->', match.index + 4);
      if (close < 0) return -1;
      pattern.lastIndex = close + 3;
    } else if (token.toLowerCase() === '<script') {
      SCRIPT_CLOSE.lastIndex = match.index + 7;
      const close = SCRIPT_CLOSE.exec(html);
      if (close === null) return -1;
      pattern.lastIndex = close.index + 8;
    } else if (match[1] === '/') {
      depth -= 1;
      if (depth === 0) {
        const tagEnd = html.indexOf('>', match.index);
        return tagEnd < 0 ? -1 : tagEnd + 1;
      }
    } else {
      const tagEnd = html.indexOf('>', match.index);
      if (tagEnd < 0) return -1;
      if (html.charAt(tagEnd - 1) !== '/') depth += 1;
    }
  }
  return -1;
}

/** Locate the first `<tagName>` element carrying `classToken` at or after `from`, with the end of its closing tag. */
export function locateElementWithClass(html: string, tagName: string, classToken: string, from = 0): MarkupSpan | null {
  const opening = findOpeningTagWithClass(html, tagName, classToken, from);
  if (opening === null) return null;
  return { ...opening, end: findElementEnd(html, tagName, opening.openEnd) };
}
