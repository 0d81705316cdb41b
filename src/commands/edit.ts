import type { AppContext } from '../app/context.js';
import { applyFilterFlags, type FilterFlags, hasFilterFlags } from '../app/filter-options.js';
import { pickTargets } from '../app/pick-targets.js';
import { applyRuleFlags, hasRuleFlags, type RuleFlags } from '../app/rule-flags.js';
import { watchToJson } from '../app/watch-json.js';
import { requireWatch } from '../app/watch-lookup.js';
import { duplicateError } from '../domain/duplicate-watch.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import type { DigestChoice } from '../domain/quiet-hours.js';
import { maskTarget, parseTarget } from '../domain/targets/parse-target.js';
import { validateWatchName } from '../domain/watch-name.js';
import { canonicalizeWatchUrl } from '../domain/watch-url.js';
import { getWatchFilter, setWatchFilter } from '../store/filters-repo.js';
import { getWatchRules, setWatchDigest, setWatchRules } from '../store/rules-repo.js';
import { findWatchByUrl, updateWatch, type WatchChanges } from '../store/watches-repo.js';

export interface EditOptions extends FilterFlags, RuleFlags {
  name?: string;
  url?: string;
  enable?: boolean;
  disable?: boolean;
  addNotify?: string[];
  removeNotify?: string[];
  notifyExisting?: boolean;
  maxPages?: number | 'default';
  allowAnyHost?: boolean;
  digest?: DigestChoice;
  json?: boolean;
}

/** `pyhabot edit <id>`: change a watch; every change is validated before anything is written. */
export async function run(context: AppContext, [id]: [id: number], options: EditOptions): Promise<ExitCode> {
  const changes: WatchChanges = {};
  if (options.name !== undefined) changes.name = validateWatchName(options.name);
  if (options.url !== undefined) {
    changes.url = canonicalizeWatchUrl(options.url, { allowAnyHost: options.allowAnyHost === true });
  }
  if (options.enable) changes.enabled = true;
  if (options.disable) changes.enabled = false;
  if (options.notifyExisting !== undefined) changes.notifyExisting = options.notifyExisting;
  if (options.maxPages !== undefined) changes.maxPages = options.maxPages === 'default' ? null : options.maxPages;
  const added = (options.addNotify ?? []).map((target) => parseTarget(target).raw);

  const db = await context.db('write');
  const watch = requireWatch(db, id);
  const removed = pickTargets(watch.notify, options.removeNotify ?? [], maskTarget, id);
  if (added.length > 0 || removed.length > 0) {
    const kept = watch.notify.filter((target) => !removed.includes(target));
    changes.notify = [...kept, ...added.filter((target) => !kept.includes(target))];
  }
  if (changes.url !== undefined && changes.url !== watch.url) {
    const other = findWatchByUrl(db, changes.url);
    if (other) throw duplicateError(other.id, other.name);
  }
  const filter = hasFilterFlags(options) ? applyFilterFlags(getWatchFilter(db, id), options) : null;
  const rules = hasRuleFlags(options) ? applyRuleFlags(getWatchRules(db, id), options) : null;
  if (Object.keys(changes).length === 0 && filter === null && rules === null && options.digest === undefined) {
    throw new UserError('nothing to change', { hint: 'see `pyhabot edit --help` for what can be changed' });
  }
  const updated = db.transaction(() => {
    // A filter change touches no recorded ad: ads already seen never become new because a filter now passes them.
    if (filter) setWatchFilter(db, id, filter);
    if (rules) setWatchRules(db, id, rules);
    if (options.digest !== undefined) setWatchDigest(db, id, options.digest);
    return updateWatch(db, id, changes, context.now());
  })();
  if (options.json) {
    context.output.json(watchToJson(updated, maskTarget));
  } else {
    context.output.line(`Updated watch ${updated.id}: ${updated.name}`);
    if (changes.url !== undefined && changes.url !== watch.url) {
      context.output.line('The URL changed: the next check records a new baseline.');
    }
    if (changes.notify !== undefined) printTargets(context, updated.notify);
  }
  return ExitCode.ok;
}

function printTargets(context: AppContext, targets: readonly string[]): void {
  if (targets.length === 0) {
    context.output.line("No notification targets left: the config's notify list applies.");
    return;
  }
  context.output.line(targets.length === 1 ? 'Notification target:' : 'Notification targets:');
  targets.forEach((target, index) => {
    context.output.line(`  ${index + 1}. ${maskTarget(target)}`);
  });
}
