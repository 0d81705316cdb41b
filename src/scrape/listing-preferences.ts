/** Sort orders the site offers on listing pages: newest, recently bumped (the site's default), cheap first, dear first. */
export type ListingOrder = 'time' | 'lstup' | 'price';

/** Sort direction: ascending or descending. */
export type ListingDirection = 'a' | 'd';

/** Ads per page the site offers. */
export type ListingBlockSize = 25 | 50 | 100 | 200;

/** How much of each card the site shows. */
export type ListingView = 'large' | 'normal' | 'compact';

/** How listing pages should be sorted and cut into pages; the site keeps this as a cookie, not in the URL. */
export interface ListingPreference {
  order: ListingOrder;
  dir: ListingDirection;
  blockSize: ListingBlockSize;
  /** Defaults to `normal`, the view the parser is written against. */
  view?: ListingView;
}

/** The cookie the site reads listing preferences from. */
export const listingPreferenceCookieName = 'prf_ls_uad';

/** The cookie value for a preference, e.g. `time.d.200.normal`. */
export function formatListingPreference(preference: ListingPreference): string {
  return [preference.order, preference.dir, preference.blockSize, preference.view ?? 'normal'].join('.');
}
