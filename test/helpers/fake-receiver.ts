import { type LocalServer, type RecordedRequest, startLocalServer } from './local-server.js';

/** One scripted answer: a response, or silence until the client gives up. */
export type FakeReply = { status: number; body?: string | object; headers?: Record<string, string> } | { hang: true };

/** A notification receiver on 127.0.0.1 that answers from a script and records what it was sent. */
export interface FakeReceiver extends AsyncDisposable {
  /** Base URL without a trailing slash. */
  url: string;
  requests: RecordedRequest[];
  /** Request bodies parsed as JSON, in order. */
  jsonBodies(): unknown[];
  /** Replace the script: each request takes the next reply, and the last reply repeats. */
  script(replies: FakeReply[]): void;
  close(): Promise<void>;
}

/** Start a receiver that answers 200 "ok" unless scripted otherwise. */
export async function startFakeReceiver(replies: FakeReply[] = [{ status: 200, body: 'ok' }]): Promise<FakeReceiver> {
  let queue = [...replies];
  const server: LocalServer = await startLocalServer((_req, res) => {
    const reply = queue.length > 1 ? queue.shift() : queue[0];
    if (reply === undefined || 'hang' in reply) return;
    const isText = typeof reply.body === 'string' || reply.body === undefined;
    const body = reply.body === undefined ? '' : isText ? String(reply.body) : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
      ...reply.headers,
    });
    res.end(body);
  });
  return {
    url: server.url,
    requests: server.requests,
    jsonBodies: () => server.requests.map((request) => JSON.parse(request.body) as unknown),
    script(next) {
      queue = [...next];
    },
    close: () => server.close(),
    [Symbol.asyncDispose]: () => server.close(),
  };
}

/** A base URL on 127.0.0.1 where nothing listens, for connection-refused cases. */
export async function closedPortUrl(): Promise<string> {
  const server = await startLocalServer(() => {});
  await server.close();
  return server.url;
}
