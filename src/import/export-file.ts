import { dump as dumpYaml } from 'js-yaml';
import { MASK } from '../domain/targets/mask.js';
import type { Watch } from '../domain/watch.js';

/** The marker that identifies a file written by `pyhabot export`. */
export const WATCH_EXPORT_FORMAT = 'pyhabot-watches';
/** The version of the export layout this build writes and reads. */
export const WATCH_EXPORT_VERSION = 1;

/** How an export is written. */
export type ExportFileFormat = 'json' | 'yaml';

/** One watch in an export file: what a user sets, none of what checks recorded; targets masked unless asked. */
export type ExportedWatch = Pick<Watch, 'name' | 'url' | 'enabled' | 'notify' | 'notifyExisting' | 'maxPages'>;

/** The whole export file. */
export interface WatchExport {
  format: typeof WATCH_EXPORT_FORMAT;
  version: typeof WATCH_EXPORT_VERSION;
  exportedAt: string;
  watches: ExportedWatch[];
}

/** Build the export document; `mask` is applied to every target unless secrets are included. */
export function buildWatchExport(
  watches: readonly Watch[],
  options: { exportedAt: Date; includeSecrets: boolean; mask: (target: string) => string },
): WatchExport {
  return {
    format: WATCH_EXPORT_FORMAT,
    version: WATCH_EXPORT_VERSION,
    exportedAt: options.exportedAt.toISOString(),
    watches: watches.map((watch) => ({
      name: watch.name,
      url: watch.url,
      enabled: watch.enabled,
      notify: options.includeSecrets ? [...watch.notify] : watch.notify.map(options.mask),
      notifyExisting: watch.notifyExisting,
      maxPages: watch.maxPages,
    })),
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
