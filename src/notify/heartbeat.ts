/** What one heartbeat ping did; it never throws, so a monitoring service can never fail a check. */
export type HeartbeatResult = { ok: true; status: number } | { ok: false; error: string };

/** How to ping; fetch is injectable for tests. */
export interface HeartbeatOptions {
  userAgent: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** GET the ping URL once within the time limit; the answer's body is never read. */
export async function pingHeartbeat(target: string, options: HeartbeatOptions): Promise<HeartbeatResult> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { 'User-Agent': options.userAgent };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { ok: false, error: 'not a valid URL' };
  }
  if (url.username !== '' || url.password !== '') {
    // fetch refuses URLs that carry credentials: they travel as a header instead.
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  try {
    const response = await doFetch(url.href, {
      method: 'GET',
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    return response.ok ? { ok: true, status: response.status } : { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return { ok: false, error: `no answer within ${options.timeoutMs} ms` };
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    return { ok: false, error: `network error: ${cause ?? (error instanceof Error ? error.message : String(error))}` };
  }
}
