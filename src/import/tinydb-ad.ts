import type { Ad } from '../domain/ad.js';
import { formatForint } from '../domain/forint.js';
import { parsePrice } from '../scrape/parse-price.js';
import type { PricePoint, SeenAd } from '../store/import-repo.js';
import { type FieldReader, isIntegerAtLeast, layoutError, shapeError } from './file-shape.js';

const SITE_ORIGIN = 'https://hardverapro.hu';
const PRICE_EXPECTED = 'a price (a whole number of forints, a price text or null)';
const DIGITS_ONLY = /^\d{1,3}(?:[ \u00a0\u202f.]\d{3})+$|^\d+$/;

/** One ad of the 2025 fork's `advertisements` table, with the watch it belongs to. */
export interface TinyDbAd {
  watchId: number;
  seen: SeenAd;
}

/**
 * Read one entry of the `advertisements` table. TinyDB stores each ad under its HardverApró id; an `id` field
 * that says otherwise means the file was edited by hand, and no guess is made about which one is right.
 */
export function readTinyDbAd(key: string, entry: FieldReader): TinyDbAd {
  if (!/^\d+$/.test(key) || Number(key) < 1 || !Number.isSafeInteger(Number(key))) {
    throw layoutError(entry.source, `${entry.where} is not stored under a HardverApró ad id (a whole number)`);
  }
  const id = Number(key);
  const innerId = entry.optionalInteger('id', 1);
  if (innerId !== undefined && innerId !== id) throw entry.error('id', `${id}, the id it is stored under`);
  const watchId = entry.value('watch_id');
  if (!isIntegerAtLeast(watchId, 0)) throw entry.error('watch_id', 'the id of a watch (a whole number)');

  const current = readPrice(entry.source, entry.path('price'), entry.value('price'));
  const previousPrices = readPreviousPrices(entry);
  const city = entry.optionalString('city');
  const date = entry.optionalString('date');
  const ad: Ad = {
    id,
    title: entry.optionalString('title') ?? '',
    url: absoluteUrl(entry.optionalString('url')) ?? '',
    ...current,
    cities: city === undefined ? [] : splitCities(city),
    timeText: date === undefined || date === 'pinned' ? '' : date,
    postedAt: null,
    pinned: entry.optionalBoolean('pinned') ?? date === 'pinned',
    featured: false,
    iced: false,
    ribbon: null,
    seller: {
      name: entry.optionalString('seller_name') ?? '',
      url: absoluteUrl(entry.optionalString('seller_url')),
      rating: readRating(entry),
      business: false,
    },
    image: absoluteUrl(entry.optionalString('image')),
    imageLarge: null,
  };
  return { watchId, seen: { ad, previousPrices, gone: entry.optionalBoolean('active') === false } };
}

/** A price as the fork stored it: a number of forints, a price text ("170 000 Ft", "Keresem") or null. */
export function readPrice(source: string, where: string, value: unknown): PricePoint {
  if (value === null || value === undefined) return { price: null, priceKind: 'unknown', priceText: '' };
  if (typeof value === 'number') {
    if (!isIntegerAtLeast(value, 0)) throw shapeError(source, where, PRICE_EXPECTED, value);
    return { price: value, priceKind: 'fixed', priceText: formatForint(value) };
  }
  if (typeof value !== 'string') throw shapeError(source, where, PRICE_EXPECTED, value);
  const text = value.trim();
  if (DIGITS_ONLY.test(text)) {
    const forints = Number(text.replace(/\D/g, ''));
    if (Number.isSafeInteger(forints)) return { price: forints, priceKind: 'fixed', priceText: formatForint(forints) };
  }
  // The listing parser's reading, so a check finds the same price and kind and reports no change.
  return { ...parsePrice(text), priceText: text };
}

function readPreviousPrices(entry: FieldReader): PricePoint[] {
  const value = entry.value('prev_prices');
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw entry.error('prev_prices', 'a list of prices');
  return value
    .map((price: unknown, index) => readPrice(entry.source, `${entry.path('prev_prices')}.${index}`, price))
    .filter((point) => point.priceText !== '');
}

/** "+139" or 139 → 139; "n.a." → null. */
function readRating(entry: FieldReader): number | null {
  const value = entry.value('seller_rates');
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw entry.error('seller_rates', 'a rating text such as "+139"');
  const match = /^([+-]?)\s*(\d+)$/.exec(value.trim());
  if (match === null) return null;
  const rating = Number(match[2]);
  return match[1] === '-' ? -rating : rating;
}

/** The fork kept site-relative and protocol-relative addresses as the page had them. */
function absoluteUrl(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (text.startsWith('//')) return `https:${text}`;
  if (text.startsWith('/')) return `${SITE_ORIGIN}${text}`;
  return text;
}

function splitCities(text: string): string[] {
  return text
    .split(',')
    .map((city) => city.trim())
    .filter((city) => city !== '');
}
