import type { Ad } from './ad.js';

/** How the parser judged a page: a listing with ads, a recognised listing with none, or anything else. */
export type ListingVerdict = 'results' | 'empty' | 'unrecognized';

/** The result of parsing one listing page. */
export interface ListingPage {
  verdict: ListingVerdict;
  /** Why the page was judged `unrecognized` (or a note on partial reads); null when there is nothing to say. */
  reason: string | null;
  ads: Ad[];
  nextPage: string | null;
  total: number | null;
  /** Cards that exist on the page but could not be read. */
  unreadableCards: number;
}
