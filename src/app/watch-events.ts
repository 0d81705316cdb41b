import type { Ad } from '../domain/ad.js';
import type { NotedChange } from '../domain/ad-insight.js';
import type { AdDiff } from '../domain/diff-ads.js';
import { type EffectiveRules, effectiveRules } from '../domain/effective-rules.js';
import type { AdEvent, LifecycleEvent, WatchRef } from '../domain/events.js';
import type { CompiledFilter } from '../domain/filter-ad.js';
import { pickLifecycleEvents } from '../domain/lifecycle-rules.js';
import { applyPriceRules } from '../domain/price-rules.js';
import { type FilteredChange, screenChanges } from '../domain/screen-changes.js';
import type { WatchRules } from '../domain/watch-rules.js';
import { loadAdTimelines, lowestRecordedPrices } from '../store/ads-repo.js';
import type { Db } from '../store/open-db.js';
import { getWatchRules } from '../store/rules-repo.js';
import { type InsightSettings, noteChanges } from './note-changes.js';
import { changeEvent } from './screen-check.js';

/** What one watch's scrape notifies, and what the filters and rules held back. */
export interface WatchEvents {
  /** New ads, re-posts and price changes that passed the filters and the price rules, with their context. */
  changes: NotedChange[];
  /** Changes a filter or a price rule held back, with the rule. */
  filtered: FilteredChange[];
  /** The events to record and notify, in scrape order, lifecycle events last. */
  events: AdEvent[];
}

/** A watch's rules in effect: its own, then the config file's `rules`, then the built-in defaults. */
export function rulesOfWatch(db: Db, globalRules: WatchRules | null, watchId: number): EffectiveRules {
  return effectiveRules(getWatchRules(db, watchId), globalRules ?? {});
}

/**
 * Turn a watch's diff into the events it notifies: filters first, then the price rules, then what the watch's
 * history says (re-posts, price context), then the lifecycle switches. Reads what the watch recorded before this
 * scrape, so call it before the diff is written.
 */
export function buildWatchEvents(
  db: Db,
  input: {
    watch: WatchRef;
    diff: AdDiff;
    scraped: readonly Ad[];
    baseline: boolean;
    filters: readonly CompiledFilter[];
    rules: EffectiveRules;
    insight: InsightSettings;
    now: Date;
  },
): WatchEvents {
  const { watch, diff, rules } = input;
  const screened = applyPriceRules(screenChanges(input.filters, diff.changes), rules);
  const changes = noteChanges(db, watch.id, screened.changes, input.insight, input.now, rules.reposts);
  const repricedIds = changes.filter((change) => change.type === 'price_changed').map((change) => change.ad.id);
  const lowest = lowestRecordedPrices(db, watch.id, repricedIds);
  const changeEvents = changes.map((change): AdEvent => {
    const event = changeEvent(watch, change);
    if (event.type !== 'price_changed' || change.type !== 'price_changed') return event;
    const recorded = lowest.get(change.ad.id);
    const now = change.ad.priceKind === 'fixed' ? change.ad.price : null;
    const lowestPrice = recorded === undefined ? now : now === null ? recorded : Math.min(recorded, now);
    return {
      ...event,
      ...(lowestPrice === null ? {} : { lowestPrice }),
      ...(change.crossedBelow === undefined ? {} : { crossedBelow: change.crossedBelow }),
    };
  });
  const lifecycle = input.baseline ? [] : lifecycleCandidates(db, watch, diff, input.scraped);
  return {
    changes,
    filtered: screened.filtered,
    events: [...changeEvents, ...pickLifecycleEvents(lifecycle, rules.lifecycle, input.filters)],
  };
}

/** Every lifecycle event the diff holds, before the rules pick the ones to notify. */
function lifecycleCandidates(db: Db, watch: WatchRef, diff: AdDiff, scraped: readonly Ad[]): LifecycleEvent[] {
  if (diff.reactivated.length + diff.reappeared.length + diff.gone.length === 0) return [];
  const listed = new Map(scraped.map((ad) => [ad.id, ad]));
  const timelines = loadAdTimelines(db, watch.id, [...diff.reappeared, ...diff.gone]);
  const events: LifecycleEvent[] = [];
  for (const id of diff.reactivated) {
    const ad = listed.get(id);
    if (ad) events.push({ type: 'reactivated', watch, ad });
  }
  for (const id of diff.reappeared) {
    const ad = listed.get(id);
    if (ad) events.push({ type: 'reappeared', watch, ad, goneAt: timelines.get(id)?.goneAt ?? null });
  }
  for (const id of diff.gone) {
    const timeline = timelines.get(id);
    if (timeline) {
      const { ad, firstSeenAt, lastSeenAt } = timeline;
      events.push({ type: 'gone', watch, ad, firstSeenAt, lastSeenAt });
    }
  }
  return events;
}
