import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AdEvent } from '../../src/domain/events.js';
import { sameEventKey } from '../../src/domain/merge-notifications.js';
import { BIN, type CliSandbox } from './cli-sandbox.js';
import { type FakeHardverapro, startFakeHardverapro } from './fake-hardverapro.js';
import { ListingPage } from './listing-fixture.js';
import { type LocalServer, startLocalServer } from './local-server.js';

/** What a crash scenario found: every notification the receiver accepted, and the database's own view. */
export interface CrashScenarioResult {
  kills: number;
  /** idempotency key → how many times the receiver accepted it. */
  accepted: Map<string, number>;
  /** Idempotency keys of every event the database recorded. */
  recordedKeys: string[];
  /**
   * Events whose notification no accepted message carried: neither under its own key nor under the key of a
   * merged message (an event with the same ad, kind and new price that another watch found).
   */
  undelivered: string[];
  /** Outbox rows seen held (quiet hours) before they were released. */
  heldSeen: number;
  integrity: string;
  pendingOutbox: number;
  deadOutbox: number;
  watchesNeverChecked: number;
  lockRows: number;
}

/**
 * Runs `rounds` rounds over `watchCount` watches: the pages change (a new ad and a price change per watch), a
 * check is killed with SIGKILL after a random delay, then a clean check runs. The receiver fails one request in
 * `failEvery` (when set) and answers slowly enough for kills to land during delivery as well as scraping.
 * Every watch sees the same price change, so a run's price changes go out merged. With `quietHours`, the checks
 * run inside quiet hours and hold every notification; each round then lets time pass (the held rows are
 * released) and kills a second check, which lands while the digest is being sent.
 */
export async function runCrashScenario(
  sandbox: CliSandbox,
  options: {
    watchCount: number;
    rounds: number;
    seed: number;
    failEvery?: number;
    maxKillDelayMs: number;
    quietHours?: boolean;
  },
): Promise<CrashScenarioResult> {
  let random = options.seed;
  const nextRandom = (): number => {
    // A small deterministic generator keeps failures reproducible from the seed.
    random = (random * 1_103_515_245 + 12_345) % 2_147_483_648;
    return random / 2_147_483_648;
  };
  const accepted = new Map<string, number>();
  let requestCount = 0;
  await using site: FakeHardverapro = await startFakeHardverapro();
  await using receiver: LocalServer = await startLocalServer((_req, res, recorded) => {
    requestCount += 1;
    const fail = options.failEvery !== undefined && requestCount % options.failEvery === 0;
    setTimeout(() => {
      if (fail) {
        res.writeHead(503);
        res.end('try later');
        return;
      }
      const key = (JSON.parse(recorded.body) as { idempotencyKey: string }).idempotencyKey;
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      res.writeHead(200);
      res.end('ok');
    }, 5);
  });
  writeFileSync(
    join(sandbox.dir, '.pyhabotrc'),
    [
      'requestDelayMs: 0',
      'newestFirst: false',
      'maxRetries: 0',
      'deliveryBackoffMs: 0',
      'deliveryMaxAttempts: 100',
      'lockStaleMs: 10000',
      // Every price change of the scenario is an event, rises included.
      'rules:',
      '  priceChanges: all',
      ...(options.quietHours ? [`quietHours: "${quietRangeAroundNow()}"`, 'timeZone: UTC'] : []),
      '',
    ].join('\n'),
  );

  const pages: ListingPage[] = [];
  for (let index = 0; index < options.watchCount; index += 1) {
    const page = new ListingPage().keepFirst(8).withoutNextPage();
    pages.push(page);
    const path = `/aprok/watch${index}/index.html`;
    site.serve(path, (_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page.html);
      }, 3);
    });
    await sandbox.run(['add', site.urlFor(path), '--allow-any-host', '--notify', `${receiver.url}/hook`]);
  }
  await sandbox.run(['check']);

  let kills = 0;
  let heldSeen = 0;
  /** Start a check and SIGKILL it after a random delay; counts the kill if it landed before the check ended. */
  const killedCheck = async (): Promise<void> => {
    const child = spawn(process.execPath, [BIN, 'check'], { cwd: sandbox.dir, env: sandbox.env, stdio: 'ignore' });
    const delay = Math.floor(nextRandom() * options.maxKillDelayMs);
    const killed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(child.kill('SIGKILL')), delay);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.on('close', resolve),
    );
    if (killed) kills += 1;
  };
  /** Time passes: quiet hours are over for every held row. */
  const releaseHeld = (): void => {
    const db = new Database(sandbox.defaultDbPath);
    try {
      const now = new Date().toISOString();
      heldSeen += (
        db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND held_until > ?").get(now) as {
          n: number;
        }
      ).n;
      db.prepare('UPDATE outbox SET held_until = ?, next_attempt_at = ? WHERE held_until > ?').run(now, now, now);
    } finally {
      db.close();
    }
  };
  let nextAdId = 9_100_000;
  for (let round = 0; round < options.rounds; round += 1) {
    for (const page of pages) {
      const ids = page.adIds();
      page.addAd(ids[0] as number, nextAdId, `Új hirdetés ${nextAdId}`);
      nextAdId += 1;
      page.setPrice(ids[(round % 6) + 1] as number, `${1000 + round} Ft`);
    }
    await killedCheck();
    await sandbox.run(['check']);
    if (options.quietHours) {
      releaseHeld();
      await killedCheck();
      await sandbox.run(['check']);
    }
  }
  // A last clean run delivers anything a failing receiver left pending.
  if (options.quietHours) releaseHeld();
  await sandbox.run(['check']);

  const db = new Database(sandbox.defaultDbPath, { readonly: true });
  try {
    const events = (
      db.prepare('SELECT idempotency_key, payload FROM events ORDER BY id').all() as Array<{
        idempotency_key: string;
        payload: string;
      }>
    ).map((row) => ({ key: row.idempotency_key, same: sameEventKey(JSON.parse(row.payload) as AdEvent) }));
    const recordedKeys = events.map((event) => event.key);
    const deliveredEvents = new Set(events.filter((event) => accepted.has(event.key)).map((event) => event.same));
    const undelivered = events.filter((event) => !deliveredEvents.has(event.same)).map((event) => event.key);
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    return {
      kills,
      accepted,
      recordedKeys,
      undelivered,
      heldSeen,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      pendingOutbox: count("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'"),
      deadOutbox: count("SELECT COUNT(*) AS n FROM outbox WHERE status = 'dead'"),
      watchesNeverChecked: count('SELECT COUNT(*) AS n FROM watches WHERE last_check_at IS NULL'),
      lockRows: count('SELECT COUNT(*) AS n FROM run_lock'),
    };
  } finally {
    db.close();
  }
}

/** A two-hour quiet range in UTC that the current moment falls in. */
function quietRangeAroundNow(): string {
  const hour = new Date().getUTCHours();
  const clock = (h: number): string => `${String(h % 24).padStart(2, '0')}:00`;
  return `${clock(hour)}-${clock(hour + 2)}`;
}
