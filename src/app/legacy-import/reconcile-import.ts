import type { Watch } from '../../domain/watch.js';
import type { ImportWrites, SeenAd } from '../../store/import-repo.js';
import type { ImportPlan, PlannedWatch } from './import-plan.js';

/** A watch already in the database with the same URL, and the ids of the ads it has recorded. */
export interface ExistingWatch {
  watch: Watch;
  adIds: ReadonlySet<number>;
}

/** What the import does with one planned watch. */
export type WatchDecision =
  | { kind: 'create'; planned: PlannedWatch }
  | {
      kind: 'merge';
      planned: PlannedWatch;
      existing: Watch;
      addTargets: string[];
      ads: SeenAd[];
      /** The raised "seen up to" id, or null when it stays. */
      seenUpToId: number | null;
      markBaselineDone: boolean;
    }
  | { kind: 'unchanged'; planned: PlannedWatch; existing: Watch };

/**
 * Compare the plan with the database. A watch whose URL is already watched keeps its name, settings and everything
 * it recorded; it only gains the file's targets it lacks, the seen ads it has not recorded, a higher "seen up to" id
 * and, when it was never checked, a finished baseline. So importing the same file twice changes nothing the second
 * time, and an import never makes pyhabot report an ad the old bot had already reported.
 */
export function reconcileImport(
  plan: ImportPlan,
  findExisting: (url: string) => ExistingWatch | undefined,
): WatchDecision[] {
  return plan.watches.map((planned): WatchDecision => {
    const found = findExisting(planned.url);
    if (found === undefined) return { kind: 'create', planned };
    const { watch, adIds } = found;
    const addTargets = planned.targets.filter((target) => !watch.notify.includes(target));
    const ads = planned.ads.filter((seen) => !adIds.has(seen.ad.id));
    const raises = planned.seenUpToId !== null && (watch.seenUpToId === null || planned.seenUpToId > watch.seenUpToId);
    const seenUpToId = raises ? planned.seenUpToId : null;
    const markBaselineDone = planned.baselineDone && !watch.lastCheck.baselineDone;
    if (addTargets.length === 0 && ads.length === 0 && seenUpToId === null && !markBaselineDone) {
      return { kind: 'unchanged', planned, existing: watch };
    }
    return { kind: 'merge', planned, existing: watch, addTargets, ads, seenUpToId, markBaselineDone };
  });
}

/** The database writes the decisions call for. */
export function toImportWrites(
  decisions: readonly WatchDecision[],
  defaults: { notifyExisting: boolean },
): ImportWrites {
  const writes: ImportWrites = { create: [], merge: [] };
  for (const decision of decisions) {
    if (decision.kind === 'create') {
      const { planned } = decision;
      writes.create.push({
        name: planned.name,
        url: planned.url,
        enabled: planned.enabled,
        notify: planned.targets,
        notifyExisting: planned.notifyExisting ?? defaults.notifyExisting,
        maxPages: planned.maxPages,
        seenUpToId: planned.seenUpToId,
        baselineDone: planned.baselineDone,
        ads: planned.ads,
      });
    } else if (decision.kind === 'merge') {
      writes.merge.push({
        watchId: decision.existing.id,
        addTargets: decision.addTargets,
        ads: decision.ads,
        seenUpToId: decision.seenUpToId,
        markBaselineDone: decision.markBaselineDone,
      });
    }
  }
  return writes;
}

/** True when the decisions write nothing at all. */
export function writesNothing(writes: ImportWrites): boolean {
  return writes.create.length === 0 && writes.merge.length === 0;
}
