import type { AppContext } from '../app/context.js';
import { requireWatches } from '../app/watch-lookup.js';
import { ExitCode } from '../domain/exit-codes.js';
import { deleteWatches } from '../store/watches-repo.js';

/** `pyhabot remove <id...>`: all or nothing; an unknown id removes nothing. */
export async function run(context: AppContext, [ids]: [ids: number[]], options: { json?: boolean }): Promise<ExitCode> {
  const db = await context.db('write');
  const watches = requireWatches(db, ids);
  deleteWatches(
    db,
    watches.map((watch) => watch.id),
  );
  if (options.json) {
    context.output.json({ removed: watches.map((watch) => ({ id: watch.id, name: watch.name, url: watch.url })) });
  } else {
    for (const watch of watches) context.output.line(`Removed watch ${watch.id}: ${watch.name}`);
  }
  return ExitCode.ok;
}
