import type { PriceKind } from '../domain/ad.js';
import type { PriceChangedEvent } from '../domain/events.js';
import { formatForint } from '../domain/forint.js';
import { roundShare } from '../domain/price-rules.js';
import { type Language, messageStrings } from './strings.js';

/** Between digit groups and before "Ft": non-breaking, so a price never wraps across lines. */
export const PRICE_SPACE = '\u00a0';

/** The typographic minus sign, which reads better than a hyphen in front of an amount. */
const MINUS_SIGN = '\u2212';

/** Which way a price moved, for labels, colours and tags. */
export type PriceMove = 'drop' | 'rise' | 'other';

/** Write a forint amount the Hungarian way: "84 990 Ft" (no sign; callers add one when it matters). */
export function formatAmount(amount: number): string {
  return formatForint(amount, PRICE_SPACE);
}

/** Write what an ad asks: an amount, or the word for wanted / free / swap ads, or the site's own text. */
export function formatPrice(price: number | null, kind: PriceKind, priceText: string, language: Language): string {
  const words = messageStrings[language];
  switch (kind) {
    case 'wanted':
      return words.wanted;
    case 'free':
      return words.free;
    case 'swap':
      return words.swap;
    default:
      if (kind === 'fixed' && price !== null) return formatAmount(price);
      return priceText.trim() === '' ? words.noPrice : priceText.trim();
  }
}

/** Tell a drop from a rise; a change of kind (fixed → free) is neither. */
export function classifyPriceMove(event: PriceChangedEvent): PriceMove {
  if (event.oldPriceKind !== 'fixed' || event.newPriceKind !== 'fixed') return 'other';
  if (event.oldPrice === null || event.newPrice === null || event.oldPrice === event.newPrice) return 'other';
  return event.newPrice < event.oldPrice ? 'drop' : 'rise';
}

/** Write a price change: "180 000 Ft → 170 000 Ft (−10 000 Ft, −5,6 %)", the share written the language's way. */
export function formatPriceChange(event: PriceChangedEvent, language: Language): string {
  const before = formatPrice(event.oldPrice, event.oldPriceKind, event.oldPriceText, language);
  const after = formatPrice(event.newPrice, event.newPriceKind, event.ad.priceText, language);
  if (classifyPriceMove(event) === 'other' || event.oldPrice === null || event.newPrice === null) {
    return `${before} → ${after}`;
  }
  const difference = event.newPrice - event.oldPrice;
  const sign = difference < 0 ? MINUS_SIGN : '+';
  const share =
    event.oldPrice > 0 ? `, ${sign}${formatShare(Math.abs(difference / event.oldPrice) * 100, language)}` : '';
  return `${before} → ${after} (${sign}${formatAmount(difference)}${share})`;
}

/** A percentage with one decimal at most: "5.6 %" in English, "5,6 %" in Hungarian. */
export function formatShare(share: number, language: Language): string {
  const text = roundShare(share);
  return `${language === 'hu' ? text.replace('.', ',') : text}${PRICE_SPACE}%`;
}
