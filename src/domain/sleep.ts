import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms` milliseconds; rejects early, with the signal's reason, when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The one abortable wait: a timer that `signal` cancels, rejecting with the reason it aborted with. */
export const sleep: Sleep = async (ms, signal) => {
  try {
    await delay(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
};
