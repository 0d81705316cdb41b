import type { Db } from './open-db.js';

/** Who holds the `check` lock of a database. */
export interface LockHolder {
  owner: string;
  pid: number;
  hostname: string;
  acquiredAt: string;
  heartbeatAt: string;
}

/**
 * Take the run lock unless a live run holds it. On this host the holder's pid decides: a live pid keeps the lock
 * however old its heartbeat (a run busy with a long page cannot beat), a gone pid (or our own, left by an earlier
 * process) gives it up. A holder on another host cannot be asked, so there a heartbeat older than `staleAfterMs`
 * gives it up.
 */
export function acquireRunLock(
  db: Db,
  request: {
    owner: string;
    pid: number;
    hostname: string;
    now: Date;
    staleAfterMs: number;
    isAlive(pid: number): boolean;
  },
): { acquired: true; tookOverFrom?: LockHolder } | { acquired: false; holder: LockHolder } {
  return db
    .transaction(() => {
      const holder = db
        .prepare('SELECT owner, pid, hostname, acquired_at, heartbeat_at FROM run_lock WHERE id = 1')
        .get() as
        | { owner: string; pid: number; hostname: string; acquired_at: string; heartbeat_at: string }
        | undefined;
      const at = request.now.toISOString();
      const take = (): void => {
        db.prepare(
          `INSERT INTO run_lock (id, owner, pid, hostname, acquired_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, hostname = excluded.hostname,
             acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
        ).run(request.owner, request.pid, request.hostname, at, at);
      };
      if (!holder) {
        take();
        return { acquired: true as const };
      }
      const current: LockHolder = {
        owner: holder.owner,
        pid: holder.pid,
        hostname: holder.hostname,
        acquiredAt: holder.acquired_at,
        heartbeatAt: holder.heartbeat_at,
      };
      if (holderIsGone(current, request)) {
        take();
        return { acquired: true as const, tookOverFrom: current };
      }
      return { acquired: false as const, holder: current };
    })
    .immediate();
}

function holderIsGone(
  holder: LockHolder,
  request: { pid: number; hostname: string; now: Date; staleAfterMs: number; isAlive(pid: number): boolean },
): boolean {
  if (holder.hostname === request.hostname) return holder.pid === request.pid || !request.isAlive(holder.pid);
  const heartbeatAge = request.now.getTime() - new Date(holder.heartbeatAt).getTime();
  // An unreadable time is treated as stale, so a damaged row can never lock every run out.
  return !(heartbeatAge <= request.staleAfterMs);
}

/** The current holder of the run lock, if any (it may be a run that was killed and left it behind). */
export function readRunLock(db: Db): LockHolder | undefined {
  const row = db.prepare('SELECT owner, pid, hostname, acquired_at, heartbeat_at FROM run_lock WHERE id = 1').get() as
    | { owner: string; pid: number; hostname: string; acquired_at: string; heartbeat_at: string }
    | undefined;
  return row === undefined
    ? undefined
    : {
        owner: row.owner,
        pid: row.pid,
        hostname: row.hostname,
        acquiredAt: row.acquired_at,
        heartbeatAt: row.heartbeat_at,
      };
}

/** Prove the lock holder is alive; false when the lock was taken over meanwhile. */
export function heartbeatRunLock(db: Db, owner: string, now: Date): boolean {
  return (
    db.prepare('UPDATE run_lock SET heartbeat_at = ? WHERE id = 1 AND owner = ?').run(now.toISOString(), owner)
      .changes === 1
  );
}

/** Give the lock back (only if still ours). */
export function releaseRunLock(db: Db, owner: string): void {
  db.prepare('DELETE FROM run_lock WHERE id = 1 AND owner = ?').run(owner);
}
