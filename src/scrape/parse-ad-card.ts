import type { Ad, Seller } from '../domain/ad.js';
import {
  contentOf,
  type ElementSpan,
  findElement,
  readAttribute,
  readClass,
  readText,
  type SourceRange,
} from './listing-markup-query.js';
import { hasClassToken } from './listing-markup-scan.js';
import { resolveHttpUrl, resolveImageUrl } from './listing-urls.js';
import { parseAdTime } from './parse-ad-time.js';
import { parsePrice } from './parse-price.js';

/** What a card parse needs to know about the page it came from. */
export interface CardContext {
  /** Origin of the page (with a trailing slash); relative links resolve against it. */
  origin: string;
  capturedAt: Date;
}

/** One card read: the ad, or why the card could not be read. */
export type CardReading = { ad: Ad } | { problem: string };

const PINNED_TEXT = 'Előresorolva';
const NO_IMAGE = /\/noimage(?:\.[a-z0-9]+)*\.(?:png|gif|jpe?g|svg|webp)(?:[?#].*)?$/i;
const RATING = /^([+\-\u2212]?)\s*(\d{1,9})$/;
const AD_ID = /^\d{1,15}$/;

/**
 * Read one `li.media[data-uadid]` card of the current ("uad-col") layout from `source` (comments removed).
 * Every field is found by tag name and class token inside its column (title, price, info), never by position.
 */
export function parseAdCard(source: string, card: ElementSpan, context: CardContext): CardReading {
  const idText = readAttribute(source, card, 'data-uadid')?.trim() ?? '';
  const id = AD_ID.test(idText) ? Number(idText) : Number.NaN;
  if (!Number.isSafeInteger(id)) return { problem: 'no ad id' };

  const inCard = contentOf(card);
  const titleColumn = findElement(source, inCard, '*', 'uad-col-title');
  const heading = titleColumn === null ? null : findElement(source, contentOf(titleColumn), 'h1');
  // The link, never the whole heading: the heading also holds "– ma 16:20" or "– Előresorolva".
  const titleLink = heading === null ? null : findElement(source, contentOf(heading), 'a');
  const title = titleLink === null ? '' : readText(source, titleLink);
  if (title === '') return { problem: 'no title' };

  const imageLink = findElement(source, inCard, 'a', 'uad-image');
  const url =
    resolveHttpUrl(titleLink === null ? undefined : readAttribute(source, titleLink, 'href'), context.origin) ??
    resolveHttpUrl(imageLink === null ? undefined : readAttribute(source, imageLink, 'href'), context.origin);
  if (url === null) return { problem: 'no link' };

  const priceColumn = findElement(source, inCard, '*', 'uad-col-price');
  const priceText = readPriceText(source, titleColumn, priceColumn);
  const { price, priceKind } = parsePrice(priceText);

  const infoColumn = findElement(source, inCard, '*', 'uad-col-info');
  const inInfo = infoColumn === null ? inCard : contentOf(infoColumn);
  const timeBlock = findElement(source, inInfo, '*', 'uad-time');
  const time = timeBlock === null ? null : findElement(source, contentOf(timeBlock), 'time');
  const timeText = time === null ? '' : readText(source, time);
  const pinned =
    timeText.includes(PINNED_TEXT) ||
    (time !== null && findElement(source, contentOf(time), 'span', 'fa-sort-amount-up') !== null);
  const cities = findElement(source, inInfo, '*', 'uad-cities');
  const cardClass = readClass(source, card);
  const image = readImage(source, imageLink, context.origin);

  const ad: Ad = {
    id,
    title,
    url,
    price,
    priceText,
    priceKind,
    cities: cities === null ? [] : splitCities(readText(source, cities)),
    timeText,
    postedAt: pinned ? null : parseAdTime(timeText, context.capturedAt),
    pinned,
    featured: hasClassToken(cardClass, 'featured'),
    iced: hasClassToken(cardClass, 'uad-status-iced') || findElement(source, inCard, '*', 'uad-price-iced') !== null,
    ribbon: readRibbon(source, imageLink),
    seller: readSeller(source, inInfo, hasClassToken(cardClass, 'uad-business-user'), context.origin),
    image: image.thumbnail,
    imageLarge: image.large,
  };
  return { ad };
}

// Only the span: iced ads put "<small>… jegelve</small>" next to it inside the same price block. The title
// column comes first because the price column abbreviates millions ("1,65M Ft").
function readPriceText(source: string, ...columns: (ElementSpan | null)[]): string {
  for (const column of columns) {
    const block = column === null ? null : findElement(source, contentOf(column), '*', 'uad-price');
    const span = block === null ? null : findElement(source, contentOf(block), 'span', 'text-nowrap');
    const text = span === null ? '' : readText(source, span);
    if (text !== '') return text;
  }
  return '';
}

function splitCities(text: string): string[] {
  return text
    .split(',')
    .map((city) => city.trim())
    .filter((city) => city !== '');
}

function readRibbon(source: string, imageLink: ElementSpan | null): string | null {
  const ribbon = imageLink === null ? null : findElement(source, contentOf(imageLink), 'div', 'uad-corner-ribbon');
  const label = ribbon === null ? null : findElement(source, contentOf(ribbon), 'span');
  const text = label === null ? '' : readText(source, label);
  return text === '' ? null : text;
}

function readSeller(source: string, inInfo: SourceRange, businessCard: boolean, origin: string): Seller {
  const userText = findElement(source, inInfo, '*', 'uad-user-text');
  const inUserText = userText === null ? null : contentOf(userText);
  const link = inUserText === null ? null : findElement(source, inUserText, 'a');
  // Not "the first span": for business sellers that is the empty icon.
  const ratingSpan = inUserText === null ? null : findElement(source, inUserText, 'span', 'uad-rating');
  const businessIcon = inUserText === null ? null : findElement(source, inUserText, 'span', 'user-business-icon');
  return {
    name: link === null ? '' : readText(source, link),
    url: link === null ? null : resolveHttpUrl(readAttribute(source, link, 'href'), origin),
    rating: ratingSpan === null ? null : readRating(readText(source, ratingSpan)),
    business: businessCard || businessIcon !== null,
  };
}

/** "+139" → 139, "-3" → -3; null for "n.a." and anything else. */
function readRating(text: string): number | null {
  const rating = RATING.exec(text);
  if (rating?.[2] === undefined) return null;
  const magnitude = Number(rating[2]);
  const negative = rating[1] === '-' || rating[1] === '\u2212';
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

// Ads without a picture show the site's "noimage" placeholders, which are no picture of the ad.
function readImage(
  source: string,
  imageLink: ElementSpan | null,
  origin: string,
): { thumbnail: string | null; large: string | null } {
  const img = imageLink === null ? null : findElement(source, contentOf(imageLink), 'img');
  const src = img === null ? undefined : readAttribute(source, img, 'src');
  if (img === null || src === undefined || NO_IMAGE.test(src.trim())) return { thumbnail: null, large: null };
  const retina = readAttribute(source, img, 'data-retina-url');
  return {
    thumbnail: resolveImageUrl(src, origin),
    large: retina === undefined || NO_IMAGE.test(retina.trim()) ? null : resolveImageUrl(retina, origin),
  };
}
