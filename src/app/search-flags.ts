import { UserError } from '../domain/errors.js';
import { buildSearchUrl } from '../domain/search-url.js';

/** `add` options that build the search URL (see cli/filter-options.ts). */
export interface SearchFlags {
  search?: string;
  category?: string;
  excludeWords?: string;
  titleOnly?: boolean;
  shipping?: boolean;
  minPrice?: number;
  maxPrice?: number;
  /** false for --no-iced. */
  iced?: boolean;
  /** false for --no-wanted. */
  wanted?: boolean;
}

const SEARCH_ONLY = ['category', 'excludeWords', 'titleOnly', 'shipping'] as const;

/**
 * The URL to watch: the one given, or the search built from --search. The bounds, --no-iced and --no-wanted go into
 * the search as well, so the site leaves those ads out and fewer pages are read.
 */
export function watchUrlFrom(url: string | undefined, flags: SearchFlags): string {
  if (flags.search === undefined) {
    const stray = SEARCH_ONLY.find((key) => flags[key] !== undefined);
    if (stray !== undefined) {
      throw new UserError(`--${stray.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} goes with --search`, {
        hint: "e.g. pyhabot add --search 'rtx 3080' --category hardver/videokartya",
      });
    }
    if (url === undefined) {
      throw new UserError('give the address of a search page, or --search with the text to search', {
        hint: "e.g. pyhabot add --search 'rtx 3080' --max-price 150000",
      });
    }
    return url;
  }
  if (url !== undefined) {
    throw new UserError('give either a URL or --search, not both', { hint: 'see `pyhabot add --help`' });
  }
  return buildSearchUrl({
    text: flags.search,
    ...(flags.category === undefined ? {} : { category: flags.category }),
    ...(flags.minPrice === undefined ? {} : { minPrice: flags.minPrice }),
    ...(flags.maxPrice === undefined ? {} : { maxPrice: flags.maxPrice }),
    ...(flags.excludeWords === undefined ? {} : { excludeWords: flags.excludeWords }),
    noIced: flags.iced === false,
    offeredOnly: flags.wanted === false,
    titleOnly: flags.titleOnly === true,
    shipping: flags.shipping === true,
  });
}
