import type { Ad } from './ad.js';
import type { AdFilter } from './ad-filter.js';
import { foldText } from './fold-text.js';
import { compileTitlePattern, PatternError, prepareTitle, type TitlePattern } from './title-pattern.js';

/** Keep the ad, or drop it and say which rule did. */
export type FilterVerdict = { keep: true } | { keep: false; rule: string };

/** A filter with its patterns compiled once, to run over many ads. */
export interface CompiledFilter {
  /** Quoted in front of every rule ("global", "watch"), so the user knows which filter dropped the ad. */
  label: string;
  filter: AdFilter;
  exclude: TitlePattern[];
  require: TitlePattern[];
  blockSellers: Set<string>;
  allowSellers: Set<string> | null;
  cities: Set<string> | null;
}

const KEEP: FilterVerdict = { keep: true };

/** Compile a filter; throws PatternError for a pattern that cannot be used. */
export function compileFilter(filter: AdFilter, label: string): CompiledFilter {
  if (filter.minPrice !== undefined && filter.maxPrice !== undefined && filter.minPrice > filter.maxPrice) {
    throw new PatternError(`minPrice ${filter.minPrice} is above maxPrice ${filter.maxPrice}: no ad could pass`);
  }
  const names = (list: string[] | undefined) => new Set((list ?? []).map((name) => foldText(name.trim())));
  return {
    label,
    filter,
    exclude: (filter.exclude ?? []).map(compileTitlePattern),
    require: (filter.require ?? []).map(compileTitlePattern),
    blockSellers: names(filter.blockSellers),
    allowSellers: filter.allowSellers?.length ? names(filter.allowSellers) : null,
    cities: filter.cities?.length ? names(filter.cities) : null,
  };
}

/** Run filters in turn (the global one, then the watch's own): the first rule that drops the ad decides. */
export function filterAd(filters: readonly CompiledFilter[], ad: Ad): FilterVerdict {
  for (const compiled of filters) {
    const rule = dropRule(compiled, ad);
    if (rule !== null) return { keep: false, rule: `${compiled.label}: ${rule}` };
  }
  return KEEP;
}

function dropRule(compiled: CompiledFilter, ad: Ad): string | null {
  const { filter } = compiled;
  if (filter.dropWanted && ad.priceKind === 'wanted') return 'wanted ad (Keresem)';
  if (filter.dropIced && ad.iced) return 'iced ad';
  if (filter.dropPinned && ad.pinned) return 'promoted ad (Előresorolva)';
  const priceRule = checkPrice(filter, ad);
  if (priceRule !== null) return priceRule;
  const sellerRule = checkSeller(compiled, ad);
  if (sellerRule !== null) return sellerRule;
  if (compiled.cities && !ad.cities.some((city) => cityMatches(compiled.cities as Set<string>, city))) {
    return `not in ${(filter.cities ?? []).join(', ')}`;
  }
  if (compiled.exclude.length === 0 && compiled.require.length === 0) return null;
  const title = prepareTitle(ad.title);
  for (const pattern of compiled.exclude) {
    if (pattern.matches(title)) return `title has "${pattern.source}"`;
  }
  for (const pattern of compiled.require) {
    if (!pattern.matches(title)) return `title lacks "${pattern.source}"`;
  }
  return null;
}

/** The price a bound is compared with: "Ingyenes" is 0 Ft; Keresem, Csere and unreadable prices have none. */
export function comparablePrice(ad: Pick<Ad, 'price' | 'priceKind'>): number | null {
  if (ad.priceKind === 'free') return 0;
  return ad.priceKind === 'fixed' ? ad.price : null;
}

function checkPrice(filter: AdFilter, ad: Ad): string | null {
  if (filter.minPrice === undefined && filter.maxPrice === undefined) return null;
  const price = comparablePrice(ad);
  if (price === null) return filter.keepUnpriced ? null : `no price (${ad.priceText || ad.priceKind})`;
  if (filter.minPrice !== undefined && price < filter.minPrice) return `under minPrice ${filter.minPrice} Ft`;
  if (filter.maxPrice !== undefined && price > filter.maxPrice) return `over maxPrice ${filter.maxPrice} Ft`;
  return null;
}

function checkSeller(compiled: CompiledFilter, ad: Ad): string | null {
  const { filter } = compiled;
  if (filter.sellerKind === 'business' && !ad.seller.business) return 'private seller';
  if (filter.sellerKind === 'private' && ad.seller.business) return 'business seller';
  if (filter.minRating !== undefined && (ad.seller.rating ?? 0) < filter.minRating) {
    const shown = ad.seller.rating === null ? 'n.a.' : String(ad.seller.rating);
    return `seller rating ${shown} under ${filter.minRating}`;
  }
  if (compiled.blockSellers.size === 0 && compiled.allowSellers === null) return null;
  const name = foldText(ad.seller.name.trim());
  if (compiled.blockSellers.has(name)) return `blocked seller ${ad.seller.name}`;
  if (compiled.allowSellers && !compiled.allowSellers.has(name)) return `seller ${ad.seller.name} not allowed`;
  return null;
}

// The site writes Budapest districts without the city: "XIII. kerület".
const BUDAPEST_DISTRICT = /^[ivxl]+\. ?kerulet$/;

function cityMatches(wanted: Set<string>, city: string): boolean {
  const folded = foldText(city.trim());
  if (wanted.has(folded)) return true;
  return wanted.has('budapest') && BUDAPEST_DISTRICT.test(folded);
}
