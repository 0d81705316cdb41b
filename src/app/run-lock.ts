import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import { acquireRunLock, heartbeatRunLock, readRunLock, releaseRunLock } from '../store/lock-repo.js';
import type { Db } from '../store/open-db.js';

/** Run `work` holding the database's check lock; a second caller gets exit 75 at once. */
export async function withRunLock<T>(
  options: { db: Db; now: () => Date; staleAfterMs: number; pid: number; onTakeOver?: (holder: string) => void },
  work: () => Promise<T>,
): Promise<T> {
  const owner = randomUUID();
  const result = acquireRunLock(options.db, {
    owner,
    pid: options.pid,
    hostname: hostname(),
    now: options.now(),
    staleAfterMs: options.staleAfterMs,
    isAlive: isProcessAlive,
  });
  if (!result.acquired) {
    const { holder } = result;
    throw new UserError(
      `another check is running on this database (pid ${holder.pid} on ${holder.hostname}, since ${holder.acquiredAt})`,
      { exitCode: ExitCode.locked, hint: 'nothing to do: the next scheduled run will go ahead' },
    );
  }
  if (result.tookOverFrom) {
    options.onTakeOver?.(`pid ${result.tookOverFrom.pid} on ${result.tookOverFrom.hostname}`);
  }
  // The heartbeat lets another host tell a live run from one that was killed.
  const beat = setInterval(
    () => heartbeatRunLock(options.db, owner, options.now()),
    Math.max(1000, Math.floor(options.staleAfterMs / 4)),
  );
  beat.unref();
  try {
    return await work();
  } finally {
    clearInterval(beat);
    if (options.db.open) releaseRunLock(options.db, owner);
  }
}

/**
 * True while a check holds the lock and is alive, judged as a second check would: on this host by its process
 * (a busy run cannot beat), from another host by a fresh heartbeat.
 */
export function isCheckRunning(db: Db, options: { now: Date; staleAfterMs: number }): boolean {
  const holder = readRunLock(db);
  if (holder === undefined) return false;
  if (holder.hostname === hostname()) return isProcessAlive(holder.pid);
  return options.now.getTime() - new Date(holder.heartbeatAt).getTime() <= options.staleAfterMs;
}

/** True when a process with this pid exists on this host. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
