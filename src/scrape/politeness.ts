import { type Sleep, sleep as timerSleep } from '../domain/sleep.js';

/** Milliseconds since the epoch, like `Date.now`. */
export type Clock = () => number;

/**
 * Hosts whose robots.txt asks for a crawl delay: the spacing for them never drops below this,
 * whatever the configuration says (HardverApró: `crawl-delay: 1`). The spacing is kept between the moments
 * requests are scheduled; the site sees them arrive a few milliseconds apart from that, so a small margin
 * keeps every gap it sees at 1 s or more.
 */
export const crawlDelayFloorsMs: Readonly<Record<string, number>> = {
  'hardverapro.hu': 1025,
  'www.hardverapro.hu': 1025,
};

/** The default spacing between the starts of two requests to one host. */
export const defaultRequestDelayMs = 1000;

/** Settings for a politeness gate; every field has a default. */
export interface PolitenessOptions {
  /** Spacing between request starts to one host (default 1000); 0 is allowed for hosts without a floor. */
  requestDelayMs?: number;
  /** Per-host minimum spacing (default: HardverApró's crawl delay). */
  floorsMs?: Readonly<Record<string, number>>;
  now?: Clock;
  sleep?: Sleep;
}

/** Serialises requests per host and spaces their starts. */
export interface PolitenessGate {
  /** Run `start` when it is the host's turn and the spacing allows; resolves with its result. */
  schedule<T>(url: URL, start: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Wait until the spacing and any hold-off allow one more request to `url`'s host, and count it as started. */
  pace(url: URL, signal?: AbortSignal): Promise<void>;
  /** Keep the host quiet for `delayMs` from now (a `Retry-After` or a backoff); counts as spacing, not added to it. */
  holdOff(url: URL, delayMs: number): void;
}

/** The key requests are grouped by: the host name, lower-case, without a trailing dot. */
export function hostKey(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}

/** The spacing for one host: the configured delay, never below the host's floor. */
export function spacingForHost(host: string, requestDelayMs: number, floorsMs = crawlDelayFloorsMs): number {
  const floor = floorsMs[host] ?? 0;
  return Math.max(floor, Math.max(0, requestDelayMs));
}

/** What the gate remembers about one host. */
export interface HostTiming {
  /** When the last request to the host started; undefined before the first. */
  lastStartMs: number | undefined;
  /** No request may start before this (a server-requested or backoff pause). */
  notBeforeMs: number;
}

/** How long a request to a host must still wait at `nowMs` before it may start. */
export function waitBeforeStartMs(timing: HostTiming, spacingMs: number, nowMs: number): number {
  const spacedStart = timing.lastStartMs === undefined ? Number.NEGATIVE_INFINITY : timing.lastStartMs + spacingMs;
  return Math.max(0, spacedStart - nowMs, timing.notBeforeMs - nowMs);
}

interface HostState extends HostTiming {
  /** Settles when the request holding the host, and all queued before it, are done. */
  tail: Promise<void>;
}

/** Create a gate that lets one request per host run at a time, with spaced starts. */
export function createPolitenessGate(options: PolitenessOptions = {}): PolitenessGate {
  const requestDelayMs = options.requestDelayMs ?? defaultRequestDelayMs;
  const floorsMs = options.floorsMs ?? crawlDelayFloorsMs;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? timerSleep;
  const hosts = new Map<string, HostState>();

  const stateFor = (host: string): HostState => {
    let state = hosts.get(host);
    if (state === undefined) {
      state = { lastStartMs: undefined, notBeforeMs: Number.NEGATIVE_INFINITY, tail: Promise.resolve() };
      hosts.set(host, state);
    }
    return state;
  };

  const pace = async (url: URL, signal?: AbortSignal): Promise<void> => {
    const host = hostKey(url);
    const state = stateFor(host);
    const spacingMs = spacingForHost(host, requestDelayMs, floorsMs);
    // Loop because a hold-off can be extended while we sleep.
    for (let wait = waitBeforeStartMs(state, spacingMs, now()); wait > 0; ) {
      await sleep(wait, signal);
      wait = waitBeforeStartMs(state, spacingMs, now());
    }
    signal?.throwIfAborted();
    state.lastStartMs = now();
  };

  return {
    async schedule(url, start, signal) {
      const state = stateFor(hostKey(url));
      const previous = state.tail;
      let release: () => void = () => {};
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      state.tail = previous.then(() => mine);
      try {
        await untilSettledOrAborted(previous, signal);
        await pace(url, signal);
        return await start();
      } finally {
        release();
      }
    },
    pace,
    holdOff(url, delayMs) {
      const state = stateFor(hostKey(url));
      state.notBeforeMs = Math.max(state.notBeforeMs, now() + Math.max(0, delayMs));
    },
  };
}

// Leaving the queue on abort is safe: our own slot is released in `finally`, so later requests only wait for `previous`.
function untilSettledOrAborted(previous: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return previous;
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void previous.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
