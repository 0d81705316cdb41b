import type { Seller } from '../domain/ad.js';
import type { NotificationItem, WatchRef } from '../domain/events.js';
import { listedDuration } from '../domain/listed-duration.js';
import { classifyPriceMove, formatAmount, formatPrice, formatPriceChange } from './format-price.js';
import { nameWatches } from './headline.js';
import { insightNotes } from './insight-notes.js';
import { type Language, messageStrings } from './strings.js';

/** What kind of news one item is, for labels, colours and tags. */
export type ItemKind = 'new' | 'drop' | 'rise' | 'change' | 'reactivated' | 'reappeared' | 'gone' | 'repost';

/** One item in words, before any channel escapes or trims it. */
export interface AdSummary {
  itemId: number;
  kind: ItemKind;
  /** "New ad", "Price drop", … */
  label: string;
  title: string;
  /** The ad's address when it is a usable http(s) URL; services reject messages with broken links. */
  url: string | null;
  /** The asking price, or for a price change "180 000 Ft → 170 000 Ft (−10 000 Ft)". */
  price: string;
  /** Cities joined with commas; empty when the card names none. */
  location: string;
  /** "name (+12)", "name (+3, business)", "name (no rating)". */
  seller: string;
  /** Budapest wall-clock time "2025-01-10 18:05", else the site's own time text, else empty. */
  posted: string;
  /** The posting time as a UTC ISO string, for fields services render in the reader's time zone. */
  postedAtIso: string | null;
  /** Thumbnail address when it is a usable http(s) URL. */
  image: string | null;
  watch: WatchRef;
  /** What the watch's history says: the re-post line, the price context line; empty when it says nothing. */
  notes: string[];
}

/** Whether a string is an absolute http(s) URL a service will accept as a link. */
export function isHttpUrl(value: string | null | undefined): value is string {
  return normaliseHttpUrl(value) !== null;
}

/** The URL in its canonical form (quotes and angle brackets percent-encoded), or null when it is not http(s). */
function normaliseHttpUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Put one notification item into words in the chosen language. */
export function summariseItem(item: NotificationItem, language: Language): AdSummary {
  const words = messageStrings[language];
  const { event } = item;
  const { ad } = event;
  let kind: ItemKind = 'new';
  let price: string;
  if (event.type === 'price_changed') {
    const move = classifyPriceMove(event);
    kind = move === 'other' ? 'change' : move;
    price = formatPriceChange(event, language);
    if (event.nowUnderLimit !== undefined) price += `, ${words.nowUnderLimit(formatAmount(event.nowUnderLimit))}`;
    if (event.crossedBelow !== undefined) price += `, ${words.underTarget(formatAmount(event.crossedBelow))}`;
    if (event.lowestPrice !== undefined) price += `, ${words.lowestSeen(formatAmount(event.lowestPrice))}`;
  } else {
    price = formatPrice(ad.price, ad.priceKind, ad.priceText, language);
    if (event.type === 'reposted') kind = 'repost';
    else if (event.type !== 'new_ad') kind = event.type;
    if (event.type === 'gone') {
      const listed = listedDuration(event.firstSeenAt, event.lastSeenAt);
      price = `${words.lastPrice}: ${price}${listed === null ? '' : `, ${words.listedFor(listed.count, listed.unit)}`}`;
    }
  }
  const labels: Record<ItemKind, string> = {
    new: words.newAd,
    drop: words.priceDrop,
    rise: words.priceRise,
    change: words.priceChange,
    reactivated: words.reactivated,
    reappeared: words.reappeared,
    gone: words.gone,
    repost: words.reposted,
  };
  return {
    itemId: item.id,
    kind,
    label: labels[kind],
    title: ad.title.trim() === '' ? `#${ad.id}` : ad.title.trim(),
    url: normaliseHttpUrl(ad.url),
    price,
    location: ad.cities.join(', '),
    seller: describeSeller(ad.seller, language),
    posted: describePosted(ad.postedAt, ad.timeText),
    postedAtIso: toUtcIso(ad.postedAt),
    image: normaliseHttpUrl(ad.image),
    // An event several watches found names them all ("gpu, gpu-budapest").
    watch: item.watches === undefined ? event.watch : { ...event.watch, name: nameWatches([item]) },
    notes: insightNotes(event, language),
  };
}

function describeSeller(seller: Seller, language: Language): string {
  const words = messageStrings[language];
  const rating =
    seller.rating === null ? words.noRating : seller.rating > 0 ? `+${seller.rating}` : String(seller.rating);
  const details = seller.business ? `${rating}, ${words.business}` : rating;
  const name = seller.name.trim();
  return name === '' ? details : `${name} (${details})`;
}

function describePosted(postedAt: string | null, timeText: string): string {
  // The stored string already carries Budapest wall-clock time; reading it directly avoids the host's time zone.
  const match = postedAt === null ? null : /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(postedAt);
  if (match) return `${match[1]} ${match[2]}`;
  return timeText.trim();
}

function toUtcIso(postedAt: string | null): string | null {
  if (postedAt === null) return null;
  const time = Date.parse(postedAt);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
