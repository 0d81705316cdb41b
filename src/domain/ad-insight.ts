import type { Ad, PriceKind } from './ad.js';
import type { AdChange } from './diff-ads.js';

/** One price an ad was seen at. */
export interface PricePoint {
  adId: number;
  price: number | null;
  priceKind: PriceKind;
  priceText: string;
  seenAt: string;
}

/** What a re-posted ad repeats: the earlier listing of the same item by the same seller. */
export interface RepostContext {
  /** The earlier ad this one repeats (the most recent one, when the seller re-posted more than once). */
  earlierAdId: number;
  earlierUrl: string;
  /** When the item was first listed: the first sighting of the oldest ad in the chain of re-posts. */
  firstSeenAt: string;
  /** Whole days from `firstSeenAt` to the check that found the re-post. */
  daysAgo: number;
  /** Every price the item was seen at across its earlier listings, oldest first. */
  priceHistory: PricePoint[];
}

/** Where an asking price stands among the prices a watch recorded recently. */
export interface PriceContext {
  /** Median of the trimmed sample, in forints. */
  median: number;
  /** Percentile rank of the price in the trimmed sample, 0–100, rounded. */
  percentile: number;
  /** Priced ads in the sample before trimming. */
  sample: number;
  /** Length of the look-back window in days. */
  days: number;
}

/** A change that passed the filters, with what the watch's history says about it. */
export type NotedChange =
  | (Extract<AdChange, { type: 'new_ad' }> & { repost?: RepostContext; context?: PriceContext })
  | (Extract<AdChange, { type: 'price_changed' }> & { context?: PriceContext })
  | {
      type: 'reposted';
      ad: Ad;
      repost: RepostContext;
      context?: PriceContext;
      /** False when the watch records re-posts without notifying them. */
      notify: boolean;
    };
