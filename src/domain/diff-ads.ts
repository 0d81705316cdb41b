import type { Ad, PriceKind } from './ad.js';
import { MASS_DISAPPEARANCE_MIN_ACTIVE } from './mass-disappearance.js';

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
  /** Iced ("jegelve") when last seen: the seller paused it. */
  iced: boolean;
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
      /** The watch's `below` target the price fell under with this change (set by the price rules). */
      crossedBelow?: number;
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
  /** Ads seen iced last time and listed active now (an ad back from gone counts as reappeared only). */
  reactivated: number[];
  /** Active ads missing from a complete scrape, with their new miss count, not yet gone. */
  missed: Array<{ id: number; missedRuns: number }>;
  /** Active ads that have now been missing for `goneAfterMisses` complete scrapes. */
  gone: number[];
  /**
   * Set when more than half of the watch's active ads are missing from a complete scrape: a page the site changed
   * rather than a sell-out. No miss is recorded then (`missed` and `gone` stay empty).
   */
  massDisappearance: { missing: number; active: number } | null;
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
  /** Record the misses even when most active ads are missing (the disappearance was held often enough). */
  acceptMassDisappearance?: boolean;
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
    reactivated: [],
    missed: [],
    gone: [],
    massDisappearance: null,
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
    else if (previous.iced && !ad.iced) diff.reactivated.push(ad.id);
    const current = ad.priceKind === 'unknown' ? keepKnownPrice(ad, previous) : ad;
    // Only two prices both read are compared: an unreadable one, before or after, is no change of price.
    const bothRead = previous.priceKind !== 'unknown' && current.priceKind !== 'unknown';
    if (bothRead && (previous.price !== current.price || previous.priceKind !== current.priceKind)) {
      diff.repriced.push(current);
      if (!rules.baseline) diff.changes.push({ type: 'price_changed', ad: current, previous });
    } else if (
      previous.title !== current.title ||
      previous.url !== current.url ||
      previous.priceText !== current.priceText ||
      previous.price !== current.price ||
      previous.priceKind !== current.priceKind ||
      previous.iced !== current.iced
    ) {
      diff.edited.push(current);
    } else {
      diff.unchanged.push(current);
    }
  }
  if (rules.complete) {
    let active = 0;
    for (const ad of known.values()) {
      if (ad.gone) continue;
      active += 1;
      if (scrapedIds.has(ad.id)) continue;
      const missedRuns = ad.missedRuns + 1;
      if (missedRuns >= rules.goneAfterMisses) diff.gone.push(ad.id);
      else diff.missed.push({ id: ad.id, missedRuns });
    }
    const missing = diff.gone.length + diff.missed.length;
    if (active >= MASS_DISAPPEARANCE_MIN_ACTIVE && missing * 2 > active && rules.acceptMassDisappearance !== true) {
      diff.massDisappearance = { missing, active };
      diff.gone = [];
      diff.missed = [];
    }
  }
  return diff;
}

// An unreadable price keeps the last one read, so the next readable one is compared with what was known.
function keepKnownPrice(ad: Ad, previous: KnownAd): Ad {
  if (previous.priceKind === 'unknown') return ad;
  return { ...ad, price: previous.price, priceKind: previous.priceKind, priceText: previous.priceText };
}
