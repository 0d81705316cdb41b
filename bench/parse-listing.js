// Times parseListing (the built module in dist/) on a whole real listing page, next to what a plain
// node-html-parser parse of the same page costs.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'node-html-parser';
import { parseListing } from '../dist/scrape/parse-listing.js';

const REAL_PAGE = new URL('../../shared/fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url);
const FIXTURE_PAGE = new URL('../test/fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url);
const PAGE_URL = 'https://hardverapro.hu/aprok/mobil/index.html';
const CAPTURED_AT = new Date('2025-12-19T16:30:00+01:00');
const WARMUP_RUNS = 20;
const RUNS = 100;
const WHOLE_DOCUMENT_RUNS = 30;
const TARGET_MS = 10;

/** Milliseconds of each of `runs` calls of `work`, after a few unmeasured ones. */
function time(work, runs) {
  for (let i = 0; i < WARMUP_RUNS; i += 1) work();
  const durations = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    durations.push(performance.now() - start);
  }
  return durations.sort((a, b) => a - b);
}

function median(sorted) {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (ms) => Math.round(ms * 1000) / 1000;

/** Median, min and max parse time of the real December 2025 page (or the committed fixture when it is absent). */
export async function benchParseListing() {
  const pageFile = existsSync(REAL_PAGE) ? REAL_PAGE : FIXTURE_PAGE;
  const html = readFileSync(pageFile, 'utf8');
  const check = parseListing(html, PAGE_URL, CAPTURED_AT);
  if (check.verdict !== 'results' || check.ads.length === 0) {
    throw new Error(`benchmark page not read: ${check.verdict} (${check.reason})`);
  }

  const durations = time(() => parseListing(html, PAGE_URL, CAPTURED_AT), RUNS);
  const wholeDocument = time(() => parse(html), WHOLE_DOCUMENT_RUNS);
  const parseMedian = median(durations);
  const wholeDocumentMedian = median(wholeDocument);
  const kilobytes = Math.round(Buffer.byteLength(html) / 1000);
  const which = pageFile === REAL_PAGE ? 'real page' : 'anonymised fixture';
  return {
    name: `parseListing (${which}, ${kilobytes} kB, ${check.ads.length} ads)`,
    unit: 'ms',
    median: round(parseMedian),
    min: round(durations[0]),
    max: round(durations[durations.length - 1]),
    runs: RUNS,
    target: TARGET_MS,
    wholeDocumentMedian: round(wholeDocumentMedian),
    ratio: Math.round((parseMedian / wholeDocumentMedian) * 1000) / 1000,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchParseListing(), null, 2));
}
