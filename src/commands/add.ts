import type { AppContext } from '../app/context.js';
import { applyFilterFlags, type FilterFlags, hasFilterFlags } from '../app/filter-options.js';
import { applyRuleFlags, hasRuleFlags, type RuleFlags } from '../app/rule-flags.js';
import { type SearchFlags, watchUrlFrom } from '../app/search-flags.js';
import { watchToJson } from '../app/watch-json.js';
import { duplicateError } from '../domain/duplicate-watch.js';
import { ExitCode } from '../domain/exit-codes.js';
import type { DigestChoice } from '../domain/quiet-hours.js';
import { maskTarget, parseTarget } from '../domain/targets/parse-target.js';
import { fitWatchName, validateWatchName } from '../domain/watch-name.js';
import { canonicalizeWatchUrl, defaultWatchName } from '../domain/watch-url.js';
import { setWatchFilter } from '../store/filters-repo.js';
import { setWatchDigest, setWatchRules } from '../store/rules-repo.js';
import { findWatchByUrl, insertWatch } from '../store/watches-repo.js';

export interface AddOptions extends FilterFlags, SearchFlags, RuleFlags {
  name?: string;
  notify?: string[];
  notifyExisting?: boolean;
  maxPages?: number;
  disabled?: boolean;
  digest?: DigestChoice;
  allowAnyHost?: boolean;
  json?: boolean;
}

/** `pyhabot add <url>`: store a new watch; no network access. */
export async function run(
  context: AppContext,
  [rawUrl]: [url: string | undefined],
  options: AddOptions,
): Promise<ExitCode> {
  const url = canonicalizeWatchUrl(watchUrlFrom(rawUrl, options), { allowAnyHost: options.allowAnyHost === true });
  const name = options.name === undefined ? fitWatchName(defaultWatchName(url)) : validateWatchName(options.name);
  const notify = (options.notify ?? []).map((target) => parseTarget(target).raw);
  const filter = hasFilterFlags(options) ? applyFilterFlags({ own: {}, useGlobal: true }, options) : null;
  const rules = hasRuleFlags(options) ? applyRuleFlags({}, options) : null;
  const { config } = await context.config();
  const db = await context.db('write');
  const existing = findWatchByUrl(db, url);
  if (existing) throw duplicateError(existing.id, existing.name);
  const insert = () =>
    insertWatch(
      db,
      {
        name,
        url,
        enabled: options.disabled !== true,
        notify,
        notifyExisting: options.notifyExisting ?? config.notifyExisting,
        maxPages: options.maxPages ?? null,
      },
      context.now(),
    );
  const watch = db.transaction(() => {
    const inserted = insert();
    if (filter) setWatchFilter(db, inserted.id, filter);
    if (rules) setWatchRules(db, inserted.id, rules);
    if (options.digest !== undefined) setWatchDigest(db, inserted.id, options.digest);
    return inserted;
  })();
  if (options.json) {
    context.output.json(watchToJson(watch, maskTarget));
  } else {
    context.output.line(`Added watch ${watch.id}: ${watch.name}`);
  }
  return ExitCode.ok;
}
