import type { Ad, PriceKind } from './ad.js';

/** What a watch remembers about an ad it has seen. */
export interface KnownAd {
  id: number;
  title: string;
  url: string;
  price: number | null;
  priceKind: PriceKind;
  priceText: string;
  missedRuns: number;
  gone: boolean;
}

/** A change worth telling the user about. */
export type AdChange =
  | { type: 'new_ad'; ad: Ad }
  | {
      type: 'price_changed';
      ad: Ad;
      previous: Pick<KnownAd, 'price' | 'priceKind' | 'priceText'>;
      /** The maxPrice bound the ad was over and is now under (set by the filter screening). */
      nowUnderLimit?: number;
    };

/** Everything one successful scrape means for a watch's memory. */
export interface AdDiff {
  /** Changes to report (empty when the scrape only records a baseline). */
  changes: AdChange[];
  /** Ads never seen before (recorded whether or not they are reported). */
  firstSeen: Ad[];
  /** Seen ads whose price or price kind changed (price history grows). */
  repriced: Ad[];
  /** Seen ads with the same price whose title, link or price text changed (their stored card is replaced). */
  edited: Ad[];
  /** Seen ads with the same price, title and link (only their last-seen time moves on). */
  unchanged: Ad[];
  /** Ads that had been marked gone and are listed again. */
  reappeared: number[];
  /** Active ads missing from a complete scrape, with their new miss count, not yet gone. */
  missed: Array<{ id: number; missedRuns: number }>;
  /** Active ads that have now been missing for `goneAfterMisses` complete scrapes. */
  gone: number[];
}

/** How this scrape should be read. */
export interface DiffRules {
  /** True when every ad of the search was seen (no further page left unread). */
  complete: boolean;
  /** Record what is there without reporting it (the first check of a watch). */
  baseline: boolean;
  goneAfterMisses: number;
  /** Ads with an id at or below this were seen before (carried over from an import). */
  seenUpToId: number | null;
}

/** Compare a scrape with what the watch remembers: new ads, price changes, reappearances and misses. */
export function diffAds(known: ReadonlyMap<number, KnownAd>, scraped: readonly Ad[], rules: DiffRules): AdDiff {
  const diff: AdDiff = {
    changes: [],
    firstSeen: [],
    repriced: [],
    edited: [],
    unchanged: [],
    reappeared: [],
    missed: [],
    gone: [],
  };
  const scrapedIds = new Set<number>();
  for (const ad of scraped) {
    if (scrapedIds.has(ad.id)) continue;
    scrapedIds.add(ad.id);
    const previous = known.get(ad.id);
    if (!previous) {
      diff.firstSeen.push(ad);
      const seenBefore = rules.seenUpToId !== null && ad.id <= rules.seenUpToId;
      if (!rules.baseline && !seenBefore) diff.changes.push({ type: 'new_ad', ad });
      continue;
    }
    if (previous.gone) diff.reappeared.push(ad.id);
    if (previous.price !== ad.price || previous.priceKind !== ad.priceKind) {
      diff.repriced.push(ad);
      if (!rules.baseline) diff.changes.push({ type: 'price_changed', ad, previous });
    } else if (previous.title !== ad.title || previous.url !== ad.url || previous.priceText !== ad.priceText) {
      diff.edited.push(ad);
    } else {
      diff.unchanged.push(ad);
    }
  }
  if (rules.complete) {
    for (const ad of known.values()) {
      if (ad.gone || scrapedIds.has(ad.id)) continue;
      const missedRuns = ad.missedRuns + 1;
      if (missedRuns >= rules.goneAfterMisses) diff.gone.push(ad.id);
      else diff.missed.push({ id: ad.id, missedRuns });
    }
  }
  return diff;
}
