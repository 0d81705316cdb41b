import { setImmediate as nextTurn } from 'node:timers/promises';

/** How a started task ended. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Lets a task start the next one early, once it will send no more requests of its own; resolves when the next
 * task has had a head start. Calling it again, or when there is no next task, does nothing.
 */
export type StartNext = () => Promise<void>;

/**
 * Runs `start` on each item in order and yields each outcome with its item. The next item starts when the
 * previous task calls its `startNext` (unless the caller is still busy with the outcome before that), or at the
 * latest when it settles, and always before its outcome is handed over, so the caller's synchronous work on an outcome (parsing, writing the database) overlaps the next
 * task's wait on the network. `shouldStart` is asked before each start; once it says no, nothing more is
 * started, and the last task started is the last one handed over.
 */
export async function* readAhead<Item, Value>(
  items: readonly Item[],
  start: (item: Item, index: number, startNext: StartNext) => Promise<Value>,
  shouldStart: () => boolean,
): AsyncGenerator<{ item: Item; index: number; outcome: Settled<Value> }> {
  // Tasks started and not yet handed over; an outcome may hold a whole page, so none is kept past its turn.
  const running = new Map<number, Promise<Settled<Value>>>();
  let launched = 0;
  // Only the task after the one being handed over may start: tasks that finish fast must not run ahead of a slow
  // caller, holding every page they read.
  let handingOver = 0;
  const launch = (index: number): boolean => {
    if (index >= items.length || index < launched || index > handingOver + 1 || !shouldStart()) return false;
    // Counted before `start` runs: a task may call its `startNext` synchronously.
    launched = index + 1;
    running.set(index, settle(start(items[index] as Item, index, () => startWithHeadStart(index + 1))));
    return true;
  };
  const startWithHeadStart = async (index: number): Promise<void> => {
    // The request is only sent after a few turns of the event loop; without them the synchronous work that
    // follows would run first and the overlap would be lost.
    if (launch(index)) await headStart();
  };
  launch(0);
  for (let index = 0; index < items.length; index += 1) {
    handingOver = index;
    const task = running.get(index);
    if (task === undefined) return;
    running.delete(index);
    const outcome = await task;
    await startWithHeadStart(index + 1);
    yield { item: items[index] as Item, index, outcome };
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
