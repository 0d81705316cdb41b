import { UserError } from '../domain/errors.js';
import type { Watch } from '../domain/watch.js';
import type { Db } from '../store/open-db.js';
import { getWatch } from '../store/watches-repo.js';

/** Every given watch, or a UserError naming the ids that do not exist (nothing is done then). */
export function requireWatches(db: Db, ids: number[]): Watch[] {
  const found: Watch[] = [];
  const missing: number[] = [];
  for (const id of new Set(ids)) {
    const watch = getWatch(db, id);
    if (watch) found.push(watch);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const list = missing.join(', ');
    throw new UserError(missing.length === 1 ? `no watch with id ${list}` : `no watches with ids ${list}`, {
      hint: 'run `pyhabot list` to see the watch ids',
    });
  }
  return found;
}

/** The watch with this id, or the same UserError as `requireWatches`. */
export function requireWatch(db: Db, id: number): Watch {
  const [watch] = requireWatches(db, [id]);
  if (watch === undefined) throw new Error(`requireWatches returned nothing for watch ${id}`);
  return watch;
}
