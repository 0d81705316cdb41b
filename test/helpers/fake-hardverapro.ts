import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ListingPage } from './listing-fixture.js';
import { type LocalServer, startLocalServer } from './local-server.js';

/** What a path answers: a page, raw HTML, or a handler for faults (status codes, stalls, resets). */
export type FakeAnswer = ListingPage | string | ((req: IncomingMessage, res: ServerResponse) => void);

/** A fake HardverApró on 127.0.0.1 whose pages tests change between runs. */
export interface FakeHardverapro extends AsyncDisposable {
  server: LocalServer;
  /** The URL of a listing path on this server, e.g. `urlFor('/aprok/mobil/index.html')`. */
  urlFor(path: string): string;
  /** What `path` answers from now on. */
  serve(path: string, answer: FakeAnswer): void;
  /** Requests made to a path (query string ignored). */
  hits(path: string): number;
}

/** Start the fake site; unknown paths answer 404. */
export async function startFakeHardverapro(): Promise<FakeHardverapro> {
  const answers = new Map<string, FakeAnswer>();
  const server = await startLocalServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const answer = answers.get(path);
    if (answer === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    if (typeof answer === 'function') {
      answer(req, res);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(typeof answer === 'string' ? answer : answer.html);
  });
  return {
    server,
    urlFor: (path) => `${server.url}${path}`,
    serve(path, answer) {
      answers.set(path, answer);
    },
    hits: (path) => server.requests.filter((request) => request.path.split('?')[0] === path).length,
    [Symbol.asyncDispose]: () => server.close(),
  };
}
