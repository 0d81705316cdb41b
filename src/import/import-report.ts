import type { WatchFilter } from '../domain/ad-filter.js';
import type { WatchRules } from '../domain/watch-rules.js';
import type { SeenAd } from '../store/import-repo.js';
import type { WatchDecision } from './decide-import.js';
import { formats } from './formats.js';
import type { ImportFormat, ImportPlan, SkippedTarget } from './import-plan.js';

/** What happened to one watch of the file (or one entry that became none); secrets masked. */
export interface WatchImportResult {
  /** Keys of the file's entries. */
  entries: string[];
  result: 'created' | 'merged' | 'unchanged' | 'skipped';
  /** The pyhabot watch; null for a skipped entry, and for a watch a dry run would create. */
  watchId: number | null;
  name: string | null;
  url: string | null;
  reason: string | null;
  targets: { added: string[]; skipped: SkippedTarget[] };
  /** The seen state this import records for the watch. */
  seen: { upToId: number | null; baselineDone: boolean; ads: number; goneAds: number };
  /** The filter this import gives the watch; null when it gives none (a watch already there keeps its own). */
  filter: WatchFilter | null;
  /** The notification rules this import gives the watch, as stored; null when it gives none. */
  rules: WatchRules | null;
  notes: string[];
}

/** Said of a watch already there when the file would give it another filter. */
export const FILTER_KEPT_NOTE = "keeps its own filter; the file's filter was not applied (change it with pyhabot edit)";
/** Said of a watch already there when the file would give it other notification rules. */
export const RULES_KEPT_NOTE = "keeps its own rules; the file's rules were not applied (change them with pyhabot edit)";

/** The whole import report, as `--json` prints it. */
export interface ImportReport {
  source: string;
  format: ImportFormat;
  formatName: string;
  dryRun: boolean;
  notes: string[];
  watches: WatchImportResult[];
  summary: {
    created: number;
    merged: number;
    unchanged: number;
    skipped: number;
    targetsAdded: number;
    targetsSkipped: number;
    adsAdded: number;
  };
}

/** Build the report; `createdIds` are the ids the created watches got, in order (empty for a dry run). */
export function buildImportReport(
  plan: ImportPlan,
  decisions: readonly WatchDecision[],
  options: { source: string; dryRun: boolean; createdIds: readonly number[]; mask: (target: string) => string },
): ImportReport {
  let created = 0;
  const results: WatchImportResult[] = decisions.map((decision) => {
    const { planned } = decision;
    if (decision.kind === 'create') {
      const watchId = options.createdIds[created] ?? null;
      created += 1;
      return {
        entries: planned.entries,
        result: 'created',
        watchId,
        name: planned.name,
        url: planned.url,
        reason: null,
        targets: { added: planned.targets.map(options.mask), skipped: planned.skippedTargets },
        seen: { upToId: planned.seenUpToId, baselineDone: planned.baselineDone, ...countAds(planned.ads) },
        filter: planned.filter ?? null,
        rules: planned.rules ?? null,
        notes: planned.notes,
      };
    }
    const merged = decision.kind === 'merge';
    return {
      entries: planned.entries,
      result: merged ? 'merged' : 'unchanged',
      watchId: decision.existing.id,
      name: decision.existing.name,
      url: planned.url,
      reason: `already watched as watch ${decision.existing.id}`,
      targets: { added: merged ? decision.addTargets.map(options.mask) : [], skipped: planned.skippedTargets },
      seen: merged
        ? { upToId: decision.seenUpToId, baselineDone: decision.markBaselineDone, ...countAds(decision.ads) }
        : { upToId: null, baselineDone: false, ads: 0, goneAds: 0 },
      filter: null,
      rules: null,
      notes: [
        ...planned.notes,
        ...(decision.filterKept ? [FILTER_KEPT_NOTE] : []),
        ...(decision.rulesKept ? [RULES_KEPT_NOTE] : []),
      ],
    };
  });
  for (const entry of plan.skipped) {
    results.push({
      entries: [entry.entry],
      result: 'skipped',
      watchId: null,
      name: null,
      url: entry.url,
      reason: entry.reason,
      targets: { added: [], skipped: [] },
      seen: { upToId: null, baselineDone: false, ads: 0, goneAds: 0 },
      filter: null,
      rules: null,
      notes: [],
    });
  }
  results.sort((a, b) => compareEntryKeys(a.entries[0] ?? '', b.entries[0] ?? ''));
  const count = (result: WatchImportResult['result']) => results.filter((item) => item.result === result).length;
  return {
    source: options.source,
    format: plan.format,
    formatName: formats[plan.format].name,
    dryRun: options.dryRun,
    notes: plan.notes,
    watches: results,
    summary: {
      created: count('created'),
      merged: count('merged'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      targetsAdded: sum(results, (item) => item.targets.added.length),
      targetsSkipped: sum(results, (item) => item.targets.skipped.length),
      adsAdded: sum(results, (item) => item.seen.ads + item.seen.goneAds),
    },
  };
}

function countAds(ads: readonly SeenAd[]): { ads: number; goneAds: number } {
  const goneAds = ads.filter((seen) => seen.gone).length;
  return { ads: ads.length - goneAds, goneAds };
}

function sum(items: readonly WatchImportResult[], value: (item: WatchImportResult) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** Entry keys are ids in the legacy files and positions in exports: numbers sort as numbers. */
function compareEntryKeys(a: string, b: string): number {
  const left = /^\d+$/.test(a) ? Number(a) : Number.POSITIVE_INFINITY;
  const right = /^\d+$/.test(b) ? Number(b) : Number.POSITIVE_INFINITY;
  return left === right ? a.localeCompare(b) : left - right;
}
