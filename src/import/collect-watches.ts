import { sameWatchFilter } from '../domain/ad-filter.js';
import { UserError } from '../domain/errors.js';
import { validateWatchName } from '../domain/watch-name.js';
import { canonicalizeWatchUrl, defaultWatchName } from '../domain/watch-url.js';
import { sameRules } from '../domain/written-rules.js';
import type { PlannedWatch, PlanOptions, SkippedEntry } from './import-plan.js';

/**
 * Check each watch as its entry was read (canonical URL, a usable name) and fold entries that watch the same search
 * into one watch; an entry whose URL pyhabot cannot watch becomes a skipped entry.
 */
export function collectWatches(
  read: readonly PlannedWatch[],
  options: PlanOptions,
): { watches: PlannedWatch[]; skipped: SkippedEntry[] } {
  const byUrl = new Map<string, PlannedWatch>();
  const skipped: SkippedEntry[] = [];
  for (const entry of read) {
    let url: string;
    try {
      url = canonicalizeWatchUrl(entry.url, { allowAnyHost: options.allowAnyHost });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const lost = entry.ads.length === 0 ? '' : ` (its ${countAds(entry.ads.length)} left out too)`;
      const reason = `${error.message}${lost}`;
      skipped.push({ entry: entry.entries.join(', '), url: withoutCredentials(entry.url), reason });
      continue;
    }
    const earlier = byUrl.get(url);
    if (earlier) {
      mergeEntry(earlier, entry);
      continue;
    }
    const notes = [...entry.notes];
    byUrl.set(url, {
      ...entry,
      entries: [...entry.entries],
      url,
      name: chooseName(entry.name, url, notes),
      targets: unique(entry.targets),
      skippedTargets: [...entry.skippedTargets],
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
function mergeEntry(watch: PlannedWatch, entry: PlannedWatch): void {
  const first = watch.entries[0];
  watch.entries.push(...entry.entries);
  watch.notes.push(
    `entry ${entry.entries.join(', ')} watches the same search as entry ${first}: merged into one watch`,
  );
  watch.notes.push(...entry.notes);
  if (entry.filter !== undefined && (watch.filter === undefined || !sameWatchFilter(watch.filter, entry.filter))) {
    watch.notes.push(
      `the filter of entry ${entry.entries.join(', ')} is left out: the watch has entry ${first}'s settings`,
    );
  }
  if (entry.rules !== undefined && (watch.rules === undefined || !sameRules(watch.rules, entry.rules))) {
    watch.notes.push(
      `the rules of entry ${entry.entries.join(', ')} are left out: the watch has entry ${first}'s settings`,
    );
  }
  watch.targets = unique([...watch.targets, ...entry.targets]);
  watch.skippedTargets.push(...entry.skippedTargets);
  if (entry.seenUpToId !== null) {
    watch.seenUpToId = watch.seenUpToId === null ? entry.seenUpToId : Math.min(watch.seenUpToId, entry.seenUpToId);
  }
  watch.baselineDone ||= entry.baselineDone;
  const known = new Set(watch.ads.map((seen) => seen.ad.id));
  watch.ads.push(...entry.ads.filter((seen) => !known.has(seen.ad.id)));
}

function chooseName(name: string, url: string, notes: string[]): string {
  const fallback = defaultWatchName(url);
  if (name.trim() === '') return fallback;
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
