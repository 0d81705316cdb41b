import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, type CliResult, type CliSandbox, runNode } from './cli-sandbox.js';

/** A CLI run with the child's own peak resident memory. */
export interface MeasuredCliResult extends CliResult {
  maxRssMb: number | null;
}

/** Preloaded into the child: at exit it writes its own peak RSS (KiB) to the file named by the variable. */
const RSS_REPORTER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs';" +
    'const file = process.env.FAULT_SUITE_RSS_FILE;' +
    "if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));",
)}`;

/** Spawn the built CLI with extra Node options and, when given, another user and group. */
export function spawnCli(
  args: string[],
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    timeoutMs: number;
    nodeOptions?: string[];
    uid?: number;
    gid?: number;
  },
): Promise<CliResult> {
  const { nodeOptions = [], ...rest } = options;
  return runNode([...nodeOptions, BIN, ...args], rest);
}

/** Run `pyhabot <args>` in the sandbox and report the child's peak RSS alongside its output. */
export async function runCliMeasured(
  sandbox: CliSandbox,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<MeasuredCliResult> {
  const rssFile = join(sandbox.dir, `rss-${process.hrtime.bigint()}.txt`);
  const result = await spawnCli(args, {
    cwd: sandbox.dir,
    env: { ...sandbox.env, ...options.env, FAULT_SUITE_RSS_FILE: rssFile },
    timeoutMs: options.timeoutMs ?? 20_000,
    nodeOptions: ['--import', RSS_REPORTER],
  });
  let maxRssMb: number | null = null;
  if (existsSync(rssFile)) {
    maxRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
    rmSync(rssFile);
  }
  return { ...result, maxRssMb };
}

/** SHA-256 of a file, or null when it does not exist: "byte-identical" compares these. */
export function fileDigest(path: string): string | null {
  if (!existsSync(path)) return null;
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Digests of a database and its WAL file, which together are what a run may have changed. */
export function databaseDigest(dbPath: string): { db: string | null; wal: string | null } {
  return { db: fileDigest(dbPath), wal: fileDigest(`${dbPath}-wal`) };
}

/** The NDJSON records `check --json` printed. */
export function checkRecords(stdout: string): Array<Record<string, unknown> & { type: string }> {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown> & { type: string });
}
