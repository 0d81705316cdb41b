import type { ResolvedConfig } from '../config/schema.js';
import type { NotedChange, PriceContext, RepostContext } from '../domain/ad-insight.js';
import type { AdChange } from '../domain/diff-ads.js';
import type { AdEvent } from '../domain/events.js';
import {
  DEFAULT_PRICE_CONTEXT_DAYS,
  DEFAULT_PRICE_CONTEXT_MIN_SAMPLE,
  type PreparedSample,
  prepareSample,
  priceContextIn,
} from '../domain/price-context.js';
import {
  DEFAULT_REPOST_WINDOW_DAYS,
  matchRepost,
  prepareCandidates,
  type SellerCandidates,
  sellerKey,
  wholeDaysBetween,
} from '../domain/repost-match.js';
import type { RepostRule } from '../domain/watch-rules.js';
import {
  listSellerAds,
  loadListingHistory,
  loadPriceSample,
  markRepost,
  type SellerAd,
} from '../store/insight-repo.js';
import type { Db } from '../store/open-db.js';

/** The settings that shape what a check says about a change; each has a default. */
export type InsightSettings = Partial<
  Pick<ResolvedConfig, 'repostWindowDays' | 'priceContextDays' | 'priceContextMinSample'>
>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Add what the watch's history says to each change that passed the filters and rules: a new ad that repeats an
 * earlier listing becomes a re-post (labelled, its own event, or recorded silently, as `repostRule` says), and a
 * priced new ad or price drop gets its price context. Reads only rows recorded before `now`, so it may run before
 * or after the check's own ads are written; it writes nothing (see `recordReposts`).
 */
export function noteChanges(
  db: Db,
  watchId: number,
  changes: readonly AdChange[],
  settings: InsightSettings,
  now: Date,
  repostRule: RepostRule,
): NotedChange[] {
  const days = settings.priceContextDays ?? DEFAULT_PRICE_CONTEXT_DAYS;
  const minSample = settings.priceContextMinSample ?? DEFAULT_PRICE_CONTEXT_MIN_SAMPLE;
  const windowDays = settings.repostWindowDays ?? DEFAULT_REPOST_WINDOW_DAYS;
  // Read once per watch and only when some change can use it: most checks of most watches report nothing.
  let sample: PreparedSample | null = null;
  const contextOf = (price: number, exclude: number[]): PriceContext | null => {
    if (days === 0) return null;
    sample ??= prepareSample(
      loadPriceSample(db, watchId, { since: new Date(now.getTime() - days * DAY_MS), before: now }),
    );
    return priceContextIn(sample, price, { days, minSample, exclude: new Set(exclude) });
  };
  // Every new ad of a seller is matched against the same earlier ads: read and prepared once per seller and check.
  const sellers = new Map<string, SellerCandidates<SellerAd>>();
  const candidatesOf = (sellerName: string): SellerCandidates<SellerAd> => {
    const key = sellerKey(sellerName);
    let prepared = sellers.get(key);
    if (prepared === undefined) {
      const since = new Date(now.getTime() - windowDays * DAY_MS);
      prepared = prepareCandidates(sellerName, listSellerAds(db, watchId, sellerName, { since, before: now }));
      sellers.set(key, prepared);
    }
    return prepared;
  };
  return changes.map((change): NotedChange => {
    const { ad } = change;
    const priced = ad.priceKind === 'fixed' && ad.price !== null && ad.price > 0 ? ad.price : null;
    if (change.type === 'price_changed') {
      const dropped = priced !== null && change.previous.price !== null && priced < change.previous.price;
      const context = dropped ? contextOf(priced, [ad.id]) : null;
      return context === null ? change : { ...change, context };
    }
    const repost = windowDays === 0 ? null : findRepost(db, watchId, change.ad, candidatesOf, now, windowDays);
    const context = priced === null ? null : contextOf(priced, repost === null ? [ad.id] : [ad.id, repost.earlierAdId]);
    const withContext = context === null ? {} : { context };
    if (repost === null) return { ...change, ...withContext };
    if (repostRule === 'label') return { ...change, repost, ...withContext };
    return { type: 'reposted', ad, repost, ...withContext, notify: repostRule === 'notify' };
  });
}

/** Link each re-posted ad of these events to the ad it repeats; call it once the check's ads are written. */
export function recordReposts(db: Db, watchId: number, events: readonly AdEvent[]): void {
  for (const event of events) {
    const repost = event.type === 'reposted' || event.type === 'new_ad' ? event.repost : undefined;
    if (repost !== undefined) markRepost(db, watchId, event.ad.id, repost.earlierAdId);
  }
}

function findRepost(
  db: Db,
  watchId: number,
  ad: AdChange['ad'],
  candidatesOf: (sellerName: string) => SellerCandidates<SellerAd>,
  now: Date,
  windowDays: number,
): RepostContext | null {
  if (ad.seller.name.trim() === '') return null;
  const probe = { id: ad.id, title: ad.title, sellerName: ad.seller.name };
  const earlier = matchRepost(probe, candidatesOf(ad.seller.name), now, windowDays);
  if (earlier === null) return null;
  const history = loadListingHistory(db, watchId, earlier.id);
  const firstSeenAt = history?.firstSeenAt ?? earlier.firstSeenAt;
  return {
    earlierAdId: earlier.id,
    earlierUrl: earlier.url,
    firstSeenAt,
    daysAgo: wholeDaysBetween(firstSeenAt, now),
    priceHistory: history?.priceHistory ?? [],
  };
}
