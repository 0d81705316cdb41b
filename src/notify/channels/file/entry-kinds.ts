import type { AdEvent } from '../../../domain/events.js';
import type { AdSummary } from '../../ad-summary.js';

/**
 * The event kinds a feed shows, each with the price line of its entry. A kind recorded but not listed here (an
 * alert, a lifecycle event) is left out of feeds.
 */
export const FEED_ENTRY_KINDS = {
  new_ad: (summary: AdSummary) => summary.price,
  price_changed: (summary: AdSummary) => summary.price,
  reposted: (summary: AdSummary) => summary.price,
} satisfies { [K in AdEvent['type']]?: (summary: AdSummary) => string };

/** An event kind feeds show. */
export type FeedEventType = keyof typeof FEED_ENTRY_KINDS;

/** The event kinds feeds are made of, for the queries that read them. */
export const FEED_EVENT_TYPES = Object.keys(FEED_ENTRY_KINDS) as FeedEventType[];
