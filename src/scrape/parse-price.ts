import type { PriceKind } from '../domain/ad.js';

/** A card's price as a number of forints (when it has one) and the kind of price it shows. */
export interface ParsedPrice {
  price: number | null;
  priceKind: PriceKind;
}

// Thousands may be separated by ASCII, no-break (U+00A0) or narrow no-break (U+202F) spaces.
const WHOLE_FORINTS = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)\s*Ft\.?$/i;
// The price column abbreviates millions with a decimal comma: "1,5M Ft", "3,00M Ft".
const MILLION_FORINTS = /^(\d+(?:[,.]\d+)?)\s*M\s*Ft\.?$/i;

const WORD_PRICES = new Map<string, PriceKind>([
  ['keresem', 'wanted'],
  ['ingyenes', 'free'],
  ['csere', 'swap'],
]);

/** Read a price text as shown on a card ("84 990 Ft", "1,5M Ft", "Keresem", "Ingyenes", "Csere"). */
export function parsePrice(priceText: string): ParsedPrice {
  const text = priceText.replace(/[\s\u00a0\u202f\ufeff]+/g, ' ').trim();
  const word = WORD_PRICES.get(text.toLowerCase());
  if (word !== undefined) return { price: null, priceKind: word };

  const whole = WHOLE_FORINTS.exec(text);
  if (whole?.[1] !== undefined) {
    const forints = Number(whole[1].replace(/\D/g, ''));
    if (Number.isSafeInteger(forints)) return { price: forints, priceKind: 'fixed' };
  }

  const millions = MILLION_FORINTS.exec(text);
  if (millions?.[1] !== undefined) {
    const forints = Math.round(Number(millions[1].replace(',', '.')) * 1_000_000);
    if (Number.isSafeInteger(forints)) return { price: forints, priceKind: 'fixed' };
  }

  return { price: null, priceKind: 'unknown' };
}
