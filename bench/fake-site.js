// A stand-in for the site on 127.0.0.1: every listing path answers the same page after a fixed delay, one
// request at a time as the client sends them, and the arrival time of each request is kept.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/** The committed anonymised listing page: 100 ads, a pager with a next page. */
export const FIXTURE_PAGE = new URL('../test/fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url);

/** Start the fake site; `answerDelayMs` is how long each page takes, `close()` stops it. */
export async function startFakeSite({ answerDelayMs, page = readFileSync(FIXTURE_PAGE) }) {
  const arrivals = [];
  let delayMs = answerDelayMs;
  const server = createServer((req, res) => {
    arrivals.push(performance.now());
    const path = (req.url ?? '/').split('?')[0];
    if (!/^\/aprok\/[^/]+\/index\.html$/.test(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const send = () => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
      res.end(page);
    };
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  });
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    arrivals,
    /** TCP connections accepted so far: 1 per run when keep-alive works. */
    connections: () => connections,
    setAnswerDelay(ms) {
      delayMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
