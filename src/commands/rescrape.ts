import type { AppContext } from '../app/context.js';
import { requireWatches } from '../app/watch-lookup.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import { listWatches, resetWatchBaselines } from '../store/watches-repo.js';

/** `pyhabot rescrape <id...> | --all`: forget what watches have seen, so the next check reports every current ad. */
export async function run(
  context: AppContext,
  [watchIds]: [ids: number[] | undefined],
  options: { all?: boolean; json?: boolean },
): Promise<ExitCode> {
  const ids = watchIds ?? [];
  if (options.all && ids.length > 0) throw new UserError('give watch ids or --all, not both');
  if (!options.all && ids.length === 0) {
    throw new UserError('which watches?', { hint: 'give watch ids (see `pyhabot list`) or --all' });
  }
  const db = await context.db('write');
  const watches = options.all ? listWatches(db) : requireWatches(db, ids);
  resetWatchBaselines(
    db,
    watches.map((watch) => watch.id),
    context.now(),
  );
  if (options.json) {
    context.output.json({ reset: watches.map((watch) => ({ id: watch.id, name: watch.name })) });
  } else if (watches.length === 0) {
    context.output.line('No watches to reset.');
  } else {
    for (const watch of watches) {
      context.output.line(`Watch ${watch.id} (${watch.name}): the next check reports every current ad as new.`);
    }
  }
  return ExitCode.ok;
}
