import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/** The built launcher, exactly as `npx pyhabot` runs it. */
export const BIN = resolve(import.meta.dirname, '../../bin/pyhabot.js');

/** What a CLI run printed and how it ended. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A temp directory with its own home, data and config dirs, and a scrubbed environment. */
export interface CliSandbox extends Disposable {
  dir: string;
  home: string;
  /** Where the database lands with no configuration at all. */
  defaultDbPath: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], options?: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<CliResult>;
  /** Open the default database read-only for assertions. */
  query<T = unknown>(sql: string, ...params: unknown[]): T[];
}

/** Create a sandbox; `using sandbox = createCliSandbox()` removes it afterwards. */
export function createCliSandbox(): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'pyhabot-e2e-'));
  const home = join(dir, 'home');
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    TZ: 'UTC',
  };
  const defaultDbPath = join(home, '.local', 'share', 'pyhabot', 'pyhabot.db');
  return {
    dir,
    home,
    defaultDbPath,
    env,
    run: (args, options = {}) =>
      runCli(args, {
        cwd: options.cwd ?? dir,
        env: { ...env, ...options.env },
        timeoutMs: options.timeoutMs ?? 20_000,
      }),
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new Database(defaultDbPath, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    [Symbol.dispose]() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Spawn the built CLI and collect its output. */
export function runCli(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CliResult> {
  return runNode([BIN, ...args], options);
}

/** Run `node <argv>` (optionally as another user), collect its output, and kill it after `timeoutMs`. */
export function runNode(
  argv: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; timeoutMs: number; uid?: number; gid?: number },
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, argv, {
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}
