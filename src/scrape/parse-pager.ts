import { type HTMLElement, parse } from 'node-html-parser';
import { collapsedText, findDescendant, hasClass, isElement, isTag } from './listing-dom.js';
import { resolveHttpUrl } from './listing-urls.js';

/** What the pager bar says: where the next block of ads is, and how many ads the listing has in all. */
export interface PagerReading {
  nextPage: string | null;
  total: number | null;
}

const RANGE = /(\d[\d .\u00a0\u202f]*)\s*[-\u2013]\s*(\d[\d .\u00a0\u202f]*)/;
const isRangeMenu = (element: HTMLElement) => isTag(element, 'li') && hasClass(element, 'nav-pager');
const isLink = (element: HTMLElement) => isTag(element, 'a');

/** Read a `div.pager-navbar` fragment; relative links resolve against `pageUrl`. */
export function parsePager(pagerHtml: string, pageUrl: string): PagerReading {
  // The parser drops comments by default, so a commented-out range is never counted.
  const root = parse(pagerHtml);
  return { nextPage: readNextPage(root, pageUrl), total: readTotal(root) };
}

function readNextPage(root: HTMLElement, pageUrl: string): string | null {
  const next = findDescendant(root, (element) => isLink(element) && hasRelNext(element));
  if (next === null || hasClass(next, 'disabled')) return null;
  return resolveHttpUrl(next.getAttribute('href'), pageUrl);
}

function hasRelNext(link: HTMLElement): boolean {
  // Blank runs give empty tokens, which are never "next".
  return link.getAttribute('rel')?.toLowerCase().split(/\s/).includes('next') ?? false;
}

// The range menu lists blocks such as "101 - 200" and, further back, grouped ones such as "4001 - 5299":
// the largest upper bound is the number of ads.
function readTotal(root: HTMLElement): number | null {
  const menu = findDescendant(root, isRangeMenu);
  if (menu === null) return null;
  let total: number | null = null;
  const visit = (element: HTMLElement) => {
    for (const child of element.childNodes) {
      if (!isElement(child)) continue;
      if (isLink(child) && (hasClass(child, 'dropdown-item') || hasClass(child, 'dropdown-toggle'))) {
        const upper = upperBound(collapsedText(child));
        if (upper !== null) total = Math.max(total ?? 0, upper);
      } else {
        visit(child);
      }
    }
  };
  visit(menu);
  return total;
}

function upperBound(rangeText: string): number | null {
  const range = RANGE.exec(rangeText);
  if (range?.[2] === undefined) return null;
  const value = Number(range[2].replace(/\D/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}
