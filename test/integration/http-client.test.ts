import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ScrapeError } from '../../src/domain/errors.js';
import { cookieDomainFor, createSiteCookies } from '../../src/scrape/cookie-jar.js';
import { createSiteClient, type SiteClient, type SiteClientOptions } from '../../src/scrape/http-client.js';
import { charsetOf } from '../../src/scrape/page-body.js';
import { isRedirectAllowed } from '../../src/scrape/redirect-rules.js';
import { cookiesOf, cookieTestName, inSequence, sendHtml, sendRedirect, startFakeSite } from '../helpers/fake-site.js';
import { type LocalServer, startLocalServer } from '../helpers/local-server.js';

const page = '<!doctype html><html><head><title>Mobil - HardverApró</title></head><body>árvíztűrő</body></html>';

let server: LocalServer | undefined;
let client: SiteClient | undefined;

afterEach(async () => {
  client?.close();
  client = undefined;
  await server?.close();
  server = undefined;
});

/** A client tuned for tests: no spacing and millisecond backoff unless a test asks otherwise. */
function testClient(options: SiteClientOptions = {}): SiteClient {
  client = createSiteClient({ requestDelayMs: 0, retryBaseMs: 5, retryMaxMs: 20, requestTimeoutMs: 2000, ...options });
  return client;
}

async function serve(handler: Parameters<typeof startLocalServer>[0]): Promise<LocalServer> {
  server = await startLocalServer(handler);
  return server;
}

async function scrapeError(promise: Promise<unknown>): Promise<ScrapeError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ScrapeError);
  return error as ScrapeError;
}

/** Write `total` bytes in 16 KiB chunks, honouring backpressure; resolves with whether every byte was written. */
async function streamBytes(res: ServerResponse, total: number): Promise<boolean> {
  const chunk = Buffer.alloc(16 * 1024, 'a');
  let written = 0;
  while (written < total) {
    if (res.destroyed || res.writableEnded) return false;
    written += chunk.length;
    if (!res.write(chunk)) {
      const drained = await new Promise<boolean>((resolve) => {
        res.once('drain', () => resolve(true));
        res.once('close', () => resolve(false));
      });
      if (!drained) return false;
    }
  }
  res.end();
  return true;
}

describe('pure helpers', () => {
  it.each([
    ['https://hardverapro.hu/a', 'https://hardverapro.hu/a?_tc=1', true],
    ['https://hardverapro.hu/a', 'https://www.hardverapro.hu/a', true],
    ['https://www.hardverapro.hu/a', 'https://hardverapro.hu/a', true],
    ['http://hardverapro.hu/a', 'https://hardverapro.hu/a', true],
    ['https://hardverapro.hu/a', 'https://auth.rios.hu/hozzaferes/azonosit.php?redir_host=hardverapro.hu', true],
    ['https://hardverapro.hu/a', 'https://prohardver.hu/a', false],
    ['https://hardverapro.hu/a', 'https://evil.example/a', false],
    ['https://hardverapro.hu/a', 'https://rios.hu/a', false],
    ['https://hardverapro.hu/a', 'ftp://hardverapro.hu/a', false],
    ['http://127.0.0.1:4000/a', 'http://127.0.0.1:4000/b', true],
    ['http://127.0.0.1:4000/a', 'http://127.0.0.2:4000/b', false],
    ['http://localhost:4000/a', 'http://127.0.0.1:4000/a', false],
  ])('redirect %s → %s allowed: %s', (from, to, expected) => {
    expect(isRedirectAllowed(new URL(from), new URL(to))).toBe(expected);
  });

  it.each<[string | undefined, string]>([
    [undefined, 'utf-8'],
    ['text/html', 'utf-8'],
    ['text/html; charset=UTF-8', 'utf-8'],
    ['text/html; charset="ISO-8859-2"', 'iso-8859-2'],
  ])('charsetOf(%j) = %s', (contentType, expected) => {
    expect(charsetOf(contentType)).toBe(expected);
  });
});

describe('site cookies', () => {
  it.each<[string, string | undefined]>([
    ['hardverapro.hu', 'hardverapro.hu'],
    ['www.hardverapro.hu', 'hardverapro.hu'],
    ['auth.rios.hu', 'rios.hu'],
    ['127.0.0.1', undefined],
    ['localhost', undefined],
  ])('cookieDomainFor(%s) = %s', (host, expected) => {
    expect(cookieDomainFor(host)).toBe(expected);
  });

  it('shares the listing preference between hardverapro.hu and www.hardverapro.hu, and with no one else', async () => {
    const cookies = createSiteCookies();
    await cookies.seedListingPreference(new URL('https://hardverapro.hu/aprok/mobil/index.html'), {
      order: 'lstup',
      dir: 'd',
      blockSize: 100,
      view: 'compact',
    });
    expect(await cookies.headerFor(new URL('https://www.hardverapro.hu/aprok/index.html'))).toBe(
      'prf_ls_uad=lstup.d.100.compact',
    );
    expect(await cookies.headerFor(new URL('https://auth.rios.hu/hozzaferes/azonosit.php'))).toBe('');
  });

  it('ignores a malformed Set-Cookie the way a browser would', async () => {
    const cookies = createSiteCookies();
    const url = new URL('https://hardverapro.hu/');
    await cookies.store(url, ['=; Domain=evil.example', 'ok=1; Path=/']);
    expect(await cookies.headerFor(url)).toBe('ok=1');
  });
});

describe('createSiteClient against a local server', () => {
  it('completes the cookie-test redirect and sends the cookie on the second request', async () => {
    const site = await startFakeSite(
      { '/aprok/mobil/index.html': (_req, res) => sendHtml(res, page) },
      { cookieTest: true },
    );
    server = site;
    const fetched = await testClient().fetchPage(`${site.url}/aprok/mobil/index.html`);

    expect(fetched.status).toBe(200);
    expect(fetched.body).toBe(page);
    expect(fetched.requestedUrl).toBe(`${site.url}/aprok/mobil/index.html`);
    expect(fetched.finalUrl).toBe(`${site.url}/aprok/mobil/index.html?_tc=1`);
    expect(fetched.redirects).toEqual([`${site.url}/aprok/mobil/index.html?_tc=1`]);
    expect(site.requests.map((r) => r.path)).toEqual(['/aprok/mobil/index.html', '/aprok/mobil/index.html?_tc=1']);
    const [first, second] = site.requests;
    expect(first && cookiesOf(first)[cookieTestName]).toBeUndefined();
    expect(second && cookiesOf(second)[cookieTestName]).toBe('1');
  });

  it('keeps the cookie for later pages, so only the first visit is redirected', async () => {
    const site = await startFakeSite(
      { '/aprok/mobil/keres.php': (_req, res) => sendHtml(res, page) },
      { cookieTest: true },
    );
    server = site;
    const siteClient = testClient();
    const first = await siteClient.fetchPage(`${site.url}/aprok/mobil/keres.php?stext=iphone`);
    const second = await siteClient.fetchPage(`${site.url}/aprok/mobil/keres.php?stext=iphone&offset=100`);
    expect(first.finalUrl).toBe(`${site.url}/aprok/mobil/keres.php?stext=iphone&_tc=1`);
    expect(second.redirects).toEqual([]);
    expect(site.requests).toHaveLength(3);
  });

  it('sends the listing preference cookie from the first request on', async () => {
    const site = await startFakeSite({ '/aprok/mobil/index.html': (_req, res) => sendHtml(res, page) });
    server = site;
    await testClient({ listingPreference: { order: 'time', dir: 'd', blockSize: 200 } }).fetchPage(
      `${site.url}/aprok/mobil/index.html`,
    );
    const [first] = site.requests;
    expect(first && cookiesOf(first).prf_ls_uad).toBe('time.d.200.normal');
  });

  it('sends no preference cookie when none is set', async () => {
    const site = await startFakeSite({ '/': (_req, res) => sendHtml(res, page) });
    server = site;
    await testClient().fetchPage(`${site.url}/`);
    expect(site.requests[0]?.headers.cookie).toBeUndefined();
  });

  it('sends the User-Agent, Accept-Language and Accept-Encoding headers', async () => {
    const site = await serve((_req, res) => sendHtml(res, page));
    await testClient({ userAgent: 'pyhabot/0.1.0 (+https://example.test/pyhabot)' }).fetchPage(`${site.url}/`);
    const headers = site.requests[0]?.headers;
    expect(headers?.['user-agent']).toBe('pyhabot/0.1.0 (+https://example.test/pyhabot)');
    expect(headers?.['accept-language']).toBe('hu');
    expect(headers?.['accept-encoding']).toMatch(/gzip.*deflate.*br/);
  });

  it.each(['gzip', 'deflate', 'br'] as const)('decodes a %s body', async (encoding) => {
    const site = await serve((_req, res) => sendHtml(res, page, { encoding }));
    const fetched = await testClient().fetchPage(`${site.url}/`);
    expect(fetched.body).toBe(page);
  });

  it('decodes the charset the server names', async () => {
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-2' });
      res.end(Buffer.from([0x61, 0xf5, 0xfb])); // "aőű" in ISO-8859-2
    });
    expect((await testClient().fetchPage(`${site.url}/`)).body).toBe('aőű');
  });

  it('returns the page as plain data', async () => {
    const site = await serve((_req, res) => sendHtml(res, '<html>árvíztűrő</html>'));
    const fetched = await testClient().fetchPage(`${site.url}/`);
    expect({ ...fetched }).toMatchObject({
      status: 200,
      body: '<html>árvíztűrő</html>',
      finalUrl: `${site.url}/`,
      redirects: [],
    });
  });

  it('waits as long as Retry-After asks after a 429, without adding the spacing on top', async () => {
    const site = await serve(
      inSequence(
        (_req, res) => sendHtml(res, 'slow down', { status: 429, headers: { 'retry-after': '1' } }),
        (_req, res) => sendHtml(res, page),
      ),
    );
    const fetched = await testClient({ requestDelayMs: 300 }).fetchPage(`${site.url}/`);
    expect(fetched.body).toBe(page);
    const [first, second] = site.requests;
    const gap = (second?.receivedAt ?? 0) - (first?.receivedAt ?? 0);
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(5000);
  });

  it('fails at once as rate limited when Retry-After is longer than allowed', async () => {
    const site = await serve((_req, res) => sendHtml(res, '', { status: 429, headers: { 'retry-after': '120' } }));
    const started = Date.now();
    const error = await scrapeError(testClient({ retryAfterMaxMs: 60_000 }).fetchPage(`${site.url}/`));
    expect(error.kind).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(error.message).toBe(
      `${new URL(site.url).host} asked to wait 120 s (HTTP 429), longer than the 60 s allowed (retryAfterMaxMs); ` +
        'not waited, the next check asks again',
    );
    expect(site.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads an absurd Retry-After as too long to wait, and says so plainly', async () => {
    const site = await serve((_req, res) =>
      sendHtml(res, '', { status: 429, headers: { 'retry-after': '99999999999999' } }),
    );
    const error = await scrapeError(testClient({ retryAfterMaxMs: 60_000 }).fetchPage(`${site.url}/`));
    expect(error.kind).toBe('rate_limited');
    expect(error.message).toBe(
      `${new URL(site.url).host} asked to wait more than a year (HTTP 429), longer than the 60 s allowed ` +
        '(retryAfterMaxMs); not waited, the next check asks again',
    );
    expect(site.requests).toHaveLength(1);
  });

  it('waits a fractional Retry-After instead of ignoring it', async () => {
    const site = await serve(
      inSequence(
        (_req, res) => sendHtml(res, 'slow down', { status: 503, headers: { 'retry-after': '0.5' } }),
        (_req, res) => sendHtml(res, page),
      ),
    );
    // A backoff of at most 20 ms would be used if the header were not read.
    expect((await testClient().fetchPage(`${site.url}/`)).body).toBe(page);
    const [first, second] = site.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(400);
  });

  it('retries a 503 and returns the page that follows', async () => {
    const site = await serve(
      inSequence(
        (_req, res) => sendHtml(res, 'busy', { status: 503 }),
        (_req, res) => sendHtml(res, page),
      ),
    );
    expect((await testClient().fetchPage(`${site.url}/`)).body).toBe(page);
    expect(site.requests).toHaveLength(2);
  });

  it('gives up on a lasting 503 as rate limited, counting every attempt', async () => {
    const site = await serve((_req, res) => sendHtml(res, 'busy', { status: 503 }));
    const error = await scrapeError(testClient({ maxRetries: 3 }).fetchPage(`${site.url}/`));
    expect(error.kind).toBe('rate_limited');
    expect(error.message).toBe(`HTTP 503 from ${new URL(site.url).host} after 4 attempts`);
    expect(site.requests).toHaveLength(4);
  });

  it('gives up on a lasting 500 as an HTTP status error', async () => {
    const site = await serve((_req, res) => sendHtml(res, 'oops', { status: 500 }));
    const error = await scrapeError(testClient({ maxRetries: 1 }).fetchPage(`${site.url}/`));
    expect(error).toMatchObject({ kind: 'http_status', status: 500 });
    expect(site.requests).toHaveLength(2);
  });

  it('does not retry a 404', async () => {
    const site = await serve((_req, res) => sendHtml(res, 'nope', { status: 404 }));
    const error = await scrapeError(testClient().fetchPage(`${site.url}/missing`));
    expect(error).toMatchObject({ kind: 'http_status', status: 404, url: `${site.url}/missing` });
    expect(error.message).toBe(`HTTP 404 from ${new URL(site.url).host}`);
    expect(site.requests).toHaveLength(1);
  });

  it('times out when the server never answers', async () => {
    const site = await serve(() => {});
    const started = Date.now();
    const error = await scrapeError(testClient({ requestTimeoutMs: 300, maxRetries: 1 }).fetchPage(`${site.url}/`));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`timed out after 0.3 s waiting for ${new URL(site.url).host} (2 attempts)`);
    expect(site.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out when the body stalls after the headers', async () => {
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><body>');
    });
    const started = Date.now();
    const error = await scrapeError(testClient({ requestTimeoutMs: 300, maxRetries: 0 }).fetchPage(`${site.url}/`));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects a body whose Content-Length is over the limit without reading it', async () => {
    let completed: Promise<boolean> = Promise.resolve(true);
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': 50 * 1024 * 1024 });
      completed = streamBytes(res, 50 * 1024 * 1024);
    });
    const error = await scrapeError(testClient({ maxBodyBytes: 64 * 1024 }).fetchPage(`${site.url}/`));
    expect(error.kind).toBe('too_large');
    expect(error.message).toBe(`page from ${new URL(site.url).host} declares 50 MiB, more than the 64 KiB limit`);
    expect(await completed).toBe(false);
    expect(site.requests).toHaveLength(1);
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    let completed: Promise<boolean> = Promise.resolve(true);
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      completed = streamBytes(res, 50 * 1024 * 1024);
    });
    const error = await scrapeError(testClient({ maxBodyBytes: 64 * 1024 }).fetchPage(`${site.url}/`));
    expect(error.kind).toBe('too_large');
    expect(error.message).toBe(`page from ${new URL(site.url).host} is larger than the 64 KiB limit`);
    // The client hung up long before 50 MB: it never held the body whole.
    expect(await completed).toBe(false);
  });

  it('counts the limit after decompression', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 'a'));
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': bomb.length });
      res.end(bomb);
    });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await scrapeError(testClient({ maxBodyBytes: 64 * 1024 }).fetchPage(`${site.url}/`));
    expect(error.kind).toBe('too_large');
  });

  it('reports a redirect loop', async () => {
    const site = await startFakeSite({
      '/a': (_req, res) => sendRedirect(res, '/b'),
      '/b': (_req, res) => sendRedirect(res, '/a'),
    });
    server = site;
    const error = await scrapeError(testClient().fetchPage(`${site.url}/a`));
    expect(error.kind).toBe('redirect_loop');
    expect(site.requests.map((r) => r.path)).toEqual(['/a', '/b']);
  });

  it('reports more than five redirects as a loop', async () => {
    const site = await serve((_req, res, recorded) => {
      const hop = Number(new URL(recorded.path, 'http://x').searchParams.get('hop') ?? 0);
      sendRedirect(res, `/?hop=${hop + 1}`);
    });
    const error = await scrapeError(testClient().fetchPage(`${site.url}/`));
    expect(error.kind).toBe('redirect_loop');
    expect(error.message).toBe(`${new URL(site.url).host} redirected more than 5 times`);
    expect(site.requests).toHaveLength(6);
  });

  it('returns to the first URL when the cookies changed on the way, as the sign-on chain does', async () => {
    const site = await startFakeSite({
      '/page': (_req, res, recorded) => {
        if (cookiesOf(recorded).session === undefined) sendRedirect(res, '/sso?redir=/page');
        else sendHtml(res, page);
      },
      '/sso': (_req, res) => sendRedirect(res, '/page', { 'set-cookie': 'session=anonymous; Path=/' }),
    });
    server = site;
    const fetched = await testClient().fetchPage(`${site.url}/page`);
    expect(fetched.body).toBe(page);
    expect(fetched.redirects).toEqual([`${site.url}/sso?redir=/page`, `${site.url}/page`]);
  });

  it('does not follow a redirect off the site', async () => {
    const site = await serve((_req, res) => sendRedirect(res, 'http://elsewhere.invalid/'));
    const error = await scrapeError(testClient().fetchPage(`${site.url}/`));
    expect(error).toMatchObject({ kind: 'off_site_redirect', status: 302 });
    expect(error.message).toBe(
      `${new URL(site.url).host} redirected to elsewhere.invalid, outside the site; not followed`,
    );
    expect(site.requests).toHaveLength(1);
  });

  it('names the target of a redirect to a file: URL', async () => {
    const site = await serve((_req, res) => sendRedirect(res, 'file:///etc/passwd'));
    const error = await scrapeError(testClient().fetchPage(`${site.url}/`));
    expect(error).toMatchObject({ kind: 'off_site_redirect', status: 302 });
    expect(error.message).toBe(
      `${new URL(site.url).host} redirected to file:///etc/passwd, outside the site; not followed`,
    );
  });

  it('reports a 304 as an HTTP status error: no page came with it', async () => {
    const site = await serve((_req, res) => {
      res.writeHead(304);
      res.end();
    });
    const error = await scrapeError(testClient().fetchPage(`${site.url}/`));
    expect(error).toMatchObject({ kind: 'http_status', status: 304 });
    expect(error.message).toBe(`HTTP 304 from ${new URL(site.url).host}`);
  });

  it('reports a redirect without a Location as an HTTP status error', async () => {
    const site = await serve((_req, res) => {
      res.writeHead(302);
      res.end();
    });
    const error = await scrapeError(testClient().fetchPage(`${site.url}/`));
    expect(error).toMatchObject({ kind: 'http_status', status: 302 });
    expect(site.requests).toHaveLength(1);
  });

  it('reports a connection refused as a network error', async () => {
    const site = await serve(() => {});
    const url = `${site.url}/`;
    await site.close();
    server = undefined;
    const error = await scrapeError(testClient({ maxRetries: 1 }).fetchPage(url));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(`could not reach ${new URL(url).host} (ECONNREFUSED) after 2 attempts`);
  });

  it('spaces request starts to one host, redirect hops included', async () => {
    const site = await startFakeSite({ '/p': (_req, res) => sendHtml(res, page) }, { cookieTest: true });
    server = site;
    const siteClient = testClient({ requestDelayMs: 200 });
    await siteClient.fetchPage(`${site.url}/p`);
    await siteClient.fetchPage(`${site.url}/p?offset=100`);
    await siteClient.fetchPage(`${site.url}/p?offset=200`);
    const times = site.requests.map((r) => r.receivedAt);
    expect(times).toHaveLength(4);
    // The client spaces request starts; arrival times add each request's own delay, which varies under load.
    // Unspaced requests arrive a few milliseconds apart, so these bounds still tell the two apart.
    for (let i = 1; i < times.length; i++) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(100);
    }
    expect((times[3] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(3 * 200 - 60);
  });

  it('makes concurrent requests to one host one at a time', async () => {
    let inFlight = 0;
    let peak = 0;
    const site = await serve(async (_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
      sendHtml(res, page);
    });
    const siteClient = testClient();
    await Promise.all([1, 2, 3].map((n) => siteClient.fetchPage(`${site.url}/?n=${n}`)));
    expect(peak).toBe(1);
  });

  it('cancels an in-flight request when the signal aborts', async () => {
    const site = await serve(() => {});
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('interrupted')), 50);
    await expect(
      testClient({ requestTimeoutMs: 10_000 }).fetchPage(`${site.url}/`, { signal: controller.signal }),
    ).rejects.toThrow('interrupted');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cancels a Retry-After wait when the signal aborts', async () => {
    const site = await serve((_req, res) => sendHtml(res, '', { status: 429, headers: { 'retry-after': '30' } }));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('interrupted')), 100);
    await expect(testClient().fetchPage(`${site.url}/`, { signal: controller.signal })).rejects.toThrow('interrupted');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(site.requests).toHaveLength(1);
  });

  it('rejects at once when the signal has already aborted', async () => {
    const site = await serve((_req, res) => sendHtml(res, page));
    const controller = new AbortController();
    controller.abort(new Error('already stopped'));
    await expect(testClient().fetchPage(`${site.url}/`, { signal: controller.signal })).rejects.toThrow(
      'already stopped',
    );
    expect(site.requests).toHaveLength(0);
  });
});
