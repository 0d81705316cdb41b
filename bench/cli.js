// Runs the built CLI as a child process in a scratch directory and measures it from the outside: wall time,
// and (through report-usage.js) the child's own CPU time and peak RSS.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The launcher users run. */
export const BIN = fileURLToPath(new URL('../bin/pyhabot.js', import.meta.url));
/** Preloaded into a child to write its own CPU time and peak RSS at exit. */
export const REPORT_USAGE = new URL('./report-usage.js', import.meta.url).href;

/**
 * A scratch directory with its own home, a config file and a database path; `run` spawns the CLI there with a
 * scrubbed environment, `remove` deletes it all.
 */
export function createScratch(name, config = {}) {
  const dir = mkdtempSync(join(tmpdir(), `pyhabot-bench-${name}-`));
  const home = join(dir, 'home');
  mkdirSync(home);
  const configFile = join(dir, 'pyhabot.json');
  const dbPath = join(dir, 'pyhabot.db');
  writeFileSync(configFile, JSON.stringify({ logLevel: 'warn', ...config }));
  const env = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC' };
  let runs = 0;
  return {
    dir,
    dbPath,
    configFile,
    /** Run `pyhabot <args>` against this scratch's database and config; resolves with output and measurements. */
    run(args, options = {}) {
      runs += 1;
      const usageFile = join(dir, `usage-${runs}.json`);
      return runMeasured(
        process.execPath,
        ['--import', REPORT_USAGE, BIN, '--db', dbPath, '--config', configFile, ...args],
        {
          cwd: dir,
          env: { ...env, BENCH_USAGE_FILE: usageFile },
          usageFile,
          timeoutMs: options.timeoutMs ?? 120_000,
        },
      );
    },
    /** Run `pyhabot <args>` with nothing added to the command line: what a user's shell pays. */
    runPlain(args) {
      return runMeasured(process.execPath, [BIN, '--db', dbPath, '--config', configFile, ...args], {
        cwd: dir,
        env,
        timeoutMs: 60_000,
      });
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Spawn a command, collect its output, and time it from spawn to exit. */
export function runMeasured(command, args, options) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('exit', () => {
      // Wall time ends when the process does, not when its pipes are drained.
      const wallMs = performance.now() - started;
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        let usage = null;
        if (options.usageFile) {
          usage = JSON.parse(readFileSync(options.usageFile, 'utf8'));
          rmSync(options.usageFile);
        }
        resolve({
          code,
          signal,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          wallMs,
          cpuMs: usage === null ? null : usage.userMs + usage.systemMs,
          maxRssMb: usage === null ? null : usage.maxRssKb / 1024,
        });
      });
    });
  });
}

/** The `summary` record of `check --json` output; throws when the run did not end with one. */
export function checkSummary(result) {
  const lines = result.stdout.trim().split('\n');
  const last = lines.length > 0 ? JSON.parse(lines[lines.length - 1]) : null;
  if (last?.type !== 'summary') {
    throw new Error(`check ended without a summary (exit ${result.code}): ${result.stderr.slice(0, 500)}`);
  }
  return last;
}
