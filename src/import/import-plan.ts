import type { WatchFilter } from '../domain/ad-filter.js';
import type { WatchRules } from '../domain/watch-rules.js';
import type { SeenAd } from '../store/import-repo.js';

/** The kinds of file `pyhabot import` reads. */
export type ImportFormat = 'pyhabot-2021' | 'pyhabot-2025' | 'pyhabot-export';

/** A notification target named by the file that pyhabot cannot use. */
export interface SkippedTarget {
  /** The target with its secrets masked, or a description of what it was. */
  target: string;
  reason: string;
}

/**
 * A watch the file asks for. A format's planner fills one per entry, as written (one entry key, the URL as given,
 * '' for no name); `collectWatches` then checks it against pyhabot's rules (canonical URL, a usable name) and folds
 * entries for the same search into one, ready to store.
 */
export interface PlannedWatch {
  /** Keys of the file's entries this watch comes from; more than one when the file repeats a search. */
  entries: string[];
  url: string;
  name: string;
  enabled: boolean;
  /** Null: the config's `notifyExisting` applies. */
  notifyExisting: boolean | null;
  maxPages: number | null;
  /** The watch's own filter; absent when the file gives none (only exports carry filters). */
  filter?: WatchFilter;
  /** The watch's own notification rules; absent when the file gives none (only exports carry rules). */
  rules?: WatchRules;
  /** Targets in their full form, secrets included: never print them. */
  targets: string[];
  skippedTargets: SkippedTarget[];
  /** Ads with an id at or below this count as already seen. */
  seenUpToId: number | null;
  /** The other tool had already read this search, so the first check reports changes instead of a silent baseline. */
  baselineDone: boolean;
  ads: SeenAd[];
  notes: string[];
}

/** An entry of the file that becomes no watch, and why. */
export interface SkippedEntry {
  entry: string;
  url: string | null;
  reason: string;
}

/** Everything a file asks to import, before it is compared with the database. */
export interface ImportPlan {
  format: ImportFormat;
  watches: PlannedWatch[];
  skipped: SkippedEntry[];
  /** Remarks about the file as a whole. */
  notes: string[];
}

/** Settings every planner takes. */
export interface PlanOptions {
  /** The file's name as the user gave it, for messages. */
  source: string;
  /** Accept watch URLs on hosts other than HardverApró. */
  allowAnyHost: boolean;
}
