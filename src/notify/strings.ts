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
  /** Headline part for re-posts notified apart. */
  reposts(count: number): string;
  /** Label of a re-post notified apart. */
  reposted: string;
  /** "re-posted; first listed 34 days ago at 45 000 Ft, now 40 000 Ft"; `firstPrice` null when none was recorded. */
  repostNote(daysAgo: number, firstPrice: string | null, nowPrice: string): string;
  /** "12 % below the median of 37 ads (90 days), in the cheapest quarter". */
  priceContextNote(note: {
    direction: 'below' | 'above' | 'at';
    percent: number;
    quarter: 'cheapest' | 'dearest' | null;
    sample: number;
    days: number;
  }): string;
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
    reposts: (count) => `${count} ${count === 1 ? 're-post' : 're-posts'}`,
    reposted: 'Re-posted',
    repostNote: (daysAgo, firstPrice, nowPrice) => {
      const when = daysAgo === 0 ? 'today' : `${daysAgo} ${daysAgo === 1 ? 'day' : 'days'} ago`;
      const first = firstPrice === null ? '' : ` at ${firstPrice}`;
      const now = firstPrice === nowPrice ? ', same price' : `, now ${nowPrice}`;
      return `re-posted; first listed ${when}${first}${now}`;
    },
    priceContextNote: ({ direction, percent, quarter, sample, days }) => {
      const where = direction === 'at' ? 'at the median' : `${percent} % ${direction} the median`;
      const part = quarter === null ? '' : `, in the ${quarter} quarter`;
      return `${where} of ${sample} ads (${days} ${days === 1 ? 'day' : 'days'})${part}`;
    },
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
    reposts: (count) => `${count} újra feladott hirdetés`,
    reposted: 'Újra feladva',
    repostNote: (daysAgo, firstPrice, nowPrice) => {
      const when = daysAgo === 0 ? 'ma' : `${daysAgo} napja`;
      const first = firstPrice === null ? '' : `, ${firstPrice} áron`;
      const now = firstPrice === nowPrice ? ', azonos áron' : `, most ${nowPrice}`;
      return `újra feladva; először ${when}${first}${now}`;
    },
    priceContextNote: ({ direction, percent, quarter, sample, days }) => {
      const where =
        direction === 'at' ? 'a mediánon' : `${percent} %-kal a medián ${direction === 'below' ? 'alatt' : 'felett'}`;
      const part = quarter === null ? '' : `, a ${quarter === 'cheapest' ? 'legolcsóbb' : 'legdrágább'} negyedben`;
      return `${where} (${sample} hirdetés, ${days} nap)${part}`;
    },
  },
} satisfies Record<Language, MessageStrings>;
