// Cheap string-level scanning of page source. Building a DOM for a whole 300 kB page costs several times more
// than reading the ads, so the parser finds the few regions it needs here and parses only those.
//
// Every scan here moves forward only: each character of the source is looked at a bounded number of times per
// search, so a hostile page (a class token repeated a million times in one attribute, thousands of tags that
// never close) costs time in proportion to its size, never to its square.

import { readTagAttribute } from './listing-markup-text.js';
import { afterClosingTag, MarkupWalker, type OpeningTag } from './listing-markup-walker.js';

export type { OpeningTag };

/** Where one element sits in the source. An element that is never closed ends where its search range ends. */
export interface ElementSpan {
  /** Lower-case tag name. */
  tagName: string;
  /** Index of the `<` of the opening tag. */
  start: number;
  /** Index just after the `>` of the opening tag; the content starts here. */
  openEnd: number;
  /** Index where the content ends: the closing tag's `<`, or the end of the search range when not closed. */
  innerEnd: number;
  /** Index just after the closing tag's `>`, or the end of the search range when not closed. */
  end: number;
  /** False when no matching closing tag was found inside the search range. */
  closed: boolean;
}

/** A stretch of the source to search in: [from, to). */
export interface SourceRange {
  from: number;
  to: number;
}

const CLASS_TOKEN_CHAR = /[A-Za-z0-9_-]/;
const elementPatterns = new Map<string, RegExp>();

/** The whole source as a search range. */
export function wholeSource(source: string): SourceRange {
  return { from: 0, to: source.length };
}

/** True when the whitespace-separated class list `classValue` holds `token` as a whole token. */
export function hasClassToken(classValue: string, token: string): boolean {
  let at = classValue.indexOf(token);
  while (at >= 0) {
    if (isWholeToken(classValue, at, token.length)) return true;
    at = classValue.indexOf(token, at + token.length);
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
 * The first opening tag inside `range`, outside comments and script bodies, that is a `<tagName>` ('*' for any)
 * whose class attribute holds `classToken` as a whole token; null when there is none.
 */
export function findTagWithClass(
  source: string,
  range: SourceRange,
  tagName: string,
  classToken: string,
): OpeningTag | null {
  const wanted = tagName.toLowerCase();
  const walker = new MarkupWalker(source, range.from);
  let at = source.indexOf(classToken, range.from);
  while (at >= 0 && at < range.to) {
    const tag = isWholeToken(source, at, classToken.length) ? walker.tagHolding(at) : null;
    if (tag === null) {
      at = source.indexOf(classToken, at + classToken.length);
      continue;
    }
    if (tag.openEnd > range.to) return null;
    if (
      (wanted === '*' || tag.tagName === wanted) &&
      hasClassToken(readTagAttribute(source, tag, 'class') ?? '', classToken)
    ) {
      return tag;
    }
    // Each tag is judged once, however often the token occurs in it.
    at = source.indexOf(classToken, tag.openEnd);
  }
  return null;
}

/** The first `<tagName>` opening tag at or after `from`, outside comments; null when there is none. */
export function findTag(source: string, tagName: string, from = 0): OpeningTag | null {
  const walker = new MarkupWalker(source, from);
  const pattern = new RegExp(`<${tagName}(?=[\\s/>])`, 'gi');
  pattern.lastIndex = from;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    const tag = walker.tagHolding(match.index + match[0].length);
    if (tag !== null && tag.start === match.index) return tag;
    pattern.lastIndex = Math.max(match.index + 1, tag?.openEnd ?? 0);
  }
  return null;
}

/**
 * Where an element of `tagName` opened just before `openEnd` ends, counting nested elements of the same name and
 * skipping comments and script bodies; an element that never closes ends at `limit`.
 */
export function completeElement(
  source: string,
  tag: Pick<OpeningTag, 'start' | 'openEnd'> & { tagName: string },
  limit: number,
): ElementSpan {
  const name = tag.tagName.toLowerCase();
  const unclosed: ElementSpan = {
    tagName: name,
    start: tag.start,
    openEnd: tag.openEnd,
    innerEnd: limit,
    end: limit,
    closed: false,
  };
  let pattern = elementPatterns.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`<!--|<script(?=[\\s/>])|<(/?)${name}(?=[\\s/>])`, 'gi');
    elementPatterns.set(name, pattern);
  }
  pattern.lastIndex = tag.openEnd;
  let depth = 1;
  for (let match = pattern.exec(source); match !== null && match.index < limit; match = pattern.exec(source)) {
    const token = match[0];
    if (token === '<!--') {
      const close = source.indexOf('-->', match.index + 4);
      if (close < 0) return unclosed;
      pattern.lastIndex = close + 3;
      continue;
    }
    if (token.toLowerCase() === '<script' && name !== 'script') {
      const close = afterClosingTag(source, 'script', match.index + 7);
      if (close === null) return unclosed;
      pattern.lastIndex = close.end;
      continue;
    }
    const tagEnd = source.indexOf('>', match.index);
    if (tagEnd < 0 || tagEnd >= limit) return unclosed;
    // Past this tag's `>`: a tag full of `<div` look-alikes is read once, not once per look-alike.
    pattern.lastIndex = tagEnd + 1;
    if (match[1] === '/') {
      depth -= 1;
      if (depth === 0) {
        return {
          tagName: name,
          start: tag.start,
          openEnd: tag.openEnd,
          innerEnd: match.index,
          end: tagEnd + 1,
          closed: true,
        };
      }
    } else if (source.charAt(tagEnd - 1) !== '/') {
      depth += 1;
    }
  }
  return unclosed;
}

/** Locate the first `<tagName>` element carrying `classToken` at or after `from`, through to its closing tag. */
export function locateElementWithClass(
  html: string,
  tagName: string,
  classToken: string,
  from = 0,
): ElementSpan | null {
  const opening = findTagWithClass(html, { from, to: html.length }, tagName, classToken);
  return opening === null ? null : completeElement(html, opening, html.length);
}
