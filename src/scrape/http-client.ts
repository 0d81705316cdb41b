import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import got, { type Request as GotRequest, type PlainResponse, RequestError } from 'got';
import { ScrapeError } from '../domain/errors.js';
import { cookieDomainFor, createSiteCookies } from './cookie-jar.js';
import type { ListingPreference } from './listing-preferences.js';
import {
  type Clock,
  crawlDelayFloorsMs,
  createPolitenessGate,
  defaultRequestDelayMs,
  type Sleep,
  sleepWithTimer,
} from './politeness.js';
import {
  type AttemptOutcome,
  decideRetry,
  defaultRetrySettings,
  type RetryDecision,
  type RetrySettings,
} from './retry-policy.js';

/** One page as the site served it, after following redirects. */
export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  /** Decoded on first read, so a caller can let its next request go out before paying for it. */
  readonly body: string;
  fetchedAt: Date;
  /** Each URL a redirect led to, in order; the last one is `finalUrl`. Empty when there was no redirect. */
  redirects: string[];
}

/** Per-call options of `fetchPage`. */
export interface FetchPageOptions {
  /** Cancels the request, any wait before it and any retry; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The only way the product talks to the site. */
export interface SiteClient {
  /** GET one page, with cookies, politeness, retries and redirects handled. */
  fetchPage(url: string, options?: FetchPageOptions): Promise<FetchedPage>;
  /** Drop idle keep-alive connections so the process can exit. */
  close(): void;
}

/** Settings for `createSiteClient`; each has a default, so callers pass only what their configuration sets. */
export interface SiteClientOptions {
  userAgent?: string;
  /** Bound on one whole attempt, body included (default 20 000). */
  timeoutMs?: number;
  /** Largest body accepted, counted after decompression (default 8 MiB). */
  maxBodyBytes?: number;
  /** Tries after the first for network errors, timeouts, 429 and 5xx (default 3). */
  maxRetries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  retryAfterMaxMs?: number;
  /** Spacing between request starts to one host (default 1000; HardverApró never below 1000). */
  requestDelayMs?: number;
  /** Per-host minimum spacing (default: HardverApró's robots.txt crawl delay). */
  crawlDelayFloorsMs?: Readonly<Record<string, number>>;
  /** Redirect hops followed per page (default 5). */
  maxRedirects?: number;
  /** Sort and page size to ask for, sent as the site's preference cookie (default: none, the site's own). */
  listingPreference?: ListingPreference | null;
  now?: Clock;
  sleep?: Sleep;
  /** Source of jitter for backoff, in [0, 1). */
  random?: () => number;
}

/** The defaults `createSiteClient` uses for options left out. */
export const siteClientDefaults = {
  userAgent: 'pyhabot (+https://github.com/pyhabot/pyhabot)',
  timeoutMs: 20_000,
  maxBodyBytes: 8 * 1024 * 1024,
  maxRetries: defaultRetrySettings.maxRetries,
  retryBaseMs: defaultRetrySettings.baseMs,
  retryMaxMs: defaultRetrySettings.maxMs,
  retryAfterMaxMs: defaultRetrySettings.retryAfterMaxMs,
  requestDelayMs: defaultRequestDelayMs,
  maxRedirects: 5,
} as const;

/**
 * The anonymous single sign-on host of the site's operator. Its cookie test may pass through it
 * (site → auth.rios.hu → site) before landing back on the page, so it is the one foreign host redirects may visit.
 */
export const singleSignOnHost = 'auth.rios.hu';

const acceptHeader = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Whether a redirect from a page of `origin` to `target` is followed: the same host, the same registrable site
 * (hardverapro.hu ↔ www.hardverapro.hu), or the operator's sign-on host. Anything else is not the page we asked for.
 */
export function isRedirectAllowed(origin: URL, target: URL): boolean {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  const from = origin.hostname.toLowerCase();
  const to = target.hostname.toLowerCase();
  if (from === to || to === singleSignOnHost) return true;
  const site = cookieDomainFor(from);
  return site !== undefined && site === cookieDomainFor(to);
}

/** Where a response redirects to, resolved against the URL it came from; null when it is not a usable redirect. */
export function redirectTarget(status: number, location: string | undefined, from: URL): URL | null {
  if (!redirectStatuses.has(status) || location === undefined || location.trim() === '') return null;
  try {
    return new URL(location, from);
  } catch {
    return null;
  }
}

/** The charset a `Content-Type` header names, lower-case; utf-8 when it names none. */
export function charsetOf(contentType: string | undefined): string {
  const match = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

type AttemptResult =
  | { type: 'response'; status: number; headers: PlainResponse['headers']; body: Buffer | null }
  | { type: 'failed'; outcome: AttemptOutcome };

type HopResponse = Extract<AttemptResult, { type: 'response' }>;

type HopStep = { done: HopResponse } | { outcome: AttemptOutcome; decision: RetryDecision };

/** Create a client with its own cookie jar, politeness gate and connection pool. */
export function createSiteClient(options: SiteClientOptions = {}): SiteClient {
  const userAgent = options.userAgent ?? siteClientDefaults.userAgent;
  const timeoutMs = options.timeoutMs ?? siteClientDefaults.timeoutMs;
  const maxBodyBytes = options.maxBodyBytes ?? siteClientDefaults.maxBodyBytes;
  const maxRedirects = options.maxRedirects ?? siteClientDefaults.maxRedirects;
  const retrySettings: RetrySettings = {
    maxRetries: options.maxRetries ?? siteClientDefaults.maxRetries,
    baseMs: options.retryBaseMs ?? siteClientDefaults.retryBaseMs,
    maxMs: options.retryMaxMs ?? siteClientDefaults.retryMaxMs,
    retryAfterMaxMs: options.retryAfterMaxMs ?? siteClientDefaults.retryAfterMaxMs,
  };
  const listingPreference = options.listingPreference ?? null;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const gate = createPolitenessGate({
    requestDelayMs: options.requestDelayMs ?? siteClientDefaults.requestDelayMs,
    floorsMs: options.crawlDelayFloorsMs ?? crawlDelayFloorsMs,
    now,
    sleep: options.sleep ?? sleepWithTimer,
  });
  const cookies = createSiteCookies();
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

  async function attemptOnce(url: URL, signal: AbortSignal | undefined): Promise<AttemptResult> {
    const cookie = await cookies.headerFor(url);
    const request = got.stream(url, {
      headers: {
        'user-agent': userAgent,
        'accept-language': 'hu',
        accept: acceptHeader,
        ...(cookie === '' ? {} : { cookie }),
      },
      // Redirects are followed hop by hop below, so every hop passes the politeness gate and the cookie jar.
      followRedirect: false,
      throwHttpErrors: false,
      retry: { limit: 0 },
      // `request` runs until the body's last byte, so a stalled body times out too.
      timeout: { request: timeoutMs },
      decompress: true,
      agent: agents,
      ...(signal === undefined ? {} : { signal }),
    });
    try {
      const response = await responseOf(request);
      await cookies.store(url, response.headers['set-cookie']);
      const status = response.statusCode;
      if (status < 200 || status > 299) {
        request.destroy();
        return { type: 'response', status, headers: response.headers, body: null };
      }
      const body = await readBoundedBody(request, response.headers, url, maxBodyBytes);
      // got detaches its listener from `signal` only on destroy; a check's signal lives through every request of
      // the run, so without this each page would leave a listener (and its request) behind. The socket has gone
      // back to the keep-alive pool by now, so nothing is cut off.
      request.destroy();
      return { type: 'response', status, headers: response.headers, body };
    } catch (error) {
      request.destroy();
      if (signal?.aborted) throw signal.reason;
      if (error instanceof ScrapeError || !(error instanceof RequestError)) throw error;
      return { type: 'failed', outcome: outcomeOf(error) };
    }
  }

  async function fetchHop(url: URL, signal: AbortSignal | undefined): Promise<HopResponse> {
    for (let attempt = 1; ; attempt++) {
      const step = await gate.schedule(
        url,
        async (): Promise<HopStep> => {
          const result = await attemptOnce(url, signal);
          if (result.type === 'response' && result.status < 400) return { done: result };
          const outcome: AttemptOutcome =
            result.type === 'response'
              ? { type: 'status', status: result.status, headers: result.headers }
              : result.outcome;
          const decision = decideRetry(outcome, attempt, random(), now(), retrySettings);
          // Held off inside the slot so no queued request to this host slips in before the pause.
          if (decision.retry) gate.holdOff(url, decision.delayMs);
          return { outcome, decision };
        },
        signal,
      );
      if ('done' in step) return step.done;
      if (!step.decision.retry) {
        throw failureError(step.outcome, step.decision, { url, attempts: attempt, timeoutMs, retrySettings });
      }
    }
  }

  async function followRedirects(url: string, signal: AbortSignal | undefined): Promise<FetchedPage> {
    signal?.throwIfAborted();
    const requested = new URL(url);
    if (requested.protocol !== 'http:' && requested.protocol !== 'https:') {
      throw new TypeError(`Only http and https pages can be fetched, not ${url}`);
    }
    if (listingPreference !== null) await cookies.seedListingPreference(requested, listingPreference);
    const redirects: string[] = [];
    // A loop is the same URL asked for with the same cookies: the answer cannot change. The sign-on chain
    // returns to the first URL too, but with new cookies, so it is not a loop.
    const requestsSent = new Set<string>();
    let current = requested;
    for (;;) {
      const requestKey = `${current.href}\n${await cookies.headerFor(current)}`;
      if (requestsSent.has(requestKey)) {
        throw new ScrapeError('redirect_loop', `${requested.host} redirects in a loop (at ${current.href})`, {
          url: current.href,
        });
      }
      requestsSent.add(requestKey);
      const response = await fetchHop(current, signal);
      const location = firstHeader(response.headers.location);
      const target = redirectTarget(response.status, location, current);
      if (target === null) {
        if (response.status >= 200 && response.status <= 299) {
          return new ReceivedPage(
            { requestedUrl: requested.href, finalUrl: current.href, status: response.status },
            response.body,
            firstHeader(response.headers['content-type']),
            new Date(now()),
            redirects,
          );
        }
        throw new ScrapeError('http_status', `HTTP ${response.status} from ${current.host}`, {
          url: current.href,
          status: response.status,
        });
      }
      if (redirects.length >= maxRedirects) {
        throw new ScrapeError('redirect_loop', `${requested.host} redirected more than ${maxRedirects} times`, {
          url: current.href,
          status: response.status,
        });
      }
      if (!isRedirectAllowed(requested, target)) {
        throw new ScrapeError(
          'http_status',
          `${current.host} redirected to ${target.host}, outside the site; not followed`,
          { url: current.href, status: response.status },
        );
      }
      redirects.push(target.href);
      current = target;
    }
  }

  return {
    async fetchPage(url, fetchOptions = {}) {
      const { signal } = fetchOptions;
      try {
        return await followRedirects(url, signal);
      } catch (error) {
        // Whatever was interrupted (a sleep, got, the cookie jar), the caller sees the reason it aborted with.
        if (signal?.aborted) throw signal.reason;
        throw error;
      }
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function responseOf(request: GotRequest): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    // Stays attached after the response, so a late stream error never goes unhandled; the body reader sees it too.
    request.on('error', reject);
  });
}

// Reads chunk by chunk and stops at the limit, so an oversized body is never held in memory whole.
async function readBoundedBody(
  request: GotRequest,
  headers: PlainResponse['headers'],
  url: URL,
  maxBodyBytes: number,
): Promise<Buffer> {
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBodyBytes) {
    throw tooLarge(url, `declares ${formatBytes(declared)}`, maxBodyBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw tooLarge(url, 'is larger', maxBodyBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** A page whose bytes are decoded once, on first read of `body`; it keeps nothing else of the response. */
class ReceivedPage implements FetchedPage {
  readonly requestedUrl: string;
  readonly finalUrl: string;
  readonly status: number;
  #bytes: Buffer | null;
  readonly #contentType: string | undefined;
  #text: string | undefined;

  constructor(
    where: { requestedUrl: string; finalUrl: string; status: number },
    bytes: Buffer | null,
    contentType: string | undefined,
    readonly fetchedAt: Date,
    readonly redirects: string[],
  ) {
    this.requestedUrl = where.requestedUrl;
    this.finalUrl = where.finalUrl;
    this.status = where.status;
    this.#bytes = bytes;
    this.#contentType = contentType;
  }

  get body(): string {
    if (this.#text === undefined) {
      this.#text = this.#bytes === null ? '' : decodeBody(this.#bytes, this.#contentType);
      this.#bytes = null;
    }
    return this.#text;
  }
}

function decodeBody(bytes: Buffer, contentType: string | undefined): string {
  try {
    return new TextDecoder(charsetOf(contentType)).decode(bytes);
  } catch {
    // An unknown charset label: the site itself serves UTF-8.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function tooLarge(url: URL, what: string, maxBodyBytes: number): ScrapeError {
  return new ScrapeError('too_large', `page from ${url.host} ${what} than the ${formatBytes(maxBodyBytes)} limit`, {
    url: url.href,
  });
}

function outcomeOf(error: RequestError): AttemptOutcome {
  if (error.name === 'TimeoutError' || error.code === 'ETIMEDOUT') return { type: 'timeout' };
  return { type: 'network', code: error.code };
}

function failureError(
  outcome: AttemptOutcome,
  decision: Extract<RetryDecision, { retry: false }>,
  context: { url: URL; attempts: number; timeoutMs: number; retrySettings: RetrySettings },
): ScrapeError {
  const { url, attempts } = context;
  const host = url.host;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const status = outcome.type === 'status' ? outcome.status : undefined;
  let message: string;
  if (decision.reason === 'retry_after_too_long') {
    message =
      `${host} asked to wait ${formatSeconds(decision.retryAfterMs ?? 0)} (HTTP ${status}), ` +
      `longer than the ${formatSeconds(context.retrySettings.retryAfterMaxMs)} allowed`;
  } else if (outcome.type === 'status') {
    message = `HTTP ${outcome.status} from ${host}${tries}`;
  } else if (outcome.type === 'timeout') {
    const attemptsNote = attempts > 1 ? ` (${attempts} attempts)` : '';
    message = `timed out after ${formatSeconds(context.timeoutMs)} waiting for ${host}${attemptsNote}`;
  } else {
    message = `could not reach ${host} (${outcome.code ?? 'connection failed'})${tries}`;
  }
  return new ScrapeError(decision.kind, message, status === undefined ? { url: url.href } : { url: url.href, status });
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}
