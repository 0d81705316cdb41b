import { groupBy } from '../domain/group-by.js';
import { collectWatches } from './collect-watches.js';
import { FieldReader } from './file-shape.js';
import type { ImportPlan, PlannedWatch, PlanOptions } from './import-plan.js';
import { combineTargets, noTargets, readNotifyOn, readTargetText, type TargetReading } from './read-targets.js';
import { readTinyDbAd } from './tinydb-ad.js';

/**
 * Plan the import of the 2025 fork's TinyDB file `persistent_data/watchlist.json`: a `watchlist` table of watches
 * with their webhooks, and an `advertisements` table keyed by ad id whose ads become the watches' seen ads.
 * A watch counts as having had its baseline when it has ads or was ever checked (`last_checked > 0`).
 */
export function plan2025TinyDb(document: unknown, options: PlanOptions): ImportPlan {
  const root = FieldReader.of(options.source, '', document);
  const table = root.optionalObject('advertisements') ?? emptyTable(options.source);
  const adsByWatch = groupBy(
    table.children().map(({ key, reader }) => readTinyDbAd(key, reader)),
    (tinyDbAd) => tinyDbAd.watchId,
  );

  const claimed = new Set<number>();
  const entries: PlannedWatch[] = root
    .object('watchlist')
    .children()
    .map(({ key, reader }) => {
      // Ads point at a watch's `id` field; TinyDB's own key is the same number unless the file was edited.
      const watchId = reader.optionalInteger('id', 0) ?? (/^\d+$/.test(key) ? Number(key) : Number.NaN);
      const ads = claimed.has(watchId) ? [] : (adsByWatch.get(watchId) ?? []).map((tinyDbAd) => tinyDbAd.seen);
      claimed.add(watchId);
      const lastChecked = reader.optionalNumber('last_checked') ?? 0;
      return {
        entries: [key],
        url: reader.string('url'),
        name: reader.optionalString('name') ?? '',
        enabled: true,
        notifyExisting: null,
        maxPages: null,
        ...combineTargets([readNotifyOn(reader, 'notifyon'), webhookOf(reader)]),
        seenUpToId: null,
        baselineDone: ads.length > 0 || lastChecked > 0,
        ads,
      };
    });

  const { watches, skipped } = collectWatches(entries, options);
  const orphans = [...adsByWatch].filter(([watchId]) => !claimed.has(watchId));
  const notes = orphans.map(([watchId, ads]) =>
    ads.length === 1
      ? `1 ad belongs to watch ${watchId}, which is not in the file; it was left out`
      : `${ads.length} ads belong to watch ${watchId}, which is not in the file; they were left out`,
  );
  return { format: 'pyhabot-2025', watches, skipped, notes };
}

function webhookOf(entry: FieldReader): TargetReading {
  const url = entry.optionalString('webhook');
  return url === undefined ? noTargets() : readTargetText(url, { discordFormat: false });
}

function emptyTable(source: string): FieldReader {
  return new FieldReader(source, 'advertisements', {});
}
