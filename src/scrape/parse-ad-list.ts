import type { Ad } from '../domain/ad.js';
import { contentOf, type ElementSpan, findElement, hasAttribute, readClass } from './listing-markup-query.js';
import { hasClassToken } from './listing-markup-scan.js';
import { removeComments } from './listing-markup-text.js';
import { type CardContext, parseAdCard } from './parse-ad-card.js';

/** What the `div.uad-list` block holds. */
export interface AdListReading {
  ads: Ad[];
  /** Items that look like ad cards (`li.media` or `li[data-uadid]`), read or not. */
  cardCount: number;
  /** Why each unreadable card could not be read, one entry per card. */
  problems: string[];
  /** Items that are neither ad cards nor the list's block headers (`<li><h3>…</h3></li>`). */
  strayItems: number;
  /** The list holds more items than any listing page does; nothing was read. */
  overflowing: boolean;
}

/**
 * The most items a list may hold before it is judged not to be a listing page: the site shows at most 200 ads
 * a page, plus a few block headers. Reading a flood of tiny fake cards would only cost time.
 */
export const MAX_LIST_ITEMS = 1000;

const LIST_TAGS = /<!--|<(\/?)(li|ul|ol)(?=[\s/>])/gi;

/** Read the ads out of the source of the `div.uad-list` element. */
export function parseAdList(listHtml: string, context: CardContext): AdListReading {
  const reading: AdListReading = { ads: [], cardCount: 0, problems: [], strayItems: 0, overflowing: false };
  const items = listItems(listHtml, MAX_LIST_ITEMS);
  if (items.length > MAX_LIST_ITEMS) return { ...reading, overflowing: true };
  for (const item of items) {
    // Each item is queried on its own copy, so a search for something the item lacks stops at its end. Every
    // card carries `<!--<div class="media-body">-->`; without comments the queries need not step around them.
    const itemSource = removeComments(listHtml.slice(item.start, item.end));
    const itemElement = elementInCopy(item, itemSource.length);
    if (isAdCard(itemSource, itemElement)) {
      reading.cardCount += 1;
      const card = parseAdCard(itemSource, itemElement, context);
      if ('ad' in card) reading.ads.push(card.ad);
      else reading.problems.push(card.problem);
    } else if (findElement(itemSource, contentOf(itemElement), 'h3') === null) {
      reading.strayItems += 1;
    }
  }
  return reading;
}

// The item's own copy starts at 0 and is shorter by the comments removed from its content.
function elementInCopy(item: ElementSpan, copyLength: number): ElementSpan {
  const openEnd = Math.min(item.openEnd - item.start, copyLength);
  const closingTagLength = item.end - item.innerEnd;
  return {
    tagName: item.tagName,
    start: 0,
    openEnd,
    innerEnd: Math.max(openEnd, copyLength - closingTagLength),
    end: copyLength,
    closed: item.closed,
  };
}

function isAdCard(source: string, item: ElementSpan): boolean {
  return hasClassToken(readClass(source, item), 'media') || hasAttribute(source, item, 'data-uadid');
}

/**
 * The outermost `li` elements of the list: the cards and the block headers. An item left open ends where the
 * next one starts or where its list ends, as a browser would close it; lists nested inside an item stay in it.
 * Stops once more than `maxItems` are found.
 */
export function listItems(source: string, maxItems = Number.POSITIVE_INFINITY): ElementSpan[] {
  const items: ElementSpan[] = [];
  let open: { start: number; openEnd: number } | null = null;
  let nestedLists = 0;
  const close = (innerEnd: number, end: number, closed = false) => {
    if (open !== null) items.push({ tagName: 'li', ...open, innerEnd, end, closed });
    open = null;
    nestedLists = 0;
  };

  LIST_TAGS.lastIndex = 0;
  for (let match = LIST_TAGS.exec(source); match !== null; match = LIST_TAGS.exec(source)) {
    // One past the limit is enough to tell the caller the list is too long.
    if (items.length > maxItems) return items;
    if (match[0] === '<!--') {
      const commentEnd = source.indexOf('-->', match.index + 4);
      if (commentEnd < 0) break;
      LIST_TAGS.lastIndex = commentEnd + 3;
      continue;
    }
    const closing = match[1] === '/';
    const isItem = match[2]?.toLowerCase() === 'li';
    const tagEnd = source.indexOf('>', match.index);
    const afterTag = tagEnd < 0 ? source.length : tagEnd + 1;
    // Go on after this tag's `>`: a tag full of `<li` look-alikes is read once, not once per look-alike.
    LIST_TAGS.lastIndex = afterTag;
    if (open === null) {
      if (isItem && !closing) open = { start: match.index, openEnd: afterTag };
    } else if (!isItem) {
      if (!closing) nestedLists += 1;
      else if (nestedLists > 0) nestedLists -= 1;
      else close(match.index, match.index);
    } else if (nestedLists === 0) {
      if (closing) {
        close(match.index, afterTag, true);
      } else {
        close(match.index, match.index);
        open = { start: match.index, openEnd: afterTag };
      }
    }
  }
  close(source.length, source.length);
  return items;
}
