// What starting pyhabot costs next to starting Node itself: `--version` should load next to nothing, and a
// command that reads the database only what it needs.
import { join } from 'node:path';
import { createScratch, REPORT_USAGE, runMeasured } from './cli.js';
import { addWatches } from './seed-db.js';
import { figure, summarize } from './stats.js';

const RUNS = 15;
const WATCHES = 20;

/** The commands measured, with the start-up target each one's ratio to `node -e 0` is held to. */
const COMMANDS = [
  { name: 'version', label: 'pyhabot --version', args: ['--version'], max: 1.5 },
  { name: 'list', label: `pyhabot list (${WATCHES} watches)`, args: ['list'], max: 3 },
  { name: 'status', label: `pyhabot status (${WATCHES} watches)`, args: ['status'], max: 3 },
  { name: 'show', label: 'pyhabot show 1', args: ['show', '1'], max: 3 },
];

/**
 * `node -e 0` and each command, in turns, as a user's shell runs them (wall time), then again with each child
 * reporting its own CPU time, which load on the machine disturbs less. Ratios are to bare Node in the same rounds.
 */
export async function benchStartup(log) {
  const scratch = createScratch('startup');
  try {
    const origin = 'http://127.0.0.1:9';
    const added = await scratch.runPlain(['add', `${origin}/aprok/w0/index.html`, '--allow-any-host']);
    if (added.code !== 0) throw new Error(`add failed: ${added.stderr}`);
    addWatches(scratch.dbPath, origin, { first: 1, count: WATCHES - 1 });
    const env = { PATH: process.env.PATH, HOME: join(scratch.dir, 'home') };
    let usageRuns = 0;
    const bareWithUsage = () => {
      usageRuns += 1;
      const usageFile = join(scratch.dir, `bare-usage-${usageRuns}.json`);
      return runMeasured(process.execPath, ['--import', REPORT_USAGE, '-e', '0'], {
        cwd: scratch.dir,
        env: { ...env, BENCH_USAGE_FILE: usageFile },
        usageFile,
        timeoutMs: 30_000,
      });
    };
    const wall = {
      bare: () => runMeasured(process.execPath, ['-e', '0'], { cwd: scratch.dir, env, timeoutMs: 30_000 }),
      ...Object.fromEntries(COMMANDS.map((command) => [command.name, () => scratch.runPlain(command.args)])),
    };
    const cpu = {
      bare: bareWithUsage,
      ...Object.fromEntries(COMMANDS.map((command) => [command.name, () => scratch.run(command.args)])),
    };
    const wallTimes = Object.fromEntries(Object.keys(wall).map((name) => [name, []]));
    const cpuTimes = Object.fromEntries(Object.keys(cpu).map((name) => [name, []]));
    log(`startup: node -e 0, ${COMMANDS.map((command) => command.label).join(', ')} (${RUNS} runs each, twice)`);
    // Round 0 only warms the file cache. The commands take turns, so a burst of load elsewhere hits all alike.
    for (const [starts, times, key] of [
      [wall, wallTimes, 'wallMs'],
      [cpu, cpuTimes, 'cpuMs'],
    ]) {
      for (let round = 0; round <= RUNS; round += 1) {
        for (const [name, start] of Object.entries(starts)) {
          const result = await start();
          if (result.code !== 0) throw new Error(`${name} exited ${result.code}: ${result.stderr}`);
          if (round > 0) times[name].push(result[key]);
        }
      }
    }
    const relativeTo = (times) => {
      const bareMedian = summarize(times.bare, 3).median;
      return (list) => list.map((ms) => ms / bareMedian);
    };
    const wallRatio = relativeTo(wallTimes);
    const cpuRatio = relativeTo(cpuTimes);
    return {
      figures: [
        figure('node -e 0', 'ms', wallTimes.bare, null),
        ...COMMANDS.flatMap((command) => [
          figure(command.label, 'ms', wallTimes[command.name], null),
          figure(`${command.label} vs node -e 0`, 'ratio', wallRatio(wallTimes[command.name]), { max: command.max }),
        ]),
        figure('node -e 0, CPU time', 'ms', cpuTimes.bare, null),
        ...COMMANDS.map((command) =>
          figure(`${command.label} vs node -e 0, CPU time`, 'ratio', cpuRatio(cpuTimes[command.name]), null),
        ),
      ],
      notes: { runs: RUNS },
    };
  } finally {
    scratch.remove();
  }
}
