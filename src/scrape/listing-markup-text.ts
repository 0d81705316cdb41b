// Reading an opening tag's attributes and an element's text from source, in one forward pass each.
import { isLetter, isSpace, type OpeningTag } from './listing-markup-walker.js';

/**
 * The raw value of attribute `name` on an opening tag (the first one, as a browser reads it); '' for an attribute
 * without a value, undefined when the tag has none. Entities are left as they are.
 */
export function readTagAttribute(source: string, tag: OpeningTag, name: string): string | undefined {
  const end = tag.openEnd - 1;
  const wanted = name.toLowerCase();
  let at = tag.nameEnd;
  while (at < end) {
    while (at < end && (isSpace(source.charCodeAt(at)) || source.charCodeAt(at) === 47)) at += 1;
    if (at >= end) break;
    let nameEnd = at + 1;
    while (nameEnd < end && !isAttributeNameEnd(source.charCodeAt(nameEnd))) nameEnd += 1;
    const attribute = nameEnd - at === wanted.length ? source.slice(at, nameEnd).toLowerCase() : '';
    at = skipSpaces(source, nameEnd, end);
    let value = '';
    if (source.charCodeAt(at) === 61) {
      at = skipSpaces(source, at + 1, end);
      const quote = source.charAt(at);
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, at + 1);
        const valueEnd = close < 0 || close > end ? end : close;
        value = source.slice(at + 1, valueEnd);
        at = valueEnd + 1;
      } else {
        let valueEnd = at;
        while (valueEnd < end && !isSpace(source.charCodeAt(valueEnd))) valueEnd += 1;
        value = source.slice(at, valueEnd);
        at = valueEnd;
      }
    }
    if (attribute === wanted) return value;
  }
  return undefined;
}

function skipSpaces(source: string, from: number, end: number): number {
  let at = from;
  while (at < end && isSpace(source.charCodeAt(at))) at += 1;
  return at;
}

// Whitespace, `/`, `=` and `>` end an attribute name.
function isAttributeNameEnd(code: number): boolean {
  return isSpace(code) || code === 47 || code === 61 || code === 62;
}

/** The source without its comments; a comment that never closes runs to the end, as in a browser. */
export function removeComments(source: string): string {
  let open = source.indexOf('<!--');
  if (open < 0) return source;
  let kept = '';
  let from = 0;
  while (open >= 0) {
    kept += source.slice(from, open);
    const close = source.indexOf('-->', open + 4);
    if (close < 0) return kept;
    from = close + 3;
    open = source.indexOf('<!--', from);
  }
  return kept + source.slice(from);
}

/** The text with every tag (`<name …>`, `</name>`) removed; a `<` that starts no tag stays. */
export function removeTags(text: string): string {
  let kept = '';
  let from = 0;
  let open = text.indexOf('<');
  while (open >= 0) {
    const next = text.charCodeAt(open + 1);
    if (isLetter(next) || (next === 47 && isLetter(text.charCodeAt(open + 2)))) {
      const close = text.indexOf('>', open);
      // No `>` anywhere after: nothing further can be a tag.
      if (close < 0) return kept + text.slice(from);
      kept += text.slice(from, open);
      from = close + 1;
      open = text.indexOf('<', from);
    } else {
      open = text.indexOf('<', open + 1);
    }
  }
  return kept + text.slice(from);
}
