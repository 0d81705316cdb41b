import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import got, { HTTPError, MaxRedirectsError, RequestError } from 'got';
import { ScrapeError } from '../domain/errors.js';
import type { Sleep } from '../domain/sleep.js';
import { createSiteCookies } from './cookie-jar.js';
import { describeFailure, formatBytes } from './describe-failure.js';
import type { ListingPreference } from './listing-preferences.js';
import { readPageBody, tooLarge } from './page-body.js';
import { type Clock, crawlDelayFloorsMs, createPolitenessGate, defaultRequestDelayMs } from './politeness.js';
import { isRedirectAllowed, offSiteRedirect } from './redirect-rules.js';
import { type AttemptOutcome, decideRetry, defaultRetrySettings, type RetryDecision } from './retry-policy.js';

/** One page as the site served it, after following redirects. */
export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  body: string;
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

/** Settings for `createSiteClient`, named as in the configuration; each has a default. */
export interface SiteClientOptions {
  userAgent?: string;
  /** Bound on one whole attempt, body included (default 20 000). */
  requestTimeoutMs?: number;
  /** Largest body accepted, counted after decompression (default 8 MiB). */
  maxBodyBytes?: number;
  /** Tries after the first for network errors, timeouts, 429 and 5xx (default 3). */
  maxRetries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Longest `Retry-After` waited for; a longer one fails the page at once (default 60 000). */
  retryAfterMaxMs?: number;
  /** Spacing between request starts to one host (default 1000; HardverApró never below its crawl delay). */
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
  requestTimeoutMs: 20_000,
  maxBodyBytes: 8 * 1024 * 1024,
  maxRetries: defaultRetrySettings.maxRetries,
  retryBaseMs: defaultRetrySettings.baseMs,
  retryMaxMs: defaultRetrySettings.maxMs,
  retryAfterMaxMs: defaultRetrySettings.retryAfterMaxMs,
  requestDelayMs: defaultRequestDelayMs,
  maxRedirects: 5,
} as const;

/** Create a client with its own cookie jar, politeness gate and connection pool. */
export function createSiteClient(options: SiteClientOptions = {}): SiteClient {
  const settings = { ...siteClientDefaults, ...withoutUndefined(options) };
  const retrySettings = {
    maxRetries: settings.maxRetries,
    baseMs: settings.retryBaseMs,
    maxMs: settings.retryMaxMs,
    retryAfterMaxMs: settings.retryAfterMaxMs,
  };
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const gate = createPolitenessGate({
    requestDelayMs: settings.requestDelayMs,
    floorsMs: options.crawlDelayFloorsMs ?? crawlDelayFloorsMs,
    now,
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
  const cookies = createSiteCookies();
  const agent = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  const client = got.extend({
    headers: {
      'user-agent': settings.userAgent,
      'accept-language': 'hu',
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    },
    // Decoded by `decompress` below, which stops at the body limit: got would inflate a compression bomb whole.
    decompress: false,
    responseType: 'buffer',
    // `request` runs until the body's last byte, so a stalled body times out too.
    timeout: { request: settings.requestTimeoutMs },
    agent,
    cookieJar: {
      getCookieString: (url: string) => cookies.headerFor(new URL(url)),
      setCookie: (cookie: string, url: string) => cookies.store(new URL(url), cookie),
    },
    maxRedirects: settings.maxRedirects,
  });

  async function fetchWithinTurn(requested: URL, signal: AbortSignal | undefined): Promise<FetchedPage> {
    // A loop is the same URL asked for with the same cookies: the answer cannot change. The sign-on chain
    // returns to the first URL too, but with new cookies, so it is not a loop.
    const requestKey = async (url: URL) => `${url.href}\n${await cookies.headerFor(url)}`;
    const requestsSent = new Set([await requestKey(requested)]);
    let hops = 0;
    let lastFailure: { outcome: AttemptOutcome; decision: RetryDecision; attempts: number } | undefined;
    let overLimit: ScrapeError | undefined;
    const request = client(requested, {
      ...(signal === undefined ? {} : { signal }),
      hooks: {
        // The turn in the gate paced the first request; every redirect hop and retry after it is paced here.
        beforeRequest: [async (next) => void (hops++ > 0 && (await gate.pace(new URL(next.url ?? ''), signal)))],
        beforeRedirect: [
          async (next, response) => {
            const from = new URL(response.url);
            const target = new URL(next.url ?? '');
            if (!isRedirectAllowed(requested, target)) throw offSiteRedirect(from, target.href, response.statusCode);
            const key = await requestKey(target);
            if (requestsSent.has(key)) {
              throw new ScrapeError('redirect_loop', `${requested.host} redirects in a loop (at ${target.href})`, {
                url: target.href,
              });
            }
            requestsSent.add(key);
          },
        ],
      },
      retry: {
        limit: settings.maxRetries,
        calculateDelay: ({ attemptCount, error }) => {
          if (signal?.aborted || error.cause instanceof ScrapeError || !isRetryableFailure(error)) return 0;
          const outcome = outcomeOf(error);
          const decision = decideRetry(outcome, attemptCount, random(), now(), retrySettings);
          lastFailure = { outcome, decision, attempts: attemptCount };
          if (!decision.retry) return 0;
          // The wait is the gate's, so it counts as spacing and an abort cuts it short; got only needs a non-zero delay.
          gate.holdOff(new URL(error.options.url ?? requested), decision.delayMs);
          return 1;
        },
      },
    });
    request.on('downloadProgress', ({ transferred, total }) => {
      if (total !== undefined && total > settings.maxBodyBytes) {
        overLimit = tooLarge(requested, `declares ${formatBytes(total)}, more`, settings.maxBodyBytes);
      } else if (transferred > settings.maxBodyBytes) {
        overLimit = tooLarge(requested, 'is larger', settings.maxBodyBytes);
      }
      if (overLimit !== undefined) request.cancel();
    });
    try {
      const response = await request;
      const finalUrl = new URL(response.url);
      // got lets a 304 through; nothing here asked for one, so it carries no page.
      if (response.statusCode > 299) {
        const message = `HTTP ${response.statusCode} from ${finalUrl.host}`;
        throw new ScrapeError('http_status', message, { url: finalUrl.href, status: response.statusCode });
      }
      return {
        requestedUrl: requested.href,
        finalUrl: finalUrl.href,
        status: response.statusCode,
        body: readPageBody(response.rawBody, response.headers, finalUrl, settings.maxBodyBytes),
        fetchedAt: new Date(now()),
        redirects: response.redirectUrls.map((url) => url.href),
      };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (overLimit !== undefined) throw overLimit;
      if (!(error instanceof RequestError)) throw error;
      if (error.cause instanceof ScrapeError) throw error.cause;
      const where = new URL(error.options.url ?? requested);
      const location = error.response?.headers.location;
      if (error.code === 'ERR_UNSUPPORTED_PROTOCOL' && location !== undefined) {
        // got refuses a non-http redirect before the redirect hook sees it.
        throw offSiteRedirect(where, new URL(location, where).href, error.response?.statusCode);
      }
      if (error instanceof MaxRedirectsError) {
        const message = `${requested.host} redirected more than ${settings.maxRedirects} times`;
        throw new ScrapeError('redirect_loop', message, { url: where.href, status: error.response.statusCode });
      }
      const outcome = lastFailure?.outcome ?? outcomeOf(error);
      const decision = lastFailure?.decision ?? decideRetry(outcome, Number.POSITIVE_INFINITY, 0, now(), retrySettings);
      if (decision.retry) throw error; // not reached: a failure with no further try is never retryable
      throw describeFailure(outcome, decision, {
        url: where,
        attempts: lastFailure?.attempts ?? 1,
        timeoutMs: settings.requestTimeoutMs,
        retryAfterMaxMs: settings.retryAfterMaxMs,
      });
    }
  }

  return {
    async fetchPage(url, { signal } = {}) {
      signal?.throwIfAborted();
      const requested = new URL(url);
      if (requested.protocol !== 'http:' && requested.protocol !== 'https:') {
        throw new TypeError(`Only http and https pages can be fetched, not ${url}`);
      }
      if (settings.listingPreference) await cookies.seedListingPreference(requested, settings.listingPreference);
      try {
        return await gate.schedule(requested, () => fetchWithinTurn(requested, signal), signal);
      } catch (error) {
        // Whatever was interrupted (a wait, got, the cookie jar), the caller sees the reason it aborted with.
        if (signal?.aborted) throw signal.reason;
        throw error;
      }
    },
    close() {
      agent.http.destroy();
      agent.https.destroy();
    },
  };
}

// Failures of the request itself; the ones got raises about redirects will not change on another try.
function isRetryableFailure(error: RequestError): boolean {
  return !(error instanceof MaxRedirectsError) && error.code !== 'ERR_UNSUPPORTED_PROTOCOL';
}

function outcomeOf(error: RequestError): AttemptOutcome {
  if (error instanceof HTTPError) {
    return { type: 'status', status: error.response.statusCode, headers: error.response.headers };
  }
  if (error.name === 'TimeoutError' || error.code === 'ETIMEDOUT') return { type: 'timeout' };
  return { type: 'network', code: error.code };
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as never;
}
