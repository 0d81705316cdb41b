import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { type LocalHandler, type LocalServer, type RecordedRequest, startLocalServer } from './local-server.js';

/** The cookie the fake site's cookie test sets, like the real site's first-visit handshake. */
export const cookieTestName = 'ha_cookietest';

/** Content encodings the fake site can send a body in. */
export type BodyEncoding = 'identity' | 'gzip' | 'deflate' | 'br';

/** Send an HTML page, optionally compressed. */
export function sendHtml(
  res: ServerResponse,
  html: string,
  options: { status?: number; encoding?: BodyEncoding; headers?: OutgoingHttpHeaders } = {},
): void {
  const encoding = options.encoding ?? 'identity';
  const raw = Buffer.from(html, 'utf8');
  const body =
    encoding === 'gzip'
      ? gzipSync(raw)
      : encoding === 'deflate'
        ? deflateSync(raw)
        : encoding === 'br'
          ? brotliCompressSync(raw)
          : raw;
  res.writeHead(options.status ?? 200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    ...options.headers,
  });
  res.end(body);
}

/** Send a redirect to `location` (relative or absolute). */
export function sendRedirect(res: ServerResponse, location: string, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(302, { location, 'content-length': 0, ...headers });
  res.end();
}

/** A handler that answers the n-th call with the n-th handler, repeating the last one. */
export function inSequence(...handlers: LocalHandler[]): LocalHandler {
  let calls = 0;
  return (req, res, recorded) => {
    const handler = handlers[Math.min(calls, handlers.length - 1)];
    calls++;
    if (handler === undefined) throw new Error('inSequence needs at least one handler');
    return handler(req, res, recorded);
  };
}

/** The cookies a recorded request carried, by name. */
export function cookiesOf(recorded: RecordedRequest): Record<string, string> {
  const header = recorded.headers.cookie ?? '';
  const cookies: Record<string, string> = {};
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name) cookies[name] = value.join('=');
  }
  return cookies;
}

/** The path with the query, as the site would put it in a `_tc=1` redirect. */
export function withCookieTestMarker(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}_tc=1`;
}

/** Options for `startFakeSite`. */
export interface FakeSiteOptions {
  /**
   * Answer a request without the cookie-test cookie with Set-Cookie and a 302 to the same URL plus `_tc=1`,
   * the way the real site greets a first visit.
   */
  cookieTest?: boolean;
}

/** Routes keyed by path without the query; a request to any other path gets a 404. */
export type FakeRoutes = Record<string, LocalHandler>;

/** Start a fake of the site on 127.0.0.1 serving `routes`. */
export async function startFakeSite(routes: FakeRoutes, options: FakeSiteOptions = {}): Promise<LocalServer> {
  return startLocalServer((req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => {
    if (options.cookieTest && cookiesOf(recorded)[cookieTestName] === undefined) {
      sendRedirect(res, withCookieTestMarker(recorded.path), { 'set-cookie': `${cookieTestName}=1; Path=/` });
      return;
    }
    const path = new URL(recorded.path, 'http://fake.invalid').pathname;
    const route = routes[path];
    if (route === undefined) {
      sendHtml(res, '<!doctype html><title>404</title>', { status: 404 });
      return;
    }
    return route(req, res, recorded);
  });
}
