import type { Ad } from '../domain/ad.js';
import type { PriceContext, RepostContext } from '../domain/ad-insight.js';
import type { AdEvent } from '../domain/events.js';
import { priceStanding } from '../domain/price-context.js';
import { formatPrice } from './format-price.js';
import { type Language, messageStrings } from './strings.js';

/** "re-posted; first listed 34 days ago at 45 000 Ft, now 40 000 Ft". */
export function describeRepost(repost: RepostContext, ad: Ad, language: Language): string {
  const first = repost.priceHistory[0];
  const firstPrice = first === undefined ? null : formatPrice(first.price, first.priceKind, first.priceText, language);
  const nowPrice = formatPrice(ad.price, ad.priceKind, ad.priceText, language);
  return messageStrings[language].repostNote(repost.daysAgo, firstPrice, nowPrice);
}

/** "12 % below the median of 37 ads (90 days), in the cheapest quarter". */
export function describePriceContext(price: number, context: PriceContext, language: Language): string {
  return messageStrings[language].priceContextNote({
    ...priceStanding(price, context),
    sample: context.sample,
    days: context.days,
  });
}

/** What the watch's history says about an event: the listing it repeats, where its price stands; lifecycle events say neither. */
export function insightOf(event: AdEvent): { repost?: RepostContext; context?: PriceContext } {
  const repost = event.type === 'new_ad' || event.type === 'reposted' ? event.repost : undefined;
  const context =
    event.type === 'new_ad' || event.type === 'reposted' || event.type === 'price_changed' ? event.context : undefined;
  return { ...(repost === undefined ? {} : { repost }), ...(context === undefined ? {} : { context }) };
}

/** The history lines of an event, re-post first: empty for an event without any. */
export function insightNotes(event: AdEvent, language: Language): string[] {
  const { repost, context } = insightOf(event);
  const notes: string[] = [];
  if (repost !== undefined) notes.push(describeRepost(repost, event.ad, language));
  if (context !== undefined && event.ad.price !== null) {
    notes.push(describePriceContext(event.ad.price, context, language));
  }
  return notes;
}
