import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdForWatch } from '../../src/app/hold-policy.js';
import { type Db, openDb } from '../../src/store/open-db.js';
import { setWatchDigest } from '../../src/store/rules-repo.js';
import { insertWatch } from '../../src/store/watches-repo.js';

const NTFY = 'ntfy://digest-topic';
const DISCORD = 'discord://1/abc';
// 12:20 in Budapest (winter, UTC+1): by day, no quiet hours.
const noon = new Date('2026-01-15T11:20:00Z');
const nextHour = new Date('2026-01-15T12:00:00Z');
const nextMorning = new Date('2026-01-16T07:00:00Z');

describe('holdForWatch', () => {
  let db: Db;
  let watchId: number;
  beforeEach(() => {
    db = openDb(':memory:');
    watchId = insertWatch(db, { name: 'gpu', url: 'https://hardverapro.hu/aprok/gpu/index.html' }, noon).id;
  });
  afterEach(() => db.close());

  it('holds nothing, and costs nothing, without quiet hours or digests', () => {
    expect(holdForWatch(db, {}, watchId, noon)).toBeUndefined();
  });

  it("holds only a digest target's notifications, until its next slot", () => {
    const hold = holdForWatch(db, { digests: { [NTFY]: 'hourly' } }, watchId, noon);
    expect(hold?.(NTFY)).toEqual(nextHour);
    expect(hold?.(DISCORD)).toBeNull();
  });

  it("lets the watch's own digest win over its target's, and `off` send at once", () => {
    setWatchDigest(db, watchId, 'daily');
    const daily = holdForWatch(db, { digests: { [NTFY]: 'hourly' } }, watchId, noon);
    expect([daily?.(NTFY), daily?.(DISCORD)]).toEqual([nextMorning, nextMorning]);
    setWatchDigest(db, watchId, 'off');
    const off = holdForWatch(db, { digests: { [NTFY]: 'hourly' } }, watchId, noon);
    expect(off?.(NTFY)).toBeNull();
  });

  it('reads quiet hours in the configured zone, Budapest by default', () => {
    const late = new Date('2026-01-15T22:30:00Z');
    expect(holdForWatch(db, { quietHours: '23:00-07:00' }, watchId, late)?.(DISCORD)).toEqual(
      new Date('2026-01-16T06:00:00Z'),
    );
    expect(holdForWatch(db, { quietHours: '23:00-07:00', timeZone: 'UTC' }, watchId, late)?.(DISCORD)).toBeNull();
  });
});
