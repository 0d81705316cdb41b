import { dump as dumpYaml } from 'js-yaml';
import { type AdFilter, isEmptyFilter, normalizeFilter, type WatchFilter } from '../domain/ad-filter.js';
import { MASK } from '../domain/targets/mask.js';
import type { Watch } from '../domain/watch.js';
import type { WatchRules } from '../domain/watch-rules.js';
import { type WrittenRules, writeRules } from '../domain/written-rules.js';

/** The marker that identifies a file written by `pyhabot export`. */
export const WATCH_EXPORT_FORMAT = 'pyhabot-watches';
/**
 * The newest version of the export layout this build writes and reads: version 2 plus each watch's notification
 * rules. A pyhabot that reads version 2 passes over keys it does not know, so it would import a file with rules as
 * watches without them, and the lost `minDrop` or `digest` would only show as a flood of messages: a file with rules
 * says 3, which that pyhabot refuses.
 */
export const WATCH_EXPORT_VERSION = 3;
/** The version written when some watch has a filter of its own but none has rules: version 1 plus watch filters. */
export const FILTERED_EXPORT_VERSION = 2;
/**
 * The version written when no watch has a filter or rules of its own. Such a file is exactly a version 1 file, so a
 * pyhabot that knows only version 1 still reads it; a file with filters says 2, so that pyhabot refuses it instead
 * of importing the watches without their filters and notifying every ad they were meant to hold back.
 */
export const UNFILTERED_EXPORT_VERSION = 1;

/** How an export is written. */
export type ExportFileFormat = 'json' | 'yaml';

/**
 * One watch in an export file: what a user sets, none of what checks recorded; targets masked unless asked. The
 * filter fields are written only when they differ from "no filter of its own, the global one applies", and the
 * rules only when the watch sets some of its own.
 */
export type ExportedWatch = Pick<Watch, 'name' | 'url' | 'enabled' | 'notify' | 'notifyExisting' | 'maxPages'> & {
  filter?: AdFilter;
  useGlobalFilter?: boolean;
  rules?: WrittenRules;
};

/** The whole export file. */
export interface WatchExport {
  format: typeof WATCH_EXPORT_FORMAT;
  version: typeof UNFILTERED_EXPORT_VERSION | typeof FILTERED_EXPORT_VERSION | typeof WATCH_EXPORT_VERSION;
  exportedAt: string;
  watches: ExportedWatch[];
}

/**
 * Build the export document; `mask` is applied to every target unless secrets are included, `filterOf` gives
 * each watch's filter and `rulesOf` its own notification rules (none when omitted).
 */
export function buildWatchExport(
  watches: readonly Watch[],
  options: {
    exportedAt: Date;
    includeSecrets: boolean;
    mask: (target: string) => string;
    filterOf?: (watch: Watch) => WatchFilter;
    rulesOf?: (watch: Watch) => WatchRules;
  },
): WatchExport {
  const exported = watches.map(
    (watch): ExportedWatch => ({
      name: watch.name,
      url: watch.url,
      enabled: watch.enabled,
      notify: options.includeSecrets ? [...watch.notify] : watch.notify.map(options.mask),
      notifyExisting: watch.notifyExisting,
      maxPages: watch.maxPages,
      ...exportedFilter(options.filterOf?.(watch)),
      ...exportedRules(options.rulesOf?.(watch)),
    }),
  );
  return {
    format: WATCH_EXPORT_FORMAT,
    version: exportVersion(exported),
    exportedAt: options.exportedAt.toISOString(),
    watches: exported,
  };
}

/** The oldest version that carries everything the watches set, so that older builds read every file they can. */
function exportVersion(watches: readonly ExportedWatch[]): WatchExport['version'] {
  if (watches.some((watch) => watch.rules !== undefined)) return WATCH_EXPORT_VERSION;
  const filtered = watches.some((watch) => watch.filter !== undefined || watch.useGlobalFilter !== undefined);
  return filtered ? FILTERED_EXPORT_VERSION : UNFILTERED_EXPORT_VERSION;
}

function exportedRules(rules: WatchRules | undefined): Pick<ExportedWatch, 'rules'> {
  const written = rules === undefined ? {} : writeRules(rules);
  return Object.keys(written).length === 0 ? {} : { rules: written };
}

function exportedFilter(filter: WatchFilter | undefined): Pick<ExportedWatch, 'filter' | 'useGlobalFilter'> {
  if (filter === undefined) return {};
  return {
    ...(isEmptyFilter(filter.own) ? {} : { filter: normalizeFilter(filter.own) }),
    ...(filter.useGlobal ? {} : { useGlobalFilter: false }),
  };
}

/** The export document as file text, ending with a newline. */
export function serializeWatchExport(document: WatchExport, format: ExportFileFormat): string {
  if (format === 'yaml') return dumpYaml(document, { lineWidth: -1, noRefs: true });
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** True for a target whose secret was replaced at export, which can never be used again. */
export function isMaskedTarget(target: string): boolean {
  return target.includes(MASK);
}
