import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { runCrashScenario } from '../helpers/crash-scenario.js';

describe('crash safety', () => {
  it('delivers every event after kill -9 at random points and a receiver failing one request in five, repeating at most one per kill with the same key', async () => {
    using sandbox = createCliSandbox();
    const result = await runCrashScenario(sandbox, {
      watchCount: 20,
      rounds: 8,
      seed: 20251219,
      failEvery: 5,
      maxKillDelayMs: 900,
    });
    expect(result.integrity).toBe('ok');
    expect(result.kills).toBeGreaterThan(0);
    // Two events per watch per round: a new ad and a price change (every watch's the same, sent merged).
    expect(result.recordedKeys).toHaveLength(20 * 8 * 2);
    expect(result.undelivered).toEqual([]);
    const repeats = [...result.accepted.values()].reduce((sum, times) => sum + (times - 1), 0);
    expect(repeats).toBeLessThanOrEqual(result.kills);
    expect([...result.accepted.keys()].every((key) => result.recordedKeys.includes(key))).toBe(true);
    expect(result).toMatchObject({ pendingOutbox: 0, deadOutbox: 0, watchesNeverChecked: 0, lockRows: 0 });
  }, 120_000);
});
