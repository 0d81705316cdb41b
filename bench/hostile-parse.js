// Times parseListing on the hostile pages of hostile-pages.js at the 8 MiB body cap and at half of it. The worst
// page's time is the figure; the ratio between the two sizes shows the cost grows in step with the page (about
// 2 for a linear parser, about 4 for a quadratic one).
import { parseListing } from '../dist/scrape/parse-listing.js';
import { hostilePages } from './hostile-pages.js';

const BODY_CAP = 8 * 1024 * 1024;
const PAGE_URL = 'https://hardverapro.hu/aprok/mobil/index.html';
const RUNS = 5;
const TARGET_MS = 1000;

function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds of parsing `html`, checking the verdict each time. */
function timeParse(page) {
  const durations = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    const result = parseListing(page.html, PAGE_URL, new Date());
    durations.push(performance.now() - start);
    if (result.verdict !== page.verdict) {
      throw new Error(`hostile page "${page.name}" read as ${result.verdict} (${result.reason}), not ${page.verdict}`);
    }
  }
  return { median: medianOf(durations), durations };
}

/** The slowest hostile page at the body cap, its time, and how its time grew from half the cap. */
export function benchHostileParse(log) {
  const full = hostilePages(BODY_CAP);
  const half = hostilePages(BODY_CAP / 2);
  let worst = null;
  for (const [index, page] of full.entries()) {
    log(`parse: hostile page "${page.name}"`);
    const atCap = timeParse(page);
    const atHalf = timeParse(half[index]);
    if (worst === null || atCap.median > worst.atCap.median) worst = { page, atCap, atHalf };
  }
  const round = (ms) => Math.round(ms * 10) / 10;
  const sorted = [...worst.atCap.durations].sort((a, b) => a - b);
  return {
    name: `parseListing, worst hostile page at 8 MiB (${worst.page.name})`,
    unit: 'ms',
    median: round(worst.atCap.median),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    runs: RUNS,
    target: TARGET_MS,
    doublingRatio: Math.round((worst.atCap.median / worst.atHalf.median) * 100) / 100,
  };
}
