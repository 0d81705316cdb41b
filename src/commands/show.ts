import type { AppContext } from '../app/context.js';
import { describeFilter } from '../app/describe-filter.js';
import { describeOwnRules, describeRules, rulesToJson } from '../app/describe-rules.js';
import { displayText } from '../app/display-text.js';
import { formatLocalDateTime, formatRelativeTime } from '../app/format.js';
import { describeLastCheck } from '../app/last-check.js';
import { watchToJson } from '../app/watch-json.js';
import { requireWatch } from '../app/watch-lookup.js';
import { ExitCode } from '../domain/exit-codes.js';
import { countWatchAds } from '../store/ads-repo.js';
import { getWatchFilter } from '../store/filters-repo.js';
import { getWatchRules } from '../store/rules-repo.js';

/** `pyhabot show <id>`: everything about one watch. */
export async function run(context: AppContext, [id]: [id: number], options: { json?: boolean }): Promise<ExitCode> {
  const db = await context.db();
  const watch = requireWatch(db, id);
  const mask = await targetMasker(watch.notify);
  const ads = countWatchAds(db, watch.id);
  const filter = getWatchFilter(db, watch.id);
  const { filter: globalFilter, rules: globalRules } = (await context.config()).config;
  const ownRules = getWatchRules(db, watch.id);
  const digest = ownRules.digest ?? null;
  const { output } = context;
  if (options.json) {
    output.json({
      ...watchToJson(watch, mask),
      ads,
      filter: { ...filter, global: globalFilter },
      rules: rulesToJson(ownRules, globalRules),
      digest,
    });
    return ExitCode.ok;
  }
  const { styles } = output;
  const now = context.now();
  const check = watch.lastCheck;
  const rows: Array<[string, string]> = [
    ['id', String(watch.id)],
    ['name', displayText(watch.name)],
    ['url', displayText(watch.url)],
    ['enabled', watch.enabled ? 'yes' : 'no'],
    [
      'notify',
      watch.notify.length === 0
        ? styles.dim('(config default)')
        : watch.notify.map((target, index) => `${index + 1}. ${displayText(mask(target))}`).join('\n             '),
    ],
    ['first check', watch.notifyExisting ? 'reports existing ads' : 'records existing ads silently'],
    ['max pages', watch.maxPages === null ? styles.dim('(config default)') : String(watch.maxPages)],
    ['created', describeMoment(watch.createdAt, now)],
    ['last check', describeMoment(check.checkedAt, now)],
    ['result', describeLastCheck(watch, styles)],
  ];
  if (check.status === 'error' && check.errorMessage) rows.push(['error', displayText(check.errorMessage)]);
  rows.push(['last success', describeMoment(check.lastSuccessAt, now)]);
  rows.push(['ads', `${ads.active} active, ${ads.gone} gone`]);
  if (watch.seenUpToId !== null) rows.push(['seen up to id', String(watch.seenUpToId)]);
  const ownFilter = describeFilter(filter.own);
  const inherited = globalFilter === null ? [] : describeFilter(globalFilter);
  rows.push(['filter', ownFilter.length > 0 ? ownFilter.join('\n             ') : styles.dim('(none)')]);
  if (inherited.length > 0) {
    const shown = inherited.join('\n             ');
    rows.push(['global', filter.useGlobal ? shown : styles.dim(`(ignored) ${inherited.join('; ')}`)]);
  }
  const own = describeOwnRules(ownRules);
  rows.push(['rules', own.length > 0 ? own.join('\n             ') : styles.dim('(none of its own)')]);
  const effective = describeRules(ownRules, globalRules).map(
    ({ name, value, source }) => `${name} ${value} ${styles.dim(`(${source === 'global' ? 'config file' : source})`)}`,
  );
  rows.push(['in effect', effective.join('\n             ')]);
  if (digest !== null) rows.push(['digest', digest === 'off' ? 'off (sent at once)' : digest]);
  for (const [label, value] of rows) output.line(`${styles.bold(label.padEnd(12))} ${value}`);
  return ExitCode.ok;
}

/** "19 Dec 2025, 16:20 (3 min ago)" in the user's time zone, or "never". */
function describeMoment(iso: string | null, now: Date): string {
  return iso === null ? 'never' : `${formatLocalDateTime(iso)} (${formatRelativeTime(iso, now)})`;
}

/**
 * The masker for a watch's targets. The rules are a module per channel, loaded only when there is a target to
 * mask; for none, anything asked is masked whole, which is safe and never happens.
 */
async function targetMasker(targets: readonly string[]): Promise<(raw: string) => string> {
  if (targets.length === 0) return () => '****';
  return (await import('../domain/targets/parse-target.js')).maskTarget;
}
