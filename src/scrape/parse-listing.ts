import type { Ad } from '../domain/ad.js';
import type { ListingPage } from '../domain/listing.js';
import {
  completeElement,
  type ElementSpan,
  findTagWithClass,
  locateElementWithClass,
  wholeSource,
} from './listing-markup-scan.js';
import {
  closingHtmlTagIndex,
  detectOldLayout,
  hasNoResultsMessage,
  looksLikeHtml,
  looksLikeInterstitial,
  looksLikeJson,
  missingPageMarkers,
} from './listing-recognition.js';
import { pageBase, pageOrigin } from './listing-urls.js';
import { MAX_LIST_ITEMS, parseAdList } from './parse-ad-list.js';
import { type PagerReading, parsePager } from './parse-pager.js';

// A real pager bar is about 6 kB; reading at most this much of one keeps a hostile pager (megabytes of nesting
// or digits) from costing more than a real one.
const PAGER_READ_LIMIT = 64_000;
const LIST_START = /^\s*<ul(?=[\s>])/i;
const DIV_CLOSE = /^\s*<\/div\s*>/i;
const NOT_BLANK = /\S/;

/**
 * Read a HardverApró listing page: its ads, the next page and the total, and a verdict on whether the page was a
 * listing at all. Pure and synchronous; never throws, whatever the input.
 */
export function parseListing(html: string, pageUrl: string, capturedAt: Date): ListingPage {
  try {
    return readListing(html, pageUrl, capturedAt);
  } catch (error) {
    // A bug here must surface as an unrecognised page, never as "no ads" and never as a crash of the whole run.
    return unrecognized(`internal parser error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readListing(html: string, pageUrl: string, capturedAt: Date): ListingPage {
  if (typeof html !== 'string' || !NOT_BLANK.test(html)) return unrecognized('empty body');
  if (!looksLikeHtml(html)) {
    return unrecognized(looksLikeJson(html) ? 'not an HTML page (looks like JSON)' : 'not an HTML page');
  }
  const closingHtml = closingHtmlTagIndex(html);
  if (closingHtml < 0) return unrecognized('page is truncated: no closing </html>');

  const oldLayout = detectOldLayout(html);
  if (oldLayout !== null) return unrecognized(`old layout (${oldLayout})`);

  const missing = missingPageMarkers(html);
  if (missing.length > 0) return unrecognized(describeMissingMarkers(html, missing));

  const base = pageBase(pageUrl);
  const list = locateAdList(html);
  if (list === null) {
    return hasNoResultsMessage(html)
      ? emptyListing(readPager(html, locateElementWithClass(html, 'div', 'pager-navbar'), base))
      : unrecognized('no ad list (div.uad-list) and no "nincs egy találat" message');
  }
  if (!list.closed || list.end > closingHtml) return unrecognized('page is truncated: the ad list is not closed');

  const reading = parseAdList(html.slice(list.start, list.end), { origin: pageOrigin(pageUrl), capturedAt });
  if (reading.overflowing)
    return unrecognized(`the ad list holds more than ${MAX_LIST_ITEMS} items: not a listing page`);
  const pagers = locatePagers(html, list);
  const pager = readPager(html, pagers.top ?? pagers.bottom, base);

  if (reading.cardCount === 0) {
    if (hasNoResultsMessage(html)) return emptyListing(pager);
    if (reading.strayItems > 0) {
      return unrecognized(`the ad list holds ${reading.strayItems} item(s) that are not ad cards`);
    }
    return emptyListing(pager);
  }

  const unreadable = reading.problems.length;
  if (unreadable * 2 > reading.cardCount) {
    return {
      ...unrecognized(`${describeUnreadable(reading.problems, reading.cardCount)}: the card layout has changed`),
      unreadableCards: unreadable,
    };
  }
  if (pagers.top !== null && pagers.bottom === null) {
    return { ...unrecognized('page is truncated: no pager after the ad list'), unreadableCards: unreadable };
  }
  const unreadablePrices = reading.ads.filter((ad) => ad.priceKind === 'unknown');
  if (unreadablePrices.length * 2 > reading.ads.length) {
    return {
      ...unrecognized(
        `${describeUnreadablePrices(unreadablePrices, reading.ads.length)}: the price format has changed`,
      ),
      unreadableCards: unreadable,
    };
  }
  const notes = [
    unreadable > 0 ? describeUnreadable(reading.problems, reading.cardCount) : null,
    unreadablePrices.length > 0 ? describeUnreadablePrices(unreadablePrices, reading.ads.length) : null,
  ].filter((note) => note !== null);
  const reason = notes.length > 0 ? notes.join('; ') : null;
  return { verdict: 'results', reason, ads: reading.ads, ...pager, unreadableCards: unreadable };
}

// A list with no cards is an empty search only when the page does not count ads elsewhere: a pager saying
// "5299" beside an empty list is a page the parser no longer understands.
function emptyListing(pager: PagerReading): ListingPage {
  if (pager.total !== null && pager.total > 0) {
    return unrecognized(`the ad list is empty but the pager counts ${pager.total} ads`);
  }
  return listing('empty', null, pager);
}

function describeUnreadablePrices(ads: readonly Ad[], adCount: number): string {
  const example = ads[0]?.priceText ?? '';
  const shown = example.length > 40 ? `${example.slice(0, 40)}…` : example;
  return `${ads.length} of ${adCount} prices could not be read (such as ${JSON.stringify(shown)})`;
}

// The cards sit in one `ul` right inside `div.uad-list`. Ending the list where that `ul` and then the div close
// keeps a stray unclosed `<div>` inside one card from stretching the list over the rest of the page.
function locateAdList(html: string): ElementSpan | null {
  const opening = findTagWithClass(html, wholeSource(html), 'div', 'uad-list');
  if (opening === null) return null;
  const listStart = LIST_START.exec(html.slice(opening.openEnd, opening.openEnd + 1000));
  if (listStart !== null) {
    const ulStart = opening.openEnd + listStart[0].length - 3;
    const ulOpenEnd = html.indexOf('>', ulStart) + 1;
    const ul =
      ulOpenEnd > 0 ? completeElement(html, { tagName: 'ul', start: ulStart, openEnd: ulOpenEnd }, html.length) : null;
    const divClose = ul?.closed === true ? DIV_CLOSE.exec(html.slice(ul.end, ul.end + 1000)) : null;
    if (ul !== null && divClose !== null) {
      const end = ul.end + divClose[0].length;
      return {
        ...ul,
        tagName: 'div',
        start: opening.start,
        openEnd: opening.openEnd,
        innerEnd: ul.end + divClose[0].indexOf('<'),
        end,
      };
    }
  }
  return completeElement(html, opening, html.length);
}

function locatePagers(html: string, list: ElementSpan): { top: ElementSpan | null; bottom: ElementSpan | null } {
  const first = locateElementWithClass(html, 'div', 'pager-navbar');
  const top = first !== null && first.start < list.start ? first : null;
  const bottom = locateElementWithClass(html, 'div', 'pager-navbar', list.end);
  return { top, bottom };
}

function readPager(html: string, pager: ElementSpan | null, base: string): PagerReading {
  if (pager === null) return { nextPage: null, total: null };
  // An unclosed pager still yields its links; the bound keeps the parse small.
  const end = Math.min(pager.end, pager.start + PAGER_READ_LIMIT);
  return parsePager(html.slice(pager.start, end), base);
}

function listing(verdict: 'empty', reason: string | null, pager: PagerReading): ListingPage {
  return { verdict, reason, ads: [], ...pager, unreadableCards: 0 };
}

function unrecognized(reason: string): ListingPage {
  return { verdict: 'unrecognized', reason, ads: [], nextPage: null, total: null, unreadableCards: 0 };
}

function describeMissingMarkers(html: string, missing: string[]): string {
  const what =
    missing.length === 4
      ? 'no HardverApró listing markers'
      : `not a HardverApró listing page (missing ${missing.join(', ')})`;
  return looksLikeInterstitial(html) ? `${what}; looks like a consent or challenge page` : what;
}

function describeUnreadable(problems: string[], cardCount: number): string {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  const details = [...counts].map(([problem, count]) => `${count} with ${problem}`).join(', ');
  return `${problems.length} of ${cardCount} ad cards could not be read (${details})`;
}
