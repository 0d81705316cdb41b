/** Which sellers a filter keeps by kind. */
export type SellerKind = 'business' | 'private';

/**
 * What a user wants to see of a search. Every field is optional; an empty filter keeps every ad. Field names are
 * part of the config file and the JSON output contract.
 */
export interface AdFilter {
  /** Drop an ad whose title holds any of these words, phrases (`alkatr*` wildcards) or `/regex/`. */
  exclude?: string[];
  /** Drop an ad whose title lacks any of these. */
  require?: string[];
  /** Forints; ads cheaper than this are dropped. */
  minPrice?: number;
  /** Forints; ads dearer than this are dropped. */
  maxPrice?: number;
  /** Keep ads without a price (Keresem, Csere) even when a price bound is set. */
  keepUnpriced?: boolean;
  /** Drop wanted ads (price "Keresem"). */
  dropWanted?: boolean;
  /** Drop iced ads ("jegelve"). */
  dropIced?: boolean;
  /** Drop promoted ads ("Előresorolva"). */
  dropPinned?: boolean;
  /** Keep only business sellers, or only private ones. */
  sellerKind?: SellerKind;
  /** Drop sellers with fewer positive reviews than this ("n.a." counts as 0). */
  minRating?: number;
  /** Drop ads of these sellers (their name as the site shows it, case-insensitive). */
  blockSellers?: string[];
  /** Keep only ads of these sellers. */
  allowSellers?: string[];
  /** Keep only ads listing one of these places; "Budapest" also covers its districts ("XIII. kerület"). */
  cities?: string[];
}

/** The filter keys, in the order they are documented and shown. */
export const FILTER_KEYS = [
  'exclude',
  'require',
  'minPrice',
  'maxPrice',
  'keepUnpriced',
  'dropWanted',
  'dropIced',
  'dropPinned',
  'sellerKind',
  'minRating',
  'blockSellers',
  'allowSellers',
  'cities',
] as const satisfies ReadonlyArray<keyof AdFilter>;

/** What a watch filters: its own filter, and whether the config's global one applies too. */
export interface WatchFilter {
  own: AdFilter;
  useGlobal: boolean;
}

/** True when the filter has nothing set (it keeps every ad). */
export function isEmptyFilter(filter: AdFilter): boolean {
  return FILTER_KEYS.every((key) => {
    const value = filter[key];
    return value === undefined || value === false || (Array.isArray(value) && value.length === 0);
  });
}

/** A copy without unset, false or empty entries, keys in documented order: what is stored and shown. */
export function normalizeFilter(filter: AdFilter): AdFilter {
  const result: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === false) continue;
    if (Array.isArray(value)) {
      const unique = [...new Set(value.map((entry) => entry.trim()).filter((entry) => entry.length > 0))];
      if (unique.length > 0) result[key] = unique;
      continue;
    }
    result[key] = value;
  }
  return result as AdFilter;
}

/** True when two watch filters hold the same settings, however their lists were written (order of keys, repeats). */
export function sameWatchFilter(a: WatchFilter, b: WatchFilter): boolean {
  return (
    a.useGlobal === b.useGlobal && JSON.stringify(normalizeFilter(a.own)) === JSON.stringify(normalizeFilter(b.own))
  );
}
