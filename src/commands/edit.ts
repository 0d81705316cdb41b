import type { AppContext } from '../app/context.js';
import { applyFilterFlags, type FilterFlags, hasFilterFlags } from '../app/filter-options.js';
import { validateTargets } from '../app/targets.js';
import { watchToJson } from '../app/watch-json.js';
import { requireWatches } from '../app/watch-lookup.js';
import { validateWatchName } from '../app/watch-name.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import { maskTarget } from '../domain/notification-target.js';
import type { Watch } from '../domain/watch.js';
import { canonicalizeWatchUrl } from '../domain/watch-url.js';
import { getWatchFilter, setWatchFilter } from '../store/filters-repo.js';
import { findWatchByUrl, updateWatch, type WatchChanges } from '../store/watches-repo.js';
import { duplicateError } from './add.js';

interface EditOptions extends FilterFlags {
  name?: string;
  url?: string;
  enable?: boolean;
  disable?: boolean;
  addNotify?: string[];
  removeNotify?: string[];
  notifyExisting?: boolean;
  maxPages?: number;
  allowAnyHost?: boolean;
  json?: boolean;
}

/** `pyhabot edit <id>`: change a watch; every change is validated before anything is written. */
export async function run(context: AppContext, args: unknown[], options: EditOptions): Promise<ExitCode> {
  const id = args[0] as number;
  const changes: WatchChanges = {};
  if (options.name !== undefined) changes.name = validateWatchName(options.name);
  if (options.url !== undefined) {
    changes.url = canonicalizeWatchUrl(options.url, { allowAnyHost: options.allowAnyHost === true });
  }
  if (options.enable) changes.enabled = true;
  if (options.disable) changes.enabled = false;
  if (options.notifyExisting) changes.notifyExisting = true;
  if (options.maxPages !== undefined) changes.maxPages = options.maxPages;
  const added = validateTargets(options.addNotify ?? []);
  const removed = (options.removeNotify ?? []).map((target) => target.trim());

  const db = await context.db('write');
  const [watch] = requireWatches(db, [id]) as [Watch];
  if (added.length > 0 || removed.length > 0) {
    const missing = removed.filter((target) => !watch.notify.includes(target));
    if (missing.length > 0) {
      const mask = maskTarget;
      throw new UserError(`watch ${id} has no notification target ${mask(missing[0] as string)}`, {
        hint: `see its targets with \`pyhabot show ${id}\``,
      });
    }
    const kept = watch.notify.filter((target) => !removed.includes(target));
    changes.notify = [...kept, ...added.filter((target) => !kept.includes(target))];
  }
  if (changes.url !== undefined && changes.url !== watch.url) {
    const other = findWatchByUrl(db, changes.url);
    if (other) throw duplicateError(other.id, other.name);
  }
  const filter = hasFilterFlags(options) ? applyFilterFlags(getWatchFilter(db, id), options) : null;
  if (Object.keys(changes).length === 0 && filter === null) {
    throw new UserError('nothing to change', { hint: 'see `pyhabot edit --help` for what can be changed' });
  }
  const updated = db.transaction(() => {
    // A filter change touches no recorded ad: ads already seen never become new because a filter now passes them.
    if (filter) setWatchFilter(db, id, filter);
    return updateWatch(db, id, changes, context.now());
  })();
  if (options.json) {
    context.output.json(watchToJson(updated, maskTarget));
  } else {
    context.output.line(`Updated watch ${updated.id}: ${updated.name}`);
    if (changes.url !== undefined && changes.url !== watch.url) {
      context.output.line('The URL changed: the next check records a new baseline.');
    }
  }
  return ExitCode.ok;
}
