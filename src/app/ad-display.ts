import type { Ad } from '../domain/ad.js';
import { formatForint } from '../domain/forint.js';
import { displayText } from './display-text.js';

/** What an ad asks, in pyhabot's words: "84 990 Ft", "wanted", "free", "swap", or the site's text made safe. */
export function describeAdPrice(ad: Pick<Ad, 'price' | 'priceKind' | 'priceText'>): string {
  switch (ad.priceKind) {
    case 'wanted':
    case 'free':
    case 'swap':
      return ad.priceKind;
    default:
      if (ad.priceKind === 'fixed' && ad.price !== null) return formatForint(ad.price);
      return displayText(ad.priceText).trim() || '-';
  }
}

/** The card's flags in pyhabot's words: "pinned,business", or "-". */
export function describeAdFlags(ad: Pick<Ad, 'pinned' | 'featured' | 'iced' | 'seller'>): string {
  const flags = [ad.pinned && 'pinned', ad.featured && 'featured', ad.iced && 'iced', ad.seller.business && 'business'];
  return flags.filter(Boolean).join(',') || '-';
}
