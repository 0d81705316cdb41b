// `npm run bench`: every benchmark against the built dist/, a table on stdout and bench/results.json.
// `node bench/run.js <group>…` runs only some groups (parse, check, startup, politeness, delivery, filter, insight) and writes its figures to
// the system's temporary directory instead, so a partial run never replaces the full figures.
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchCheck } from './check-bench.js';
import { benchDelivery } from './delivery-bench.js';
import { benchFilter, FILTER_TARGET_MS } from './filter-bench.js';
import { benchHostileParse } from './hostile-parse.js';
import { benchInsight } from './insight-bench.js';
import { benchParseListing } from './parse-listing.js';
import { benchPoliteness } from './politeness-bench.js';
import { benchStartup } from './startup-bench.js';
import { figure, formatTable, summarize } from './stats.js';

/** The parser figure, and how it compares with parsing the whole document into a tree. */
async function benchParse(log) {
  log('parse: parseListing on the listing page');
  const parsed = await benchParseListing();
  const hostile = benchHostileParse(log);
  return {
    figures: [
      figure(parsed.name, parsed.unit, parsed, { max: parsed.target }),
      figure(
        'node-html-parser, whole document, same page',
        'ms',
        {
          median: parsed.wholeDocumentMedian,
          min: null,
          max: null,
          runs: null,
        },
        null,
      ),
      figure(
        'parseListing vs whole-document parse',
        'ratio',
        { median: parsed.ratio, min: null, max: null, runs: null },
        null,
      ),
      figure(hostile.name, hostile.unit, hostile, { max: hostile.target }),
      figure(
        'same page: time at 8 MiB / time at 4 MiB (2 = linear, 4 = quadratic)',
        'ratio',
        { median: hostile.doublingRatio, min: null, max: null, runs: null },
        null,
      ),
    ],
    notes: {},
  };
}

/** What a filter adds to the check of one page of 100 new ads. */
async function benchFilters(log) {
  log('filter: a typical filter on the listing page');
  const result = benchFilter();
  const target = { max: FILTER_TARGET_MS };
  return {
    figures: [
      figure(`filter decision, ${result.ads} new ads (compile + judge)`, 'ms', summarize(result.decision, 3), target),
      figure(`filter decision and its store work, ${result.ads} new ads`, 'ms', summarize(result.withStore, 3), target),
    ],
    notes: { ads: result.ads, kept: result.kept },
  };
}

const groups = {
  parse: benchParse,
  check: benchCheck,
  startup: benchStartup,
  politeness: benchPoliteness,
  delivery: benchDelivery,
  filter: benchFilters,
  insight: benchInsight,
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in groups));
if (unknown.length > 0) {
  console.error(`unknown benchmark group ${unknown.join(', ')}; known: ${Object.keys(groups).join(', ')}`);
  process.exit(2);
}
const selected = requested.length > 0 ? requested : Object.keys(groups);
const outputFile =
  requested.length > 0
    ? pathToFileURL(join(tmpdir(), 'pyhabot-bench-results.json'))
    : new URL('./results.json', import.meta.url);

const cores = availableParallelism();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores,
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${process.platform} ${release()}`,
  date: new Date().toISOString(),
  loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
};
const log = (text) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${text}\n`);
const started = performance.now();
if (machine.loadAverageAtStart[0] > cores / 2) {
  log(`warning: load average ${machine.loadAverageAtStart[0]} on ${cores} cores; wall times will be inflated`);
}

const figures = [];
const notes = {};
for (const name of selected) {
  const result = await groups[name](log);
  figures.push(...result.figures);
  notes[name] = result.notes;
}
machine.loadAverageAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
const durationS = Math.round((performance.now() - started) / 1000);

console.log(formatTable(figures));
const failed = figures.filter((item) => item.pass === false);
console.log(
  `\n${figures.length} figures, ${failed.length} over target; ${durationS} s; ${machine.cpu}, ${cores} cores, ` +
    `Node ${machine.node}; load ${machine.loadAverageAtStart[0]} → ${machine.loadAverageAtEnd[0]}`,
);
writeFileSync(outputFile, `${JSON.stringify({ machine, durationS, figures, notes }, null, 2)}\n`);
console.log(`written to ${outputFile.pathname}`);
