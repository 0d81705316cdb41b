import type { Ad } from '../domain/ad.js';
import { ScrapeError } from '../domain/errors.js';
import type { ListingPage } from '../domain/listing.js';
import type { SiteClient } from './http-client.js';
import { parseListing } from './parse-listing.js';
import { singleSignOnHost } from './redirect-rules.js';

/** What all the pages read for one watch said, merged. */
export interface ListingScrape {
  /** De-duplicated by id across pages; the first occurrence wins (pinned ads repeat on every page). */
  ads: Ad[];
  /** Pages fetched. */
  pages: number;
  /** The site's count of ads in the whole search, when the pager shows it. */
  total: number | null;
  /** True when the last page fetched had no next page: every ad of the search was seen. */
  complete: boolean;
  /** Cards that were on the pages but could not be read, summed over pages. */
  unreadableCards: number;
  /** Where the first page ended up after redirects. */
  finalUrl: string;
}

/** Reads one listing page; `parseListing` unless a test feeds pages itself. */
export type ListingParser = (html: string, pageUrl: string, capturedAt: Date) => ListingPage;

/** Options for `fetchListing`. */
export interface FetchListingOptions {
  /** Most pages to read (default 1). */
  maxPages?: number;
  /** The time the ads' relative times ("ma 16:20") are read against (default: now). */
  capturedAt?: Date;
  signal?: AbortSignal;
  parse?: ListingParser;
}

/**
 * Whether the site dropped a search on the way: `keres.php` was asked for and the redirects ended elsewhere
 * (the category index, the home page, the sign-on host). A `_tc=1` marker on the search URL is normal.
 */
export function isSearchDropped(requestedUrl: string, finalUrl: string): boolean {
  return isSearchUrl(requestedUrl) && !isSearchUrl(finalUrl);
}

/** A page's identity for spotting a pager that points back: the URL without the `_tc` marker or a fragment. */
export function pageIdentity(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  parsed.searchParams.delete('_tc');
  return parsed.href;
}

/**
 * Read a watch's listing pages one after another, following the pager up to `maxPages`.
 *
 * Any failing page fails the whole watch, page 2 onwards included. A partial read would be marked incomplete,
 * but the failure behind it would then go unreported run after run; failing leaves the watch's state as it was
 * (nothing looks gone, nothing is lost) and the next run starts over.
 */
export async function fetchListing(
  client: Pick<SiteClient, 'fetchPage'>,
  watchUrl: string,
  options: FetchListingOptions = {},
): Promise<ListingScrape> {
  const maxPages = Math.max(1, Math.floor(options.maxPages ?? 1));
  const capturedAt = options.capturedAt ?? new Date();
  const parse = options.parse ?? parseListing;
  const fetchOptions = options.signal === undefined ? {} : { signal: options.signal };

  const adsById = new Map<number, Ad>();
  const seenPages = new Set<string>();
  let pages = 0;
  let total: number | null = null;
  let unreadableCards = 0;
  let firstFinalUrl: string | null = null;
  let pageUrl = watchUrl;

  for (;;) {
    const page = await client.fetchPage(pageUrl, fetchOptions);
    pages++;
    seenPages.add(pageIdentity(page.requestedUrl));
    seenPages.add(pageIdentity(page.finalUrl));
    firstFinalUrl ??= page.finalUrl;

    if (isSearchDropped(page.requestedUrl, page.finalUrl)) {
      throw new ScrapeError(
        'search_dropped',
        `the site dropped the search: asked for ${page.requestedUrl}, ended on ${page.finalUrl}`,
        { url: page.finalUrl, status: page.status },
      );
    }
    const listing = parse(page.body, page.finalUrl, capturedAt);
    if (listing.verdict === 'unrecognized') {
      throw new ScrapeError(
        'unrecognized_page',
        `page ${pages} is not a listing page: ${listing.reason ?? 'no reason given'}`,
        { url: page.finalUrl, status: page.status },
      );
    }

    unreadableCards += listing.unreadableCards;
    if (listing.verdict === 'empty') {
      // Nothing beyond an empty block, whatever its pager says; an empty first page is an empty search.
      if (pages === 1) total = 0;
      return result(true);
    }
    for (const ad of listing.ads) if (!adsById.has(ad.id)) adsById.set(ad.id, ad);
    total ??= listing.total;

    const next = listing.nextPage;
    if (next === null) return result(true);
    // A pager pointing back at a page already read would loop; what lies beyond it is unknown.
    if (pages >= maxPages || seenPages.has(pageIdentity(next))) return result(false);
    pageUrl = next;
  }

  function result(complete: boolean): ListingScrape {
    return {
      ads: [...adsById.values()],
      pages,
      total,
      complete,
      unreadableCards,
      finalUrl: firstFinalUrl ?? watchUrl,
    };
  }
}

function isSearchUrl(url: string): boolean {
  const { hostname, pathname } = new URL(url);
  return hostname !== singleSignOnHost && pathname.toLowerCase().endsWith('/keres.php');
}
