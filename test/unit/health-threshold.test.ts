import { describe, expect, it } from 'vitest';
import { assessHealth } from '../../src/app/health.js';
import type { Watch } from '../../src/domain/watch.js';

const now = new Date('2026-11-30T12:00:00Z');

function watch(id: number, consecutiveFailures: number): Watch {
  return {
    id,
    name: `w${id}`,
    url: `https://hardverapro.hu/aprok/${id}/index.html`,
    enabled: true,
    notify: [],
    notifyExisting: false,
    maxPages: null,
    seenUpToId: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    lastCheck: {
      baselineDone: true,
      checkedAt: now.toISOString(),
      status: consecutiveFailures > 0 ? 'error' : 'ok',
      adsSeen: 3,
      events: 0,
      errorKind: consecutiveFailures > 0 ? 'network' : null,
      errorMessage: null,
      consecutiveFailures,
      lastSuccessAt: now.toISOString(),
    },
  };
}

function healthWith(threshold: number) {
  return assessHealth({
    now,
    watches: [watch(1, 0), watch(2, 4)],
    maxAgeMs: null,
    failureThreshold: threshold,
    deadRecently: 0,
    lastRun: null,
    checkRunning: false,
  });
}

describe('failureThreshold in the health verdict', () => {
  it('calls a watch past the threshold failing', () => {
    expect(healthWith(3).failingWatches.map((w) => w.id)).toEqual([2]);
  });

  it('turns the verdict off at 0 instead of calling every watch failing', () => {
    const health = healthWith(0);
    expect(health.failingWatches).toEqual([]);
    expect(health.healthy).toBe(true);
  });
});
