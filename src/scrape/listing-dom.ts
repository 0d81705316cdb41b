// Small, explicit walks over node-html-parser trees (the pager bar). They match class *tokens*, never whole class
// strings, and need no CSS selector engine.
import { type HTMLElement, type Node, NodeType } from 'node-html-parser';
import { collapseWhitespace } from './listing-markup-query.js';

/** True when `node` is an element. */
export function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}

/** True when `element` is a `<tagName>` element (case-insensitive). */
export function isTag(element: HTMLElement, tagName: string): boolean {
  return element.rawTagName.toLowerCase() === tagName;
}

/** True when the element's class attribute holds `token` as a whole token. */
export function hasClass(element: HTMLElement, token: string): boolean {
  return element.classList.contains(token);
}

/** The first descendant element, depth first in document order, that satisfies `matches`, or null. */
export function findDescendant(element: HTMLElement, matches: (node: HTMLElement) => boolean): HTMLElement | null {
  for (const child of element.childNodes) {
    if (!isElement(child)) continue;
    if (matches(child)) return child;
    const found = findDescendant(child, matches);
    if (found !== null) return found;
  }
  return null;
}

/** The element's text with entities decoded, U+FEFF removed and whitespace collapsed. */
export function collapsedText(node: Node): string {
  return collapseWhitespace(node.text);
}
