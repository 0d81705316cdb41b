// Reading ad cards straight from their source text. Building node-html-parser trees for a hundred cards costs
// more than the whole rest of the page; these few queries (find an element by tag and class token inside a
// parent, read an attribute, read the text) are all a card needs. They expect source with comments removed.
import { TextNode } from 'node-html-parser';
import {
  completeElement,
  type ElementSpan,
  findTagWithClass,
  type OpeningTag,
  type SourceRange,
} from './listing-markup-scan.js';
import { readTagAttribute, removeTags } from './listing-markup-text.js';

export { wholeSource } from './listing-markup-scan.js';
export type { ElementSpan, SourceRange };

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
const openingPatterns = new Map<string, RegExp>();

/** The content of an element as a search range. */
export function contentOf(element: ElementSpan): SourceRange {
  return { from: element.openEnd, to: element.innerEnd };
}

/**
 * The first element inside `range`, in document order, that is a `<tagName>` ('*' for any tag) and, when
 * `classToken` is given, carries it as a whole class token. Null when there is none. An element left open ends
 * where the range ends, as a browser would close it with its parent.
 */
export function findElement(
  source: string,
  range: SourceRange,
  tagName: string,
  classToken?: string,
): ElementSpan | null {
  const tag =
    classToken === undefined
      ? findByTagName(source, range, tagName)
      : findTagWithClass(source, range, tagName, classToken);
  return tag === null ? null : spanOf(source, tag, range.to);
}

// Queries run on card copies without comments, where a plain search for the tag name is enough.
function findByTagName(source: string, range: SourceRange, tagName: string): OpeningTag | null {
  let pattern = openingPatterns.get(tagName);
  if (pattern === undefined) {
    pattern = new RegExp(`<${tagName}(?=[\\s/>])`, 'gi');
    openingPatterns.set(tagName, pattern);
  }
  pattern.lastIndex = range.from;
  const match = pattern.exec(source);
  if (match === null || match.index >= range.to) return null;
  const close = source.indexOf('>', match.index);
  if (close < 0 || close >= range.to) return null;
  const nameEnd = match.index + match[0].length;
  return { tagName: tagName.toLowerCase(), start: match.index, nameEnd, openEnd: close + 1 };
}

function spanOf(source: string, tag: OpeningTag, limit: number): ElementSpan {
  if (VOID_TAGS.has(tag.tagName) || source.charAt(tag.openEnd - 2) === '/') {
    return { ...tag, innerEnd: tag.openEnd, end: tag.openEnd, closed: true };
  }
  return completeElement(source, tag, limit);
}

/** The decoded value of attribute `name` on the element's opening tag, or undefined when it has none. */
export function readAttribute(source: string, element: ElementSpan, name: string): string | undefined {
  const value = readTagAttribute(source, openingTagOf(element), name);
  return value === undefined ? undefined : decodeEntities(value);
}

/** True when the element's opening tag has attribute `name`, with or without a value. */
export function hasAttribute(source: string, element: ElementSpan, name: string): boolean {
  return readTagAttribute(source, openingTagOf(element), name) !== undefined;
}

/** The class attribute of the element's opening tag ('' when it has none). */
export function readClass(source: string, element: ElementSpan): string {
  return readAttribute(source, element, 'class') ?? '';
}

/** The element's text content: tags dropped, entities decoded, U+FEFF removed, whitespace collapsed. */
export function readText(source: string, element: ElementSpan): string {
  let text = source.slice(element.openEnd, element.innerEnd);
  if (text.includes('<')) text = removeTags(text);
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

// The tag name of an element found by a query ends right after `<name`.
function openingTagOf(element: ElementSpan): OpeningTag {
  return {
    tagName: element.tagName,
    start: element.start,
    nameEnd: element.start + 1 + element.tagName.length,
    openEnd: element.openEnd,
  };
}
