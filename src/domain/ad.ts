/** What a listing card says about the price. */
export type PriceKind = 'fixed' | 'wanted' | 'free' | 'swap' | 'unknown';

/** The seller as a listing card shows them. */
export interface Seller {
  name: string;
  /** Absolute URL of the seller's profile or shop, or null when the card links none. */
  url: string | null;
  /** Count of positive reviews; null for "n.a.". Negative when the site shows a negative score. */
  rating: number | null;
  business: boolean;
}

/** One ad as read from a listing page. Field names are part of the JSON output contract. */
export interface Ad {
  id: number;
  title: string;
  url: string;
  price: number | null;
  priceText: string;
  priceKind: PriceKind;
  cities: string[];
  timeText: string;
  /** ISO 8601 with the Europe/Budapest offset, or null when the card shows no time (pinned ads). */
  postedAt: string | null;
  pinned: boolean;
  featured: boolean;
  iced: boolean;
  ribbon: string | null;
  seller: Seller;
  image: string | null;
  imageLarge: string | null;
}
