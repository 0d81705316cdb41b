import { UserError } from '../domain/errors.js';
import { validateWatchName } from '../domain/watch-name.js';
import { canonicalizeWatchUrl, defaultWatchName } from '../domain/watch-url.js';
import type { SeenAd } from '../store/import-repo.js';
import type { PlannedWatch, PlanOptions, SkippedEntry } from './import-plan.js';
import type { TargetReading } from './read-targets.js';

/** One entry of a file, read but not yet checked against pyhabot's rules. */
export interface WatchEntry {
  entry: string;
  url: string;
  name: string | undefined;
  enabled: boolean;
  notifyExisting: boolean | null;
  maxPages: number | null;
  targets: TargetReading;
  seenUpToId: number | null;
  baselineDone: boolean;
  ads: SeenAd[];
}

/** Check each entry's URL and name, and fold entries that watch the same search into one watch. */
export function collectWatches(
  entries: readonly WatchEntry[],
  options: PlanOptions,
): { watches: PlannedWatch[]; skipped: SkippedEntry[] } {
  const byUrl = new Map<string, PlannedWatch>();
  const skipped: SkippedEntry[] = [];
  for (const entry of entries) {
    let url: string;
    try {
      url = canonicalizeWatchUrl(entry.url, { allowAnyHost: options.allowAnyHost });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const lost = entry.ads.length === 0 ? '' : ` (its ${countAds(entry.ads.length)} left out too)`;
      skipped.push({ entry: entry.entry, url: withoutCredentials(entry.url), reason: `${error.message}${lost}` });
      continue;
    }
    const earlier = byUrl.get(url);
    if (earlier) {
      mergeEntry(earlier, entry);
      continue;
    }
    const notes: string[] = [...entry.targets.notes];
    byUrl.set(url, {
      entries: [entry.entry],
      url,
      name: chooseName(entry.name, url, notes),
      enabled: entry.enabled,
      notifyExisting: entry.notifyExisting,
      maxPages: entry.maxPages,
      targets: unique(entry.targets.targets),
      skippedTargets: [...entry.targets.skipped],
      seenUpToId: entry.seenUpToId,
      baselineDone: entry.baselineDone,
      ads: [...entry.ads],
      notes,
    });
  }
  return { watches: [...byUrl.values()], skipped };
}

/**
 * A later entry for the same search adds its targets and ads. The lower "seen up to" id wins, so no target
 * misses an ad the other entry had already reported; the watch's own settings are the first entry's.
 */
function mergeEntry(watch: PlannedWatch, entry: WatchEntry): void {
  watch.entries.push(entry.entry);
  watch.notes.push(`entry ${entry.entry} watches the same search as entry ${watch.entries[0]}: merged into one watch`);
  watch.notes.push(...entry.targets.notes);
  watch.targets = unique([...watch.targets, ...entry.targets.targets]);
  watch.skippedTargets.push(...entry.targets.skipped);
  if (entry.seenUpToId !== null) {
    watch.seenUpToId = watch.seenUpToId === null ? entry.seenUpToId : Math.min(watch.seenUpToId, entry.seenUpToId);
  }
  watch.baselineDone ||= entry.baselineDone;
  const known = new Set(watch.ads.map((seen) => seen.ad.id));
  watch.ads.push(...entry.ads.filter((seen) => !known.has(seen.ad.id)));
}

function chooseName(name: string | undefined, url: string, notes: string[]): string {
  const fallback = defaultWatchName(url);
  if (name === undefined || name.trim() === '') return fallback;
  try {
    return validateWatchName(name);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    notes.push(`its name could not be used (${error.message}); named "${fallback}" instead`);
    return fallback;
  }
}

/** A refused URL is shown in the report; a password written into it must not be. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function countAds(count: number): string {
  return count === 1 ? '1 seen ad' : `${count} seen ads`;
}
