import type { Watch } from '../domain/watch.js';

/** The JSON shape of a watch in every `--json` output, with notification secrets masked. */
export function watchToJson(watch: Watch, maskTarget: (raw: string) => string): Record<string, unknown> {
  return {
    id: watch.id,
    name: watch.name,
    url: watch.url,
    enabled: watch.enabled,
    notify: watch.notify.map(maskTarget),
    notifyExisting: watch.notifyExisting,
    maxPages: watch.maxPages,
    seenUpToId: watch.seenUpToId,
    createdAt: watch.createdAt,
    updatedAt: watch.updatedAt,
    lastCheck: watch.lastCheck,
  };
}
