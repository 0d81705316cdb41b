import type { AdFilter, WatchFilter } from '../domain/ad-filter.js';
import { filterAd } from '../domain/filter-ad.js';
import { watchFilters } from '../domain/screen-changes.js';
import type { RecordedAd } from '../store/ads-repo.js';

/** One recorded ad and what the filter would do with it. */
export interface TriedAd {
  id: number;
  title: string;
  priceText: string;
  active: boolean;
  firstSeenAt: string;
  keep: boolean;
  rule: string | null;
}

/** What a filter would have done to everything a watch recorded. */
export interface FilterTrial {
  total: number;
  kept: number;
  dropped: number;
  /** Whole days from the first ad recorded to now (0 for an empty history). */
  days: number;
  ads: TriedAd[];
}

const DAY_MS = 86_400_000;

/** Run a watch's filters over its recorded ads (each as last seen), newest first as recorded. */
export function tryFilter(
  globalFilter: AdFilter | null,
  filter: WatchFilter,
  recorded: readonly RecordedAd[],
  now: Date,
): FilterTrial {
  const filters = watchFilters(globalFilter, filter);
  const ads = recorded.map((entry): TriedAd => {
    const verdict = filterAd(filters, entry.ad);
    return {
      id: entry.id,
      title: entry.title,
      priceText: entry.priceText,
      active: entry.active,
      firstSeenAt: entry.firstSeenAt,
      keep: verdict.keep,
      rule: verdict.keep ? null : verdict.rule,
    };
  });
  const kept = ads.filter((ad) => ad.keep).length;
  const oldest = Math.min(...recorded.map((entry) => Date.parse(entry.firstSeenAt)));
  const days = recorded.length === 0 ? 0 : Math.max(0, Math.ceil((now.getTime() - oldest) / DAY_MS));
  return { total: ads.length, kept, dropped: ads.length - kept, days, ads };
}
