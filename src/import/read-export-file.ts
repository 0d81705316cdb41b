import type { WatchFilter } from '../domain/ad-filter.js';
import { UserError } from '../domain/errors.js';
import { truncateText } from '../domain/truncate-text.js';
import { validateFilter } from '../domain/validate-filter.js';
import { validateWatchRules } from '../domain/validate-rules.js';
import type { WatchRules } from '../domain/watch-rules.js';
import { writeRules } from '../domain/written-rules.js';
import { collectWatches } from './collect-watches.js';
import {
  FILTERED_EXPORT_VERSION,
  isMaskedTarget,
  UNFILTERED_EXPORT_VERSION,
  WATCH_EXPORT_VERSION,
} from './export-file.js';
import { FieldReader, layoutError, shapeError } from './file-shape.js';
import type { ImportPlan, PlannedWatch, PlanOptions, SkippedTarget } from './import-plan.js';
import { combineTargets, noTargets, readTargetText, type TargetReading } from './read-targets.js';

const MAX_PAGES = 50;
const READ_VERSIONS: readonly unknown[] = [UNFILTERED_EXPORT_VERSION, FILTERED_EXPORT_VERSION, WATCH_EXPORT_VERSION];

/**
 * Plan the import of a file written by `pyhabot export` (JSON or YAML, already parsed). Targets masked at export
 * cannot be used and are reported; a filter and rules are checked as the config file's are, and the first bad one
 * refuses the whole file; everything else is taken as written. Every version is read alike: a hand-written version 1
 * file may carry filters and rules too.
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
  if (!READ_VERSIONS.includes(version)) {
    throw root.error('version', `${READ_VERSIONS.slice(0, -1).join(', ')} or ${WATCH_EXPORT_VERSION}`);
  }
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
      ...readFilter(watch),
      ...readRules(watch),
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

/** The watch's filter, or nothing when the file sets neither a filter nor the global switch. */
function readFilter(watch: FieldReader): { filter?: WatchFilter } {
  const useGlobal = watch.optionalBoolean('useGlobalFilter');
  const value = watch.value('filter');
  if ((value === undefined || value === null) && useGlobal === undefined) return {};
  if (value === undefined || value === null) return { filter: { own: {}, useGlobal: useGlobal ?? true } };
  const checked = validateFilter(value, watch.path('filter'));
  if (!checked.ok) throw refusal(watch, checked.problems);
  return { filter: { own: checked.filter, useGlobal: useGlobal ?? true } };
}

/** The watch's own notification rules, or nothing when the file sets none (absent, null, or only empty mappings). */
function readRules(watch: FieldReader): { rules?: WatchRules } {
  const value = watch.value('rules');
  if (value === undefined || value === null) return {};
  const checked = validateWatchRules(value, watch.path('rules'));
  if (!checked.ok) throw refusal(watch, checked.problems);
  return Object.keys(writeRules(checked.rules)).length === 0 ? {} : { rules: checked.rules };
}

/** One line for a bad filter or bad rules: the first problem, and how many more there are. */
function refusal(watch: FieldReader, problems: readonly string[]): UserError {
  const [first = '', ...rest] = problems;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})`;
  return layoutError(watch.source, `${quotable(first)}${more}`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being neutralised
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const MAX_PROBLEM_LENGTH = 300;

/**
 * A problem quotes the file's own keys and patterns, and the file may come from anyone: its controls must not reach
 * the terminal, nor a pattern of megabytes make the one line of the error that long.
 */
function quotable(problem: string): string {
  const escaped = problem.replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return truncateText(escaped, MAX_PROBLEM_LENGTH);
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
