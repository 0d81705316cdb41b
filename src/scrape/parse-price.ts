import type { PriceKind } from '../domain/ad.js';

/** A card's price as a number of forints (when it has one) and the kind of price it shows. */
export interface ParsedPrice {
  price: number | null;
  priceKind: PriceKind;
}

// The site writes "84 990 Ft". A site-wide change of spelling must read as the same number, not as a new price
// of every ad, so every plausible way of writing a forint amount is accepted: thousands separated by a space, a
// no-break, narrow no-break or thin space, a dot or an apostrophe; a ",-" or ",00" ending; "Ft", "Ft.", "HUF" or
// "forint" before or after it, or none; a trailing dash.
const CURRENCY = String.raw`(?:ft\.?|huf|forint)`;
const GROUPED = String.raw`\d{1,3}(?:[ .'](?:\d{3}))+`;
const WHOLE_FORINTS = new RegExp(
  String.raw`^(?:${CURRENCY} ?)?(${GROUPED}|\d+)(?:,(?:-|0{1,2}))? ?(?:${CURRENCY})? ?-?$`,
  'i',
);
// The price column abbreviates millions with a decimal comma: "1,5M Ft", "3,00M Ft".
const MILLION_FORINTS = new RegExp(String.raw`^(\d+(?:[,.]\d+)?) ?m(?:illió)? ?(?:${CURRENCY})? ?-?$`, 'i');
// Every kind of space the site could put between digits, folded to one ASCII space before matching.
const SPACES = /[\s\u00a0\u2007\u2009\u202f\ufeff]+/g;
// Longer texts are no price at all; the bound keeps the matching cheap on hostile pages.
const MAX_PRICE_TEXT = 64;

const WORD_PRICES = new Map<string, PriceKind>([
  ['keresem', 'wanted'],
  ['ingyenes', 'free'],
  ['ingyen', 'free'],
  ['csere', 'swap'],
]);

/**
 * Read a price text as shown on a card ("84 990 Ft", "84.990 HUF", "1,5M Ft", "Keresem", "Ingyenes", "Csere");
 * anything else is `unknown`, an unreadable price that is never taken for a change of price.
 */
export function parsePrice(priceText: string): ParsedPrice {
  if (priceText.length > MAX_PRICE_TEXT) return { price: null, priceKind: 'unknown' };
  const text = priceText.replace(SPACES, ' ').trim();
  const word = WORD_PRICES.get(text.toLowerCase().replace(/[.!]$/, ''));
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
