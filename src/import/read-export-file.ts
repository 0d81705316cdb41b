import { UserError } from '../domain/errors.js';
import { collectWatches } from './collect-watches.js';
import { isMaskedTarget, WATCH_EXPORT_VERSION } from './export-file.js';
import { FieldReader, shapeError } from './file-shape.js';
import type { ImportPlan, PlannedWatch, PlanOptions, SkippedTarget } from './import-plan.js';
import { combineTargets, noTargets, readTargetText, type TargetReading } from './read-targets.js';

const MAX_PAGES = 50;

/**
 * Plan the import of a file written by `pyhabot export` (JSON or YAML, already parsed). Targets masked at export
 * cannot be used and are reported; everything else is taken as written.
 */
export function planWatchExport(document: unknown, options: PlanOptions): ImportPlan {
  const root = FieldReader.of(options.source, '', document);
  const version = root.value('version');
  if (typeof version === 'number' && Number.isInteger(version) && version > WATCH_EXPORT_VERSION) {
    throw new UserError(
      `${options.source} was written by a newer pyhabot (export version ${version}; this one reads version ${WATCH_EXPORT_VERSION})`,
      { hint: 'upgrade pyhabot, or export again with this version' },
    );
  }
  if (version !== WATCH_EXPORT_VERSION) throw root.error('version', String(WATCH_EXPORT_VERSION));
  const list = root.value('watches');
  if (!Array.isArray(list)) throw root.error('watches', 'a list of watches');

  const entries: PlannedWatch[] = list.map((item: unknown, index) => {
    const watch = FieldReader.of(options.source, `watches.${index}`, item);
    return {
      entries: [String(index + 1)],
      url: watch.string('url'),
      name: watch.optionalString('name') ?? '',
      enabled: watch.optionalBoolean('enabled') ?? true,
      notifyExisting: watch.optionalBoolean('notifyExisting') ?? null,
      maxPages: readMaxPages(watch),
      ...readTargets(watch),
      seenUpToId: null,
      baselineDone: false,
      ads: [],
    };
  });
  const { watches, skipped } = collectWatches(entries, options);
  return { format: 'pyhabot-export', watches, skipped, notes: [] };
}

function readTargets(watch: FieldReader): TargetReading {
  const value = watch.value('notify');
  if (value === undefined || value === null) return noTargets();
  if (!Array.isArray(value)) throw watch.error('notify', 'a list of notification targets');
  return combineTargets(
    value.map((target: unknown, index): TargetReading => {
      if (typeof target !== 'string') {
        throw shapeError(watch.source, `${watch.path('notify')}.${index}`, 'a notification target (a string)', target);
      }
      if (isMaskedTarget(target)) return { ...noTargets(), skippedTargets: [maskedAtExport(target)] };
      return readTargetText(target, { discordFormat: false });
    }),
  );
}

function maskedAtExport(target: string): SkippedTarget {
  // Shown as written: it is masked already, and masking it again would garble it.
  return {
    target: target.trim(),
    reason: 'secret was masked at export; export with --include-secrets to keep it',
  };
}

function readMaxPages(watch: FieldReader): number | null {
  const value = watch.value('maxPages');
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PAGES) {
    throw watch.error('maxPages', `a whole number from 1 to ${MAX_PAGES}, or null`);
  }
  return value;
}
