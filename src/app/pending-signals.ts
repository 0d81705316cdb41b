import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A signal that came during synchronous work (a long parse, the database writes) is handled only when the event
 * loop next polls. The first immediate runs before that poll, the second after it: once both have run, the
 * signal's handler has too, and the run ends after the watch it was busy with.
 */
export async function letPendingSignalsIn(): Promise<void> {
  await nextTurn();
  await nextTurn();
}
