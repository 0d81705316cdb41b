import { setImmediate as nextTurn } from 'node:timers/promises';

/** How a started task ended. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Runs `start` on each item in order, one at a time, and yields each outcome with its item. The next item is
 * started as soon as the previous one has settled, before that outcome is handed over, so that the caller's
 * synchronous work on it (parsing, writing the database) overlaps the next task's wait on the network.
 * `shouldStart` is asked before each start; once it says no, nothing more is started, and the task already
 * started is the last one handed over.
 */
export async function* readAhead<Item, Value>(
  items: readonly Item[],
  start: (item: Item, index: number) => Promise<Value>,
  shouldStart: () => boolean,
): AsyncGenerator<{ item: Item; index: number; outcome: Settled<Value> }> {
  if (items.length === 0 || !shouldStart()) return;
  let running = settle(start(items[0] as Item, 0));
  for (let index = 0; index < items.length; index += 1) {
    const outcome = await running;
    const nextIndex = index + 1;
    const hasNext = nextIndex < items.length && shouldStart();
    if (hasNext) {
      running = settle(start(items[nextIndex] as Item, nextIndex));
      // The request is only sent after a few turns of the event loop; without them the caller's synchronous
      // work would run first and the overlap would be lost.
      await headStart();
    }
    yield { item: items[index] as Item, index, outcome };
    if (!hasNext) return;
  }
}

/** Never rejects, so a task that fails while nobody awaits it yet is not an unhandled rejection. */
function settle<Value>(task: Promise<Value>): Promise<Settled<Value>> {
  return task.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

async function headStart(): Promise<void> {
  for (let turn = 0; turn < 3; turn += 1) await nextTurn();
}
