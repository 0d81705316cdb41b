import { sameWatchFilter, type WatchFilter } from '../domain/ad-filter.js';
import type { Watch } from '../domain/watch.js';
import type { WatchRules } from '../domain/watch-rules.js';
import { sameRules } from '../domain/written-rules.js';
import type { ImportedWatch, ImportWrites, WatchMerge } from '../store/import-repo.js';
import type { ImportPlan, PlannedWatch } from './import-plan.js';

/** A watch already in the database with the same URL, its filter and rules, and the ids of the ads it recorded. */
export interface ExistingWatch {
  watch: Watch;
  filter: WatchFilter;
  rules: WatchRules;
  adIds: ReadonlySet<number>;
}

/** Where the file would change an existing watch's own settings, which the watch keeps instead. */
export interface KeptSettings {
  /** The file gives the watch another filter than the one it has. */
  filterKept: boolean;
  /** The file gives the watch other notification rules than the ones it has. */
  rulesKept: boolean;
}

/**
 * What the import does with one planned watch; a create or merge carries exactly what it writes. An existing watch
 * keeps its filter and rules like its other settings, and the decision says when the file's differ.
 */
export type WatchDecision =
  | { kind: 'create'; planned: PlannedWatch; create: ImportedWatch }
  | ({ kind: 'merge'; planned: PlannedWatch; existing: Watch } & KeptSettings & WatchMerge)
  | ({ kind: 'unchanged'; planned: PlannedWatch; existing: Watch } & KeptSettings);

/**
 * Compare the plan with the database. A watch whose URL is already watched keeps its name, settings and everything
 * it recorded, its filter and rules too; it only gains the file's targets it lacks, the seen ads it has not recorded,
 * a higher "seen up to" id and, when it was never checked, a finished baseline. So importing the same file twice changes nothing the second
 * time, and an import never makes pyhabot report an ad the old bot had already reported. A new watch takes the
 * config's `notifyExisting` unless the file sets it.
 */
export function reconcileImport(
  plan: ImportPlan,
  findExisting: (url: string) => ExistingWatch | undefined,
  defaults: { notifyExisting: boolean },
): WatchDecision[] {
  return plan.watches.map((planned): WatchDecision => {
    const found = findExisting(planned.url);
    if (found === undefined) return { kind: 'create', planned, create: toImportedWatch(planned, defaults) };
    const { watch, adIds } = found;
    const kept: KeptSettings = {
      filterKept: planned.filter !== undefined && !sameWatchFilter(planned.filter, found.filter),
      rulesKept: planned.rules !== undefined && !sameRules(planned.rules, found.rules),
    };
    const addTargets = planned.targets.filter((target) => !watch.notify.includes(target));
    const ads = planned.ads.filter((seen) => !adIds.has(seen.ad.id));
    const raises = planned.seenUpToId !== null && (watch.seenUpToId === null || planned.seenUpToId > watch.seenUpToId);
    const seenUpToId = raises ? planned.seenUpToId : null;
    const markBaselineDone = planned.baselineDone && !watch.lastCheck.baselineDone;
    if (addTargets.length === 0 && ads.length === 0 && seenUpToId === null && !markBaselineDone) {
      return { kind: 'unchanged', planned, existing: watch, ...kept };
    }
    return {
      kind: 'merge',
      planned,
      existing: watch,
      ...kept,
      watchId: watch.id,
      addTargets,
      ads,
      seenUpToId,
      markBaselineDone,
    };
  });
}

/** The writes the decisions carry, in file order; empty lists when the import changes nothing. */
export function collectWrites(decisions: readonly WatchDecision[]): ImportWrites {
  return {
    create: decisions.flatMap((decision) => (decision.kind === 'create' ? [decision.create] : [])),
    merge: decisions.flatMap((decision) => (decision.kind === 'merge' ? [decision] : [])),
  };
}

function toImportedWatch(planned: PlannedWatch, defaults: { notifyExisting: boolean }): ImportedWatch {
  return {
    name: planned.name,
    url: planned.url,
    enabled: planned.enabled,
    notify: planned.targets,
    notifyExisting: planned.notifyExisting ?? defaults.notifyExisting,
    maxPages: planned.maxPages,
    seenUpToId: planned.seenUpToId,
    baselineDone: planned.baselineDone,
    ads: planned.ads,
    ...(planned.filter === undefined ? {} : { filter: planned.filter }),
    ...(planned.rules === undefined ? {} : { rules: planned.rules }),
  };
}
