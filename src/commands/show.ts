import type { AppContext } from '../app/context.js';
import { describeFilter } from '../app/describe-filter.js';
import { formatRelativeTime } from '../app/format.js';
import { describeLastCheck } from '../app/last-check.js';
import { watchToJson } from '../app/watch-json.js';
import { requireWatches } from '../app/watch-lookup.js';
import { ExitCode } from '../domain/exit-codes.js';
import { maskTarget } from '../domain/notification-target.js';
import type { Watch } from '../domain/watch.js';
import { countWatchAds } from '../store/ads-repo.js';
import { getWatchFilter } from '../store/filters-repo.js';

/** `pyhabot show <id>`: everything about one watch. */
export async function run(context: AppContext, args: unknown[], options: { json?: boolean }): Promise<ExitCode> {
  const db = await context.db();
  const [watch] = requireWatches(db, [args[0] as number]) as [Watch];
  const mask = maskTarget;
  const ads = countWatchAds(db, watch.id);
  const filter = getWatchFilter(db, watch.id);
  const globalFilter = (await context.config()).config.filter;
  const { output } = context;
  if (options.json) {
    output.json({ ...watchToJson(watch, mask), ads, filter: { ...filter, global: globalFilter } });
    return ExitCode.ok;
  }
  const { styles } = output;
  const now = context.now();
  const check = watch.lastCheck;
  const rows: Array<[string, string]> = [
    ['id', String(watch.id)],
    ['name', watch.name],
    ['url', watch.url],
    ['enabled', watch.enabled ? 'yes' : 'no'],
    [
      'notify',
      watch.notify.length === 0 ? styles.dim('(config default)') : watch.notify.map(mask).join('\n             '),
    ],
    ['first check', watch.notifyExisting ? 'reports existing ads' : 'records existing ads silently'],
    ['max pages', watch.maxPages === null ? styles.dim('(config default)') : String(watch.maxPages)],
    ['created', watch.createdAt],
    ['last check', check.checkedAt ? `${check.checkedAt} (${formatRelativeTime(check.checkedAt, now)})` : 'never'],
    ['result', describeLastCheck(watch, styles)],
  ];
  if (check.status === 'error' && check.errorMessage) rows.push(['error', check.errorMessage]);
  rows.push(['last success', check.lastSuccessAt ?? 'never']);
  rows.push(['ads', `${ads.active} active, ${ads.gone} gone`]);
  if (watch.seenUpToId !== null) rows.push(['seen up to id', String(watch.seenUpToId)]);
  const ownFilter = describeFilter(filter.own);
  const inherited = globalFilter === null ? [] : describeFilter(globalFilter);
  rows.push(['filter', ownFilter.length > 0 ? ownFilter.join('\n             ') : styles.dim('(none)')]);
  if (inherited.length > 0) {
    const shown = inherited.join('\n             ');
    rows.push(['global', filter.useGlobal ? shown : styles.dim(`(ignored) ${inherited.join('; ')}`)]);
  }
  for (const [label, value] of rows) output.line(`${styles.bold(label.padEnd(12))} ${value}`);
  return ExitCode.ok;
}
