// `pyhabot check` as users run it: the built CLI in a child process, against a fake site on 127.0.0.1 that
// answers every page after a fixed delay, over hundreds of watches and up to a million recorded ads. Its wall
// time is measured at hardverapro.hu's own pace, the crawl delay, which is what bounds a real check.
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { parseListing } from '../dist/scrape/parse-listing.js';
import { crawlDelayFloorsMs } from '../dist/scrape/politeness.js';
import { checkSummary, createScratch } from './cli.js';
import { FIXTURE_PAGE, startFakeSite } from './fake-site.js';
import { addWatches, countRows, recordHistoricAds } from './seed-db.js';
import { figure, summarize } from './stats.js';

const PAGE_DELAY_MS = 50;
const WATCHES = 200;
const MANY_WATCHES = 1000;
const STEADY_RUNS = 3;
const GROWTH_RUNS = 2;
const QUERY_RUNS = 7;
const RSS_LIMIT_MB = 150;
const CPU_PER_WATCH_LIMIT_MS = 15;
const QUERY_LIMIT_MS = 150;
const GROWTH_LIMIT = 1.2;
// The polite check: watches spaced as pyhabot spaces requests to hardverapro.hu (its 1 s crawl delay and a small
// margin, given as requestDelayMs since the fake site is 127.0.0.1), each page answered after a realistic delay.
const POLITE_WATCHES = 40;
const POLITE_PAGE_DELAY_MS = 250;
const CRAWL_DELAY_MS = 1000;
const POLITE_SPACING_MS = crawlDelayFloorsMs['hardverapro.hu'];

/** A scratch database with `count` watches on the fake site, none checked yet. */
async function prepareWatches(name, site, count, requestDelayMs = 0) {
  const scratch = createScratch(name, { requestDelayMs });
  const added = await scratch.run(['add', `${site.origin}/aprok/w0/index.html`, '--allow-any-host', '--name', 'w0']);
  if (added.code !== 0) throw new Error(`add failed: ${added.stderr}`);
  addWatches(scratch.dbPath, site.origin, { first: 1, count: count - 1 });
  return scratch;
}

/** One check; throws unless it read every watch and exited 0. */
async function measuredCheck(scratch, watchCount, expectBaselines) {
  const result = await scratch.run(['check', '--json']);
  const summary = checkSummary(result);
  if (result.code !== 0 || summary.watchesFailed > 0 || summary.watches !== watchCount) {
    throw new Error(`check failed (exit ${result.code}): ${JSON.stringify(summary)} ${result.stderr.slice(0, 500)}`);
  }
  if (summary.baselines !== (expectBaselines ? watchCount : 0)) {
    throw new Error(`expected ${expectBaselines ? 'a baseline' : 'a steady-state'} check: ${JSON.stringify(summary)}`);
  }
  return { ...result, stderrWarnings: result.stderr.split('\n').filter((line) => /Warning/.test(line)) };
}

/** The three figures of a set of check runs over `watchCount` watches, pages answered without spacing. */
function checkFigures(label, runs, watchCount, targets) {
  return [
    figure(
      `${label}: CPU per watch`,
      'ms',
      runs.map((run) => run.cpuMs / watchCount),
      targets.cpu ? { max: CPU_PER_WATCH_LIMIT_MS } : null,
    ),
    figure(
      `${label}: wall time`,
      'ms',
      runs.map((run) => run.wallMs),
      null,
    ),
    figure(
      `${label}: peak RSS`,
      'MB',
      runs.map((run) => run.maxRssMb),
      { max: RSS_LIMIT_MB },
    ),
  ];
}

/** The first ordinary ad of the fixture page, as the template of seeded history. */
function templateAd() {
  const page = parseListing(readFileSync(FIXTURE_PAGE, 'utf8'), 'https://hardverapro.hu/aprok/mobil/index.html');
  const ad = page.ads.find((candidate) => !candidate.pinned) ?? page.ads[0];
  if (!ad) throw new Error('the fixture page has no ads');
  return ad;
}

/** Wall times of `pyhabot <args>`, as a user's shell would see them. */
async function timeCommand(scratch, args) {
  const times = [];
  for (let run = 0; run < QUERY_RUNS; run += 1) {
    const result = await scratch.runPlain(args);
    if (result.code !== 0) throw new Error(`pyhabot ${args.join(' ')} failed: ${result.stderr}`);
    times.push(result.wallMs);
  }
  return times;
}

/**
 * The wall time of a steady-state check at the site's crawl delay, against its floor: one crawl delay per watch.
 * Fetching, parsing and recording a page all fit inside the delay, so nothing should show above the floor.
 */
export async function politeCheck(log, site) {
  site.setAnswerDelay(POLITE_PAGE_DELAY_MS);
  const scratch = await prepareWatches('polite', site, POLITE_WATCHES, POLITE_SPACING_MS);
  try {
    log(`check: ${POLITE_WATCHES} watches at the crawl delay, baseline`);
    await measuredCheck(scratch, POLITE_WATCHES, true);
    log(`check: ${POLITE_WATCHES} watches at the crawl delay, steady state`);
    const firstArrival = site.arrivals.length;
    const run = await measuredCheck(scratch, POLITE_WATCHES, false);
    const arrivals = site.arrivals.slice(firstArrival);
    const floorMs = POLITE_WATCHES * CRAWL_DELAY_MS;
    // The part spent between the first and the last request is the pace; the rest is start-up, the last page and exit.
    const pacedMs = Math.round((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0));
    return figure(
      `check ${POLITE_WATCHES} watches at the crawl delay, pages answered after ${POLITE_PAGE_DELAY_MS} ms: wall time`,
      'ms',
      [run.wallMs],
      { within: 0.05, of: floorMs },
      { floorMs, pacedMs, outsidePaceMs: Math.round(run.wallMs - pacedMs), requests: arrivals.length },
    );
  } finally {
    scratch.remove();
  }
}

/**
 * 200 watches (a baseline check, then steady-state checks), 1 000 watches for memory, the steady-state check
 * again with 10 000 and 1 000 000 more ads recorded, and a check at the site's crawl delay for wall time.
 * Returns the figures and what they ran against.
 */
export async function benchCheck(log) {
  const figures = [];
  const notes = {};
  const site = await startFakeSite({ answerDelayMs: PAGE_DELAY_MS });
  const scratches = [];
  try {
    figures.push(await politeCheck(log, site));
    site.setAnswerDelay(PAGE_DELAY_MS);

    // 200 watches, each on its own URL, every one answered with the whole 100-ad fixture page after 50 ms.
    log(`check: ${WATCHES} watches, baseline`);
    const scratch = await prepareWatches('check200', site, WATCHES);
    scratches.push(scratch);
    const baseline = await measuredCheck(scratch, WATCHES, true);
    figures.push(...checkFigures(`check ${WATCHES} watches, first (baseline)`, [baseline], WATCHES, {}));
    const steady = [];
    for (let run = 0; run < STEADY_RUNS; run += 1) {
      log(`check: ${WATCHES} watches, steady state ${run + 1}/${STEADY_RUNS}`);
      steady.push(await measuredCheck(scratch, WATCHES, false));
    }
    figures.push(...checkFigures(`check ${WATCHES} watches, steady state`, steady, WATCHES, { cpu: true }));
    notes.check = {
      page: 'test/fixtures/hardverapro/listing-2025-12-mobil.html, untrimmed (278 kB, 100 ads, a next page)',
      pageDelayMs: PAGE_DELAY_MS,
      rows: countRows(scratch.dbPath),
      connectionsOpened: site.connections(),
      warningsOnStderr: [...new Set([baseline, ...steady].flatMap((run) => run.stderrWarnings))],
    };

    // Memory does not depend on how long the site takes, so the 1 000-watch runs get their pages at once.
    site.setAnswerDelay(0);
    log(`check: ${MANY_WATCHES} watches, baseline and steady state`);
    const many = await prepareWatches('check1000', site, MANY_WATCHES);
    scratches.push(many);
    const manyBaseline = await measuredCheck(many, MANY_WATCHES, true);
    const manySteady = await measuredCheck(many, MANY_WATCHES, false);
    for (const [label, run] of [
      ['first (baseline)', manyBaseline],
      ['steady state', manySteady],
    ]) {
      figures.push(
        figure(`check ${MANY_WATCHES} watches, ${label}: peak RSS`, 'MB', [run.maxRssMb], { max: RSS_LIMIT_MB }),
        figure(`check ${MANY_WATCHES} watches, ${label}: CPU per watch`, 'ms', [run.cpuMs / MANY_WATCHES], null),
      );
    }
    many.remove();
    scratches.splice(scratches.indexOf(many), 1);
    site.setAnswerDelay(PAGE_DELAY_MS);

    // Growth: the same steady-state check with a long history recorded, against the 200-watch figures above.
    const basePerWatch = summarize(
      steady.map((run) => run.cpuMs / WATCHES),
      3,
    ).median;
    const template = templateAd();
    notes.growth = { basePerWatchCpuMs: basePerWatch, extraAds: {} };
    for (const extra of [10_000, 1_000_000]) {
      log(`growth: ${extra.toLocaleString('en')} more ads recorded`);
      const grown = createScratch(`growth${extra}`, { requestDelayMs: 0 });
      scratches.push(grown);
      copyFileSync(scratch.dbPath, grown.dbPath);
      const seedStarted = performance.now();
      recordHistoricAds(grown.dbPath, extra, template);
      const seedMs = Math.round(performance.now() - seedStarted);
      const runs = [];
      for (let run = 0; run < GROWTH_RUNS; run += 1) runs.push(await measuredCheck(grown, WATCHES, false));
      const label = `+${extra.toLocaleString('en')} ads recorded`;
      figures.push(
        figure(
          `check ${WATCHES} watches, ${label}: CPU per watch vs none`,
          'ratio',
          runs.map((run) => run.cpuMs / WATCHES / basePerWatch),
          { max: GROWTH_LIMIT },
          {
            perWatchCpuMs: summarize(
              runs.map((run) => run.cpuMs / WATCHES),
              2,
            ),
          },
        ),
        figure(
          `check ${WATCHES} watches, ${label}: wall time`,
          'ms',
          runs.map((run) => run.wallMs),
          null,
        ),
        figure(
          `check ${WATCHES} watches, ${label}: peak RSS`,
          'MB',
          runs.map((run) => run.maxRssMb),
          {
            max: RSS_LIMIT_MB,
          },
        ),
        figure(`pyhabot list (${WATCHES} watches), ${label}`, 'ms', await timeCommand(grown, ['list']), {
          max: QUERY_LIMIT_MS,
        }),
      );
      // The watch with the most ads: its share of the history and its 100 current ads.
      const adsOfWatch = await timeCommand(grown, ['ads', '1']);
      const rows = countRows(grown.dbPath);
      figures.push(
        figure(`pyhabot ads 1 (${Math.ceil(extra / WATCHES) + 100} ads), ${label}`, 'ms', adsOfWatch, {
          max: QUERY_LIMIT_MS,
        }),
      );
      notes.growth.extraAds[extra] = { seedMs, rows, fileMb: Math.round(statSync(grown.dbPath).size / 1e6) };
      grown.remove();
      scratches.splice(scratches.indexOf(grown), 1);
    }
  } finally {
    for (const scratch of scratches) scratch.remove();
    await site.close();
  }
  return { figures, notes };
}
