// What starting pyhabot costs next to starting Node itself: `--version` should load next to nothing, and a
// command that reads the database only what it needs.
import { createScratch, runMeasured } from './cli.js';
import { addWatches } from './seed-db.js';
import { figure, summarize } from './stats.js';

const RUNS = 15;
const WATCHES = 20;

/** `node -e 0`, `pyhabot --version` and `pyhabot list` over 20 watches; the ratios are what the targets bound. */
export async function benchStartup(log) {
  const scratch = createScratch('startup');
  try {
    const origin = 'http://127.0.0.1:9';
    const added = await scratch.runPlain(['add', `${origin}/aprok/w0/index.html`, '--allow-any-host']);
    if (added.code !== 0) throw new Error(`add failed: ${added.stderr}`);
    addWatches(scratch.dbPath, origin, { first: 1, count: WATCHES - 1 });
    const env = { PATH: process.env.PATH, HOME: scratch.dir };
    const commands = {
      bare: () => runMeasured(process.execPath, ['-e', '0'], { cwd: scratch.dir, env, timeoutMs: 30_000 }),
      version: () => scratch.runPlain(['--version']),
      list: () => scratch.runPlain(['list']),
    };
    const times = { bare: [], version: [], list: [] };
    log(`startup: node -e 0, pyhabot --version, pyhabot list (${RUNS} runs each)`);
    // Round 0 only warms the file cache. The three take turns, so a burst of load elsewhere hits all alike.
    for (let round = 0; round <= RUNS; round += 1) {
      for (const [name, start] of Object.entries(commands)) {
        const result = await start();
        if (result.code !== 0) throw new Error(`${name} exited ${result.code}: ${result.stderr}`);
        if (round > 0) times[name].push(result.wallMs);
      }
    }
    const bareMedian = summarize(times.bare, 3).median;
    const relative = (list) => list.map((ms) => ms / bareMedian);
    return {
      figures: [
        figure('node -e 0', 'ms', times.bare, null),
        figure('pyhabot --version', 'ms', times.version, null),
        figure('pyhabot --version vs node -e 0', 'ratio', relative(times.version), { max: 2 }),
        figure(`pyhabot list (${WATCHES} watches)`, 'ms', times.list, null),
        figure(`pyhabot list (${WATCHES} watches) vs node -e 0`, 'ratio', relative(times.list), { max: 3 }),
      ],
      notes: { runs: RUNS },
    };
  } finally {
    scratch.remove();
  }
}
