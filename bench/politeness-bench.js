// The crawl delay is the only cost of being polite: with 1 s between requests to one host (hardverapro.hu's
// crawl-delay), a check of 30 watches on one host should take 30 × 1 s and not more. The fake site is on
// 127.0.0.1, so it is given the spacing pyhabot keeps for hardverapro.hu: the crawl-delay and a small margin.
import { crawlDelayFloorsMs } from '../dist/scrape/politeness.js';
import { checkSummary, createScratch } from './cli.js';
import { startFakeSite } from './fake-site.js';
import { addWatches } from './seed-db.js';
import { figure } from './stats.js';

const WATCHES = 30;
const CRAWL_DELAY_MS = 1000;
const SPACING_MS = crawlDelayFloorsMs['hardverapro.hu'];

/** One 30-watch steady-state check with hardverapro.hu's spacing against a site that answers at once. */
export async function benchPoliteness(log) {
  const site = await startFakeSite({ answerDelayMs: 0 });
  const scratch = createScratch('politeness', { requestDelayMs: SPACING_MS });
  try {
    const added = await scratch.run(['add', `${site.origin}/aprok/w0/index.html`, '--allow-any-host']);
    if (added.code !== 0) throw new Error(`add failed: ${added.stderr}`);
    addWatches(scratch.dbPath, site.origin, { first: 1, count: WATCHES - 1 });
    log(`politeness: ${WATCHES} watches, ${SPACING_MS} ms apart (baseline check)`);
    await scratch.run(['check', '--json']);
    log(`politeness: ${WATCHES} watches, ${SPACING_MS} ms apart (measured check)`);
    const firstArrival = site.arrivals.length;
    const result = await scratch.run(['check', '--json']);
    const summary = checkSummary(result);
    if (result.code !== 0 || summary.watchesFailed > 0) throw new Error(`check failed: ${JSON.stringify(summary)}`);
    const arrivals = site.arrivals.slice(firstArrival);
    if (arrivals.length !== WATCHES) throw new Error(`expected ${WATCHES} requests, the site saw ${arrivals.length}`);
    const gaps = arrivals.slice(1).map((at, index) => at - (arrivals[index] ?? at));
    return {
      figures: [
        figure(`check ${WATCHES} watches, 1 s apart: wall time`, 'ms', [result.wallMs], {
          within: 0.05,
          of: WATCHES * CRAWL_DELAY_MS,
        }),
        figure('gap between two requests to the host', 'ms', gaps, { everyAtLeast: CRAWL_DELAY_MS }),
      ],
      notes: { requests: arrivals.length, meanGapMs: Math.round(gaps.reduce((a, b) => a + b, 0) / gaps.length) },
    };
  } finally {
    scratch.remove();
    await site.close();
  }
}
