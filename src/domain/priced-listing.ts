/** One ad's time on a watch's listing and the prices it asked meanwhile: what price statistics are made of. */
export interface PricedListing {
  adId: number;
  /** When the watch first saw the ad (ISO 8601). */
  firstSeenAt: string;
  /** When the watch last saw it listed (ISO 8601). */
  lastSeenAt: string;
  /** Still listed at the last check. */
  active: boolean;
  /**
   * Every price the ad asked, in the order seen, each from when it was first seen; null while it asked no
   * forint amount (wanted, swap, free, unreadable).
   */
  prices: Array<{ price: number | null; seenAt: string }>;
}

/** The price an ad asked at a moment (the last one seen before it), or null when it asked none then. */
export function priceAt(listing: PricedListing, moment: number): number | null {
  let price: number | null = null;
  for (const entry of listing.prices) {
    if (Date.parse(entry.seenAt) >= moment) break;
    price = entry.price;
  }
  return price;
}

/** The price an ad asks now (its last one seen), or null. */
export function latestPrice(listing: PricedListing): number | null {
  return listing.prices.at(-1)?.price ?? null;
}
