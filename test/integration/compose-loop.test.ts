import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'vitest';
import { BIN } from '../helpers/cli-sandbox.js';

/** The compose service's entrypoint, run here exactly as the image runs it (POSIX sh). */
const LOOP = resolve(import.meta.dirname, '../../docker/loop.sh');

/** Time the loop and the stub need around the sleep: shell start-up, `date`, node start-up; generous for CI. */
const OVERHEAD_MS = 1500;

/** What the stub does on its n-th run; the last entry repeats. */
interface StubRun {
  exitCode: number;
  sleepMs?: number;
}

/** One run of the stub, as it recorded it. */
interface StubCall {
  at: number;
  args: string[];
}

/** One JSON line the loop logged. */
interface LoopLog {
  level: number;
  time: number;
  msg: string;
  exitCode?: number;
  durationMs?: number;
  startedAt?: string;
  nextCheckInSeconds?: number;
  intervalSeconds?: number;
  jitterMaxSeconds?: number;
  signal?: string;
}

/**
 * A stand-in for pyhabot: records the time and arguments of each run, then exits as the plan says. On SIGTERM it
 * records the signal and exits 143, as pyhabot does after winding down.
 */
function writeStub(dir: string, plan: StubRun[]): string {
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const stub = join(dir, 'pyhabot-stub');
  writeFileSync(
    stub,
    `#!${process.execPath}
const { appendFileSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const calls = join(__dirname, 'calls.jsonl');
let count = 0;
try { count = readFileSync(calls, 'utf8').split('\\n').filter(Boolean).length; } catch {}
const plan = JSON.parse(readFileSync(join(__dirname, 'plan.json'), 'utf8'));
const run = plan[Math.min(count, plan.length - 1)];
process.on('SIGTERM', () => {
  appendFileSync(join(__dirname, 'signals.jsonl'), JSON.stringify({ signal: 'SIGTERM', at: Date.now() }) + '\\n');
  process.exit(143);
});
appendFileSync(calls, JSON.stringify({ at: Date.now(), args: process.argv.slice(2) }) + '\\n');
setTimeout(() => process.exit(run.exitCode), run.sleepMs ?? 0);
`,
    { mode: 0o755 },
  );
  return stub;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

function readJsonLines<T>(file: string): T[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as T);
  } catch {
    return [];
  }
}

/** A running loop with its own temp dir; `await using` stops it and removes the dir. */
interface LoopRun extends AsyncDisposable {
  child: ChildProcess;
  dir: string;
  stderr(): string;
  stdout(): string;
  logs(): LoopLog[];
  calls(): StubCall[];
  signalsSeenByCheck(): Array<{ signal: string; at: number }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  waitFor(what: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
}

function startLoop(options: { plan?: StubRun[]; env?: Record<string, string>; args?: string[] } = {}): LoopRun {
  const dir = mkdtempSync(join(tmpdir(), 'pyhabot-loop-'));
  const stub = writeStub(dir, options.plan ?? [{ exitCode: 0 }]);
  const child = spawn(LOOP, options.args ?? [], {
    cwd: dir,
    env: { PATH: process.env.PATH, PYHABOT_COMMAND: stub, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // 'close' comes after the output is complete; 'exit' is enough to know the loop is gone.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolveExit) =>
    child.on('close', (code, signal) => resolveExit({ code, signal, at: Date.now() })),
  );
  let closed = false;
  void exited.then(() => {
    closed = true;
  });
  let running = true;
  const gone = new Promise<void>((resolveGone) =>
    child.on('exit', () => {
      running = false;
      resolveGone();
    }),
  );
  const logs = (): LoopLog[] =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LoopLog);
  return {
    child,
    dir,
    stderr: () => stderr,
    stdout: () => stdout,
    logs,
    calls: () => readJsonLines<StubCall>(join(dir, 'calls.jsonl')),
    signalsSeenByCheck: () => readJsonLines(join(dir, 'signals.jsonl')),
    exited,
    async waitFor(what, condition, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; loop stderr:\n${stderr}`);
        if (closed && !condition()) throw new Error(`the loop ended before ${what}; stderr:\n${stderr}`);
        await sleep(20);
      }
    },
    async [Symbol.asyncDispose]() {
      // SIGTERM lets the loop stop its sleep or check too; SIGKILL would leave them running.
      if (running) child.kill('SIGTERM');
      const stopped = await Promise.race([gone.then(() => true), sleep(3000).then(() => false)]);
      if (!stopped) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const finishedChecks = (loop: LoopRun): LoopLog[] => loop.logs().filter((log) => log.msg === 'check finished');

// Alone, so that other loops starting on the same cores do not blur the timing.
describe('the compose loop (docker/loop.sh): timing', () => {
  it('runs `check --quiet` at once and then after each interval plus the jitter it logs', async ({ expect }) => {
    await using loop = startLoop({ env: { PYHABOT_INTERVAL: '1', PYHABOT_JITTER: '1' } });
    await loop.waitFor('three checks', () => loop.calls().length >= 3);
    loop.child.kill('SIGTERM');
    expect((await loop.exited).code).toBe(0);

    const calls = loop.calls();
    expect(calls.map((call) => call.args)).toEqual(calls.map(() => ['check', '--quiet']));
    const [started] = loop.logs();
    expect(started).toMatchObject({ level: 30, msg: 'loop started', intervalSeconds: 1, jitterMaxSeconds: 1 });
    const finished = finishedChecks(loop);
    for (const [index, log] of finished.entries()) {
      // The SIGTERM above may reach the last check while it still runs, on a loaded machine; it then ends with 143.
      const interrupted = index === calls.length - 1 && log.exitCode === 143;
      expect(log).toMatchObject({ level: 30, exitCode: interrupted ? 143 : 0 });
      expect(log.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(log.durationMs).toBeGreaterThanOrEqual(0);
      const next = calls[index + 1];
      const current = calls[index];
      if (next === undefined || current === undefined) continue;
      // The sleep between two checks is the interval plus the jitter drawn for it: 1 or 2 seconds here.
      expect([1, 2]).toContain(log.nextCheckInSeconds);
      const gap = next.at - current.at;
      expect(gap).toBeGreaterThanOrEqual((log.nextCheckInSeconds ?? 0) * 1000);
      expect(gap).toBeLessThan((log.nextCheckInSeconds ?? 0) * 1000 + OVERHEAD_MS);
    }
  });
});

describe.concurrent('the compose loop (docker/loop.sh)', () => {
  it('draws the jitter anew each time, between 0 and PYHABOT_JITTER (default a tenth of the interval)', async ({
    expect,
  }) => {
    const loops = Array.from({ length: 8 }, () =>
      startLoop({ env: { PYHABOT_INTERVAL: '100', PYHABOT_JITTER: '20' } }),
    );
    await using withDefault = startLoop({ env: { PYHABOT_INTERVAL: '100' } });
    try {
      await Promise.all(
        [...loops, withDefault].map((loop) => loop.waitFor('the first check', () => finishedChecks(loop).length > 0)),
      );
      const delays = loops.map((loop) => finishedChecks(loop)[0]?.nextCheckInSeconds ?? -1);
      for (const delay of delays) {
        expect(delay).toBeGreaterThanOrEqual(100);
        expect(delay).toBeLessThanOrEqual(120);
      }
      // Eight draws from 21 values all alike would be a jitter that is not random (odds about 1 in 10^9).
      expect(new Set(delays).size).toBeGreaterThan(1);

      expect(withDefault.logs()[0]).toMatchObject({ intervalSeconds: 100, jitterMaxSeconds: 10 });
      const defaultDelay = finishedChecks(withDefault)[0]?.nextCheckInSeconds ?? -1;
      expect(defaultDelay).toBeGreaterThanOrEqual(100);
      expect(defaultDelay).toBeLessThanOrEqual(110);
    } finally {
      for (const loop of loops) await loop[Symbol.asyncDispose]();
    }
  });

  it('keeps going after failed checks, exit 75 included, and passes PYHABOT_CHECK_ARGS', async ({ expect }) => {
    await using loop = startLoop({
      plan: [{ exitCode: 75 }, { exitCode: 1 }, { exitCode: 3 }],
      env: { PYHABOT_INTERVAL: '1', PYHABOT_JITTER: '0', PYHABOT_CHECK_ARGS: '--dry-run  --json' },
    });
    await loop.waitFor('three checks', () => finishedChecks(loop).length >= 3);
    loop.child.kill('SIGTERM');
    expect((await loop.exited).code).toBe(0);

    expect(loop.calls()[0]?.args).toEqual(['check', '--dry-run', '--json']);
    const finished = finishedChecks(loop).slice(0, 3);
    expect(finished.map((log) => log.exitCode)).toEqual([75, 1, 3]);
    // info for a run that met another one, warn for a partial failure, error for what needs a human.
    expect(finished.map((log) => log.level)).toEqual([30, 40, 50]);
    expect(finished.every((log) => log.nextCheckInSeconds === 1)).toBe(true);
  });

  it.for(['SIGTERM', 'SIGINT'] as const)(
    'ends at once with exit 0 on %s during the sleep, without waiting it out',
    async (signal, { expect }) => {
      await using loop = startLoop({ env: { PYHABOT_INTERVAL: '30' } });
      await loop.waitFor('the first check', () => finishedChecks(loop).length === 1);
      const sentAt = Date.now();
      loop.child.kill(signal);
      const exit = await loop.exited;
      expect(exit.code).toBe(0);
      expect(exit.at - sentAt).toBeLessThan(1000);
      expect(loop.logs().at(-1)).toMatchObject({ level: 30, msg: 'loop stopped', signal });
      expect(loop.calls()).toHaveLength(1);
    },
  );

  it('passes SIGTERM on to a running check, waits for it to wind down, then ends', async ({ expect }) => {
    await using loop = startLoop({ plan: [{ exitCode: 0, sleepMs: 10_000 }], env: { PYHABOT_INTERVAL: '1' } });
    await loop.waitFor('the check to start', () => loop.calls().length === 1);
    const sentAt = Date.now();
    loop.child.kill('SIGTERM');
    const exit = await loop.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - sentAt).toBeLessThan(2000);
    expect(loop.signalsSeenByCheck()).toEqual([{ signal: 'SIGTERM', at: expect.any(Number) }]);
    expect(finishedChecks(loop)).toEqual([expect.objectContaining({ exitCode: 143, level: 30 })]);
    expect(finishedChecks(loop)[0]).not.toHaveProperty('nextCheckInSeconds');
    expect(loop.logs().at(-1)).toMatchObject({ msg: 'loop stopped', signal: 'SIGTERM' });
    expect(loop.calls()).toHaveLength(1);
  });

  it.for([
    ['PYHABOT_INTERVAL', { PYHABOT_INTERVAL: 'abc' }],
    ['PYHABOT_INTERVAL', { PYHABOT_INTERVAL: '0' }],
    ['PYHABOT_INTERVAL', { PYHABOT_INTERVAL: '-5' }],
    ['PYHABOT_INTERVAL', { PYHABOT_INTERVAL: '1.5' }],
    ['PYHABOT_INTERVAL', { PYHABOT_INTERVAL: '5m' }],
    ['PYHABOT_INTERVAL', { PYHABOT_INTERVAL: '99999999999' }],
    ['PYHABOT_JITTER', { PYHABOT_INTERVAL: '10', PYHABOT_JITTER: '11' }],
    ['PYHABOT_JITTER', { PYHABOT_JITTER: 'some' }],
    ['PYHABOT_COMMAND', { PYHABOT_COMMAND: '/nonexistent/pyhabot' }],
  ] as const)(
    'refuses a bad %s with exit 2 and a message, running nothing (%o)',
    async ([variable, env], { expect }) => {
      await using loop = startLoop({ env });
      const exit = await loop.exited;
      expect(exit.code).toBe(2);
      const [log] = loop.logs();
      expect(log).toMatchObject({ level: 50 });
      expect(log?.msg).toContain(variable);
      expect(loop.calls()).toEqual([]);
    },
  );

  it('reads a leading zero as decimal', async ({ expect }) => {
    await using loop = startLoop({ env: { PYHABOT_INTERVAL: '010', PYHABOT_JITTER: '08' } });
    await loop.waitFor('the first check', () => finishedChecks(loop).length === 1);
    loop.child.kill('SIGTERM');
    await loop.exited;
    expect(loop.logs()[0]).toMatchObject({ intervalSeconds: 10, jitterMaxSeconds: 8 });
  });

  it('with arguments runs `pyhabot <arguments>` once, for `docker compose run --rm pyhabot add <url>`', async ({
    expect,
  }) => {
    await using loop = startLoop({
      plan: [{ exitCode: 3 }],
      args: ['add', 'https://hardverapro.hu/aprok/mobil/index.html', '--name', 'two words'],
    });
    const exit = await loop.exited;
    expect(exit.code).toBe(3);
    expect(loop.calls().map((call) => call.args)).toEqual([
      ['add', 'https://hardverapro.hu/aprok/mobil/index.html', '--name', 'two words'],
    ]);
    expect(loop.stderr()).toBe('');
  });

  it('runs the real CLI given as PYHABOT_COMMAND', async ({ expect }) => {
    const home = mkdtempSync(join(tmpdir(), 'pyhabot-loop-home-'));
    try {
      mkdirSync(join(home, 'data'));
      await using loop = startLoop({
        env: {
          PYHABOT_COMMAND: `${process.execPath} ${BIN}`,
          PYHABOT_INTERVAL: '30',
          HOME: home,
          PERSISTENT_DATA_PATH: join(home, 'data'),
        },
      });
      await loop.waitFor('the first check', () => finishedChecks(loop).length === 1, 15_000);
      loop.child.kill('SIGTERM');
      expect((await loop.exited).code).toBe(0);
      expect(finishedChecks(loop)[0]).toMatchObject({ exitCode: 0 });
      // --quiet: a check with nothing to report prints nothing.
      expect(loop.stdout()).toBe('');
      expect(
        readFileSync(join(home, 'data', 'pyhabot.db'))
          .subarray(0, 15)
          .toString(),
      ).toBe('SQLite format 3');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
