// `pyhabot check` with a backlog of 100 notifications for a receiver that answers 500 to everything: what a run
// costs while a webhook is down. The backoff is 0, so every run finds the whole backlog due again.
import { createServer } from 'node:http';
import { checkSummary, createScratch } from './cli.js';
import { startFakeSite } from './fake-site.js';
import { figure } from './stats.js';

const BACKLOG = 100;
const RUNS = 3;
/** "Within a few seconds plus the scrape": the scrape of one page and start-up take well under a second. */
const WALL_LIMIT_MS = 5000;
/** One message, tried at most three times within the run. */
const REQUESTS_LIMIT = 3;

/** A receiver that answers every request with HTTP 500 and counts them. */
async function startBrokenReceiver() {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on('end', () => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('broken');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Wall time and receiver requests of checks over a backlog for a receiver that is down. */
export async function benchDelivery(log) {
  const site = await startFakeSite({ answerDelayMs: 0 });
  const receiver = await startBrokenReceiver();
  const scratch = createScratch('delivery', { requestDelayMs: 0, maxPages: 1, deliveryBackoffMs: 0 });
  try {
    const url = `${site.origin}/aprok/w0/index.html`;
    const added = await scratch.run(['add', url, '--allow-any-host', '--notify-existing', '--notify', receiver.url]);
    if (added.code !== 0) throw new Error(`add failed: ${added.stderr}`);
    const walls = [];
    const requests = [];
    // The first run records the 100 ads as new and queues one notification each; the later ones find them due.
    for (let run = 0; run <= RUNS; run += 1) {
      log(`delivery: check ${run + 1}/${RUNS + 1} with the receiver down`);
      const before = receiver.requests();
      const result = await scratch.run(['check', '--json']);
      const summary = checkSummary(result);
      const expectedNew = run === 0 ? BACKLOG : 0;
      if (summary.newAds !== expectedNew || summary.deliveryRetries !== BACKLOG) {
        throw new Error(`unexpected check: ${JSON.stringify(summary)}`);
      }
      if (run === 0) continue;
      walls.push(result.wallMs);
      requests.push(receiver.requests() - before);
    }
    return {
      figures: [
        figure(`check, ${BACKLOG} notifications for a receiver answering 500: wall time`, 'ms', walls, {
          max: WALL_LIMIT_MS,
        }),
        figure(`check, ${BACKLOG} notifications for a receiver answering 500: requests to it`, 'requests', requests, {
          max: REQUESTS_LIMIT,
        }),
      ],
      notes: { backlog: BACKLOG, runs: RUNS },
    };
  } finally {
    scratch.remove();
    await receiver.close();
    await site.close();
  }
}
