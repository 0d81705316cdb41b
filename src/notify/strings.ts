/** Languages notification messages can be written in. */
export type Language = 'en' | 'hu';

/** Every user-facing word a notification uses, in one language. */
export interface MessageStrings {
  newAds(count: number): string;
  priceChanges(count: number): string;
  /** Joins the counted parts of a headline with the watch name. */
  headline(parts: string[], watchName: string): string;
  newAd: string;
  priceDrop: string;
  priceRise: string;
  priceChange: string;
  price: string;
  location: string;
  seller: string;
  posted: string;
  wanted: string;
  free: string;
  swap: string;
  noPrice: string;
  noRating: string;
  business: string;
  watch: string;
  andMore(count: number): string;
  /** Follows a price change that brought the ad under the filter's maxPrice ("150 000 Ft"). */
  nowUnderLimit(limit: string): string;
  /** Follows a price change that brought the ad under the watch's `below` target ("150 000 Ft"). */
  underTarget(target: string): string;
  /** The lowest price the ad was seen at ("165 000 Ft"). */
  lowestSeen(price: string): string;
  /** Counts lifecycle events in a headline. */
  lifecycleEvents(count: number): string;
  reactivated: string;
  reappeared: string;
  gone: string;
  /** Follows a gone ad's last price: how long it was listed. */
  listedFor(count: number, unit: 'day' | 'hour' | 'minute'): string;
  lastPrice: string;
  /** Opens the headline of notifications that waited for quiet hours to end or for a digest. */
  digest: string;
}

/** The string table: one entry per language, both complete. */
export const messageStrings = {
  en: {
    newAds: (count) => `${count} new ${count === 1 ? 'ad' : 'ads'}`,
    priceChanges: (count) => `${count} price ${count === 1 ? 'change' : 'changes'}`,
    headline: (parts, watchName) => `${parts.join(' and ')} for ${watchName}`,
    newAd: 'New ad',
    priceDrop: 'Price drop',
    priceRise: 'Price increase',
    priceChange: 'Price change',
    price: 'Price',
    location: 'Location',
    seller: 'Seller',
    posted: 'Posted',
    wanted: 'Wanted',
    free: 'Free',
    swap: 'Swap',
    noPrice: 'no price',
    noRating: 'no rating',
    business: 'business',
    watch: 'Watch',
    andMore: (count) => `… and ${count} more`,
    nowUnderLimit: (limit) => `now under your ${limit} limit`,
    underTarget: (target) => `under your ${target} target`,
    lowestSeen: (price) => `lowest seen ${price}`,
    lifecycleEvents: (count) => `${count} ad ${count === 1 ? 'update' : 'updates'}`,
    reactivated: 'Active again',
    reappeared: 'Listed again',
    gone: 'Gone',
    listedFor: (count, unit) => `listed for ${count} ${unit}${count === 1 ? '' : 's'}`,
    lastPrice: 'Last price',
    digest: 'Digest',
  },
  hu: {
    // Hungarian nouns stay singular after a numeral: "3 új hirdetés".
    newAds: (count) => `${count} új hirdetés`,
    priceChanges: (count) => `${count} árváltozás`,
    headline: (parts, watchName) => `${watchName}: ${parts.join(' és ')}`,
    newAd: 'Új hirdetés',
    priceDrop: 'Árcsökkenés',
    priceRise: 'Áremelkedés',
    priceChange: 'Árváltozás',
    price: 'Ár',
    location: 'Hely',
    seller: 'Hirdető',
    posted: 'Feladva',
    wanted: 'Keresem',
    free: 'Ingyenes',
    swap: 'Csere',
    noPrice: 'nincs ár',
    noRating: 'nincs értékelés',
    business: 'üzleti',
    watch: 'Figyelő',
    andMore: (count) => `… és még ${count}`,
    nowUnderLimit: (limit) => `most már ${limit} alatt`,
    underTarget: (target) => `a célárad (${target}) alatt`,
    lowestSeen: (price) => `eddigi legalacsonyabb ${price}`,
    lifecycleEvents: (count) => `${count} hirdetésfrissítés`,
    reactivated: 'Újra aktív',
    reappeared: 'Újra listázva',
    gone: 'Eltűnt',
    listedFor: (count, unit) => `${count} ${{ day: 'napig', hour: 'óráig', minute: 'percig' }[unit]} volt fent`,
    lastPrice: 'Utolsó ár',
    digest: 'Összefoglaló',
  },
} satisfies Record<Language, MessageStrings>;
