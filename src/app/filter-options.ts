import type { AdFilter, WatchFilter } from '../domain/ad-filter.js';
import { normalizeFilter } from '../domain/ad-filter.js';
import { UserError } from '../domain/errors.js';
import { compileFilter } from '../domain/filter-ad.js';
import { PatternError } from '../domain/title-pattern.js';

/** Filter options as commander hands them over (see cli/filter-options.ts). */
export interface FilterFlags {
  exclude?: string[];
  require?: string[];
  minPrice?: number;
  maxPrice?: number;
  keepUnpriced?: boolean;
  /** false for --no-wanted, true for --wanted (edit), undefined when not given (true on add: commander's default). */
  wanted?: boolean;
  iced?: boolean;
  promoted?: boolean;
  businessOnly?: boolean;
  privateOnly?: boolean;
  anySeller?: boolean;
  minRating?: number;
  blockSeller?: string[];
  allowSeller?: string[];
  city?: string[];
  globalFilter?: boolean;
  clearExclude?: boolean;
  clearRequire?: boolean;
  clearPrice?: boolean;
  clearRating?: boolean;
  clearSellers?: boolean;
  clearCities?: boolean;
  clearFilter?: boolean;
}

/** True when any filter option was given (on add, `--no-x` options default to true, so only false counts). */
export function hasFilterFlags(flags: FilterFlags): boolean {
  const given = (value: unknown) => value !== undefined && value !== false;
  return (
    [
      flags.exclude,
      flags.require,
      flags.minPrice,
      flags.maxPrice,
      flags.keepUnpriced,
      flags.businessOnly,
      flags.privateOnly,
      flags.anySeller,
      flags.minRating,
      flags.blockSeller,
      flags.allowSeller,
      flags.city,
      flags.clearExclude,
      flags.clearRequire,
      flags.clearPrice,
      flags.clearRating,
      flags.clearSellers,
      flags.clearCities,
      flags.clearFilter,
    ].some(given) ||
    flags.wanted === false ||
    flags.iced === false ||
    flags.promoted === false ||
    flags.globalFilter === false
  );
}

/**
 * Apply filter options to a watch's filter: clearing first, then lists grow, bounds and switches are replaced.
 * Throws a UserError (exit 2) for a pattern or bounds that cannot be used.
 */
export function applyFilterFlags(current: WatchFilter, flags: FilterFlags): WatchFilter {
  const own: AdFilter = flags.clearFilter ? {} : { ...current.own };
  if (flags.clearExclude) delete own.exclude;
  if (flags.clearRequire) delete own.require;
  if (flags.clearPrice) {
    delete own.minPrice;
    delete own.maxPrice;
    delete own.keepUnpriced;
  }
  if (flags.clearRating) delete own.minRating;
  if (flags.clearSellers) {
    delete own.blockSellers;
    delete own.allowSellers;
  }
  if (flags.clearCities) delete own.cities;
  const append = (list: string[] | undefined, added: string[] | undefined) =>
    added === undefined ? list : [...(list ?? []), ...added];
  own.exclude = append(own.exclude, flags.exclude);
  own.require = append(own.require, flags.require);
  own.blockSellers = append(own.blockSellers, flags.blockSeller);
  own.allowSellers = append(own.allowSellers, flags.allowSeller);
  own.cities = append(own.cities, flags.city);
  if (flags.minPrice !== undefined) own.minPrice = flags.minPrice;
  if (flags.maxPrice !== undefined) own.maxPrice = flags.maxPrice;
  if (flags.keepUnpriced) own.keepUnpriced = true;
  if (flags.minRating !== undefined) own.minRating = flags.minRating;
  if (flags.wanted !== undefined) own.dropWanted = !flags.wanted;
  if (flags.iced !== undefined) own.dropIced = !flags.iced;
  if (flags.promoted !== undefined) own.dropPinned = !flags.promoted;
  if (flags.anySeller) delete own.sellerKind;
  if (flags.businessOnly) own.sellerKind = 'business';
  if (flags.privateOnly) own.sellerKind = 'private';
  const filter = normalizeFilter(own);
  checkFilter(filter);
  const useGlobal = flags.clearFilter ? true : current.useGlobal;
  return { own: filter, useGlobal: flags.globalFilter === undefined ? useGlobal : flags.globalFilter };
}

/** Throw a UserError (exit 2) when a filter cannot be used. */
export function checkFilter(filter: AdFilter): void {
  try {
    compileFilter(filter, 'watch');
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw new UserError(`bad filter: ${error.message}`, {
      hint: 'words match whole and ignore accents (hibas = hibás); end a word with * for any ending; /…/ is a regular expression',
    });
  }
}
