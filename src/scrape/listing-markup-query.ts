// Reading ad cards straight from their source text. Building node-html-parser trees for a hundred cards costs
// more than the whole rest of the page; these few queries (find an element by tag and class token inside a
// parent, read an attribute, read the text) are all a card needs. They expect source with comments removed.
import { TextNode } from 'node-html-parser';
import { isWholeToken } from './listing-markup-scan.js';

/** One element found in the source: where its opening tag, content and closing tag are. */
export interface FoundElement {
  /** Lower-case tag name. */
  tagName: string;
  /** Index of the `<` of the opening tag. */
  start: number;
  /** Index just after the opening tag's `>`; the content starts here. */
  openEnd: number;
  /** Index where the content ends (the closing tag's `<`, or the parent's end when the element is not closed). */
  innerEnd: number;
  /** Index just after the closing tag. */
  end: number;
}

/** A stretch of the source to search in: [from, to). */
export interface SourceRange {
  from: number;
  to: number;
}

const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
]);
const TAG_NAME = /[a-zA-Z][a-zA-Z0-9-]*/y;
const CLASS_ATTRIBUTE_OPEN = /\sclass\s*=\s*(?:"[^"]*|'[^']*|[^\s"'=<>`]*)$/i;
const TAG = /<\/?[a-zA-Z][^>]*>/g;
const openingPatterns = new Map<string, RegExp>();
const nestingPatterns = new Map<string, RegExp>();
const attributePatterns = new Map<string, RegExp>();
const presencePatterns = new Map<string, RegExp>();

/** The whole source as a search range. */
export function wholeSource(source: string): SourceRange {
  return { from: 0, to: source.length };
}

/** The content of an element as a search range. */
export function contentOf(element: FoundElement): SourceRange {
  return { from: element.openEnd, to: element.innerEnd };
}

/**
 * The first element inside `range`, in document order, that is a `<tagName>` ('*' for any tag) and, when
 * `classToken` is given, carries it as a whole class token. Null when there is none.
 */
export function findElement(
  source: string,
  range: SourceRange,
  tagName: string,
  classToken?: string,
): FoundElement | null {
  return classToken === undefined
    ? findByTagName(source, range, tagName)
    : findByClass(source, range, tagName, classToken);
}

function findByTagName(source: string, range: SourceRange, tagName: string): FoundElement | null {
  const pattern = cachedPattern(openingPatterns, tagName, () => new RegExp(`<${tagName}(?=[\\s/>])`, 'gi'));
  pattern.lastIndex = range.from;
  const match = pattern.exec(source);
  if (match === null || match.index >= range.to) return null;
  return completeElement(source, match.index, tagName, range.to);
}

function findByClass(source: string, range: SourceRange, tagName: string, classToken: string): FoundElement | null {
  let at = source.indexOf(classToken, range.from);
  while (at >= 0 && at < range.to) {
    const tagStart = source.lastIndexOf('<', at);
    if (
      tagStart >= range.from &&
      isWholeToken(source, at, classToken.length) &&
      source.lastIndexOf('>', at) < tagStart &&
      CLASS_ATTRIBUTE_OPEN.test(source.slice(tagStart, at))
    ) {
      TAG_NAME.lastIndex = tagStart + 1;
      const name = TAG_NAME.exec(source)?.[0].toLowerCase();
      if (name !== undefined && (tagName === '*' || name === tagName)) {
        return completeElement(source, tagStart, name, range.to);
      }
    }
    at = source.indexOf(classToken, at + classToken.length);
  }
  return null;
}

// Finds where the element that opens at `start` ends, counting nested elements of the same name. An element
// left open ends where its parent does, as a browser would close it.
function completeElement(source: string, start: number, tagName: string, limit: number): FoundElement | null {
  const tagEnd = source.indexOf('>', start);
  if (tagEnd < 0 || tagEnd >= limit) return null;
  const openEnd = tagEnd + 1;
  if (VOID_TAGS.has(tagName) || source.charAt(tagEnd - 1) === '/') {
    return { tagName, start, openEnd, innerEnd: openEnd, end: openEnd };
  }
  const pattern = cachedPattern(nestingPatterns, tagName, () => new RegExp(`<(/?)${tagName}(?=[\\s/>])`, 'gi'));
  pattern.lastIndex = openEnd;
  let depth = 1;
  for (let match = pattern.exec(source); match !== null && match.index < limit; match = pattern.exec(source)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) {
      const closeEnd = source.indexOf('>', match.index);
      const end = closeEnd < 0 || closeEnd >= limit ? limit : closeEnd + 1;
      return { tagName, start, openEnd, innerEnd: match.index, end };
    }
  }
  return { tagName, start, openEnd, innerEnd: limit, end: limit };
}

/** The decoded value of attribute `name` on the element's opening tag, or undefined when it has none. */
export function readAttribute(source: string, element: FoundElement, name: string): string | undefined {
  const pattern = cachedPattern(
    attributePatterns,
    name,
    () => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i'),
  );
  const match = pattern.exec(source.slice(element.start, element.openEnd));
  if (match === null) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}

/** True when the element's opening tag has attribute `name`, with or without a value. */
export function hasAttribute(source: string, element: FoundElement, name: string): boolean {
  const pattern = cachedPattern(presencePatterns, name, () => new RegExp(`\\s${name}(?=[\\s=/>])`, 'i'));
  return pattern.test(source.slice(element.start, element.openEnd));
}

/** The class attribute of the element's opening tag ('' when it has none). */
export function readClass(source: string, element: FoundElement): string {
  return readAttribute(source, element, 'class') ?? '';
}

/** The element's text content: tags dropped, entities decoded, U+FEFF removed, whitespace collapsed. */
export function readText(source: string, element: FoundElement): string {
  let text = source.slice(element.openEnd, element.innerEnd);
  if (text.includes('<')) text = text.replace(TAG, '');
  if (text.includes('&')) text = decodeEntities(text);
  return collapseWhitespace(text);
}

/** Collapse runs of whitespace (no-break spaces included) to one space and trim; drop U+FEFF. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/\ufeff/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

// node-html-parser's text node decodes every HTML entity, so the parser needs no decoder of its own.
function decodeEntities(text: string): string {
  return text.includes('&') ? new TextNode(text).text : text;
}

function cachedPattern(cache: Map<string, RegExp>, key: string, create: () => RegExp): RegExp {
  let pattern = cache.get(key);
  if (pattern === undefined) {
    pattern = create();
    cache.set(key, pattern);
  }
  return pattern;
}
