import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { runCrashScenario } from '../helpers/crash-scenario.js';

// 50 kills in all: in each round the pages change (a new ad and a price change on each of 20 watches), a check
// is killed with SIGKILL at a random moment, then a clean check runs; the receiver fails one request in five
// throughout. Every failed delivery costs its run a 500 ms pause before the retry, so a round is mostly waiting:
// five scenarios of ten rounds each, on their own databases, run side by side to keep the suite short.
// A check here takes one to two seconds (start-up, 20 pages, some 40 deliveries), so kill delays of up to
// 1.2 s land in start-up, scraping and delivery alike.

const SCENARIOS = 5;
const ROUNDS_EACH = 10;
const WATCHES = 20;

describe('crash safety under kill -9', () => {
  it(`loses nothing and repeats at most one notification per kill over ${SCENARIOS * ROUNDS_EACH} kills`, async () => {
    const sandboxes = Array.from({ length: SCENARIOS }, () => createCliSandbox());
    try {
      const results = await Promise.all(
        sandboxes.map((sandbox, index) =>
          runCrashScenario(sandbox, {
            watchCount: WATCHES,
            rounds: ROUNDS_EACH,
            seed: 20251224 + index,
            failEvery: 5,
            maxKillDelayMs: 1200,
          }),
        ),
      );

      // A kill counts only when it landed before the check ended on its own; nearly all of them do.
      const kills = results.reduce((sum, result) => sum + result.kills, 0);
      expect(kills).toBeGreaterThanOrEqual(SCENARIOS * ROUNDS_EACH * 0.9);

      for (const [index, result] of results.entries()) {
        const sandbox = sandboxes[index] as (typeof sandboxes)[number];
        expect(result.integrity).toBe('ok');
        // Every event was recorded (a new ad and a price change per watch per round) and delivered, the price
        // change that every watch saw in one merged message per run.
        expect(result.recordedKeys).toHaveLength(ROUNDS_EACH * WATCHES * 2);
        expect(result.undelivered).toEqual([]);
        // The receiver saw no key the database does not know: a repeat always carries the original key.
        const recorded = new Set(result.recordedKeys);
        expect([...result.accepted.keys()].filter((key) => !recorded.has(key))).toEqual([]);
        // Repeats come only from kills, at most one each: the one message in flight when the process died.
        const repeats = [...result.accepted.values()].reduce((sum, times) => sum + (times - 1), 0);
        expect(repeats).toBeLessThanOrEqual(result.kills);

        // Nothing stuck: every watch checked and healthy, no lock left, nothing pending or given up.
        expect(result).toMatchObject({ watchesNeverChecked: 0, lockRows: 0, pendingOutbox: 0, deadOutbox: 0 });
        expect(sandbox.query("SELECT id FROM watches WHERE last_status IS NULL OR last_status = 'error'")).toEqual([]);
        // Only killed runs are left unfinished; every clean run recorded its end.
        const [unfinished] = sandbox.query<{ n: number }>(
          'SELECT COUNT(*) AS n FROM check_runs WHERE finished_at IS NULL',
        );
        expect(unfinished?.n).toBeLessThanOrEqual(result.kills);
      }
    } finally {
      for (const sandbox of sandboxes) sandbox[Symbol.dispose]();
    }
  });

  it('loses and doubles no held notification, whether the kill lands while it waits or while its digest is sent', async () => {
    const scenarios = 2;
    const rounds = 5;
    const watches = 8;
    const sandboxes = Array.from({ length: scenarios }, () => createCliSandbox());
    try {
      const results = await Promise.all(
        sandboxes.map((sandbox, index) =>
          runCrashScenario(sandbox, {
            watchCount: watches,
            rounds,
            seed: 20261201 + index,
            failEvery: 5,
            // A check that only holds its news (no slow receiver) ends within half a second on a quiet machine:
            // kills must fall inside that to count.
            maxKillDelayMs: 400,
            quietHours: true,
          }),
        ),
      );
      // Two kills a round: one while notifications are created held, one after their release.
      const kills = results.reduce((sum, result) => sum + result.kills, 0);
      expect(kills).toBeGreaterThanOrEqual(scenarios * rounds * 2 * 0.8);
      for (const result of results) {
        expect(result.integrity).toBe('ok');
        expect(result.heldSeen).toBeGreaterThan(0);
        expect(result.recordedKeys).toHaveLength(rounds * watches * 2);
        expect(result.undelivered).toEqual([]);
        const recorded = new Set(result.recordedKeys);
        expect([...result.accepted.keys()].filter((key) => !recorded.has(key))).toEqual([]);
        const repeats = [...result.accepted.values()].reduce((sum, times) => sum + (times - 1), 0);
        expect(repeats).toBeLessThanOrEqual(result.kills);
        expect(result).toMatchObject({ watchesNeverChecked: 0, lockRows: 0, pendingOutbox: 0, deadOutbox: 0 });
      }
    } finally {
      for (const sandbox of sandboxes) sandbox[Symbol.dispose]();
    }
  });
});
