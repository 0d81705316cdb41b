import type { AppContext } from '../app/context.js';
import { describeFilter } from '../app/describe-filter.js';
import { displayText } from '../app/display-text.js';
import { applyFilterFlags, type FilterFlags, hasFilterFlags } from '../app/filter-options.js';
import { formatTable } from '../app/format.js';
import { tryFilter } from '../app/try-filter.js';
import { requireWatch } from '../app/watch-lookup.js';
import { ExitCode } from '../domain/exit-codes.js';
import { truncateText } from '../domain/truncate-text.js';
import { listRecordedAds } from '../store/ads-repo.js';
import { getWatchFilter } from '../store/filters-repo.js';

export interface FilterTestOptions extends FilterFlags {
  json?: boolean;
}

/**
 * `pyhabot filter-test <id> [filter options]`: run the watch's filter, changed by the options as `edit` would
 * change it, over every ad the watch recorded, and print what it would keep and drop. Nothing is written.
 */
export async function run(context: AppContext, [id]: [id: number], options: FilterTestOptions): Promise<ExitCode> {
  const db = await context.db('read');
  const watch = requireWatch(db, id);
  const stored = getWatchFilter(db, watch.id);
  const filter = hasFilterFlags(options) ? applyFilterFlags(stored, options) : stored;
  const globalFilter = (await context.config()).config.filter;
  const recorded = listRecordedAds(db, watch.id, { includeGone: true });
  const trial = tryFilter(globalFilter, filter, recorded, context.now());
  const { output } = context;
  if (options.json) {
    output.json({ watch: { id: watch.id, name: watch.name }, filter: { ...filter, global: globalFilter }, ...trial });
    return ExitCode.ok;
  }
  const { styles } = output;
  const shown = [
    ...describeFilter(filter.own),
    ...(filter.useGlobal && globalFilter ? describeFilter(globalFilter).map((part) => `global ${part}`) : []),
  ];
  output.line(`filter: ${shown.length > 0 ? shown.join('; ') : styles.dim('(none)')}`);
  if (trial.total === 0) {
    output.line(`Watch ${watch.id} has no ads recorded yet; run \`pyhabot check ${watch.id}\` first.`);
    return ExitCode.ok;
  }
  const row = (ad: (typeof trial.ads)[number]) => [
    String(ad.id),
    truncateText(displayText(ad.title), 50),
    displayText(ad.priceText),
    ad.active ? 'active' : styles.dim('gone'),
  ];
  const layout = { width: output.width, shrinkable: [1, 2] };
  const kept = trial.ads.filter((ad) => ad.keep);
  const dropped = trial.ads.filter((ad) => !ad.keep);
  if (kept.length > 0) {
    output.line();
    output.line(styles.bold(`would keep ${kept.length}:`));
    const table = await formatTable(['AD', 'TITLE', 'PRICE', 'STATE'], kept.map(row), layout);
    for (const line of table) output.line(line);
  }
  if (dropped.length > 0) {
    output.line();
    output.line(styles.bold(`would drop ${dropped.length}:`));
    const rows = dropped.map((ad) => [...row(ad), ad.rule ?? '']);
    const table = await formatTable(['AD', 'TITLE', 'PRICE', 'STATE', 'RULE'], rows, layout);
    for (const line of table) output.line(line);
  }
  output.line();
  output.line(
    `would have sent ${trial.kept} of ${trial.total} ${trial.total === 1 ? 'ad' : 'ads'} in ${trial.days} ${trial.days === 1 ? 'day' : 'days'}`,
  );
  return ExitCode.ok;
}
