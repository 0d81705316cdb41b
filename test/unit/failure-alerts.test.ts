import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../src/app/check-report.js';
import { createOutboxDelivery, type SendBatch } from '../../src/app/deliver-outbox.js';
import { type CheckSettings, runCheck, type ScrapeSearch } from '../../src/app/run-check.js';
import { createWatchAlerts } from '../../src/app/watch-alerts.js';
import type { AlertEvent } from '../../src/domain/alert-events.js';
import type { DeliveryResult } from '../../src/domain/delivery.js';
import { ScrapeError } from '../../src/domain/errors.js';
import type { AdEvent } from '../../src/domain/events.js';
import { buildSampleItems } from '../../src/notify/sample-items.js';
import { type Db, openDb } from '../../src/store/open-db.js';
import { recordEvent } from '../../src/store/outbox-repo.js';
import { getWatch, insertWatch } from '../../src/store/watches-repo.js';

const start = new Date('2026-11-30T12:00:00Z');
const HOUR = 3_600_000;
const WATCH_TARGET = 'https://watch.example/hook';
const ALERT_TARGET = 'https://ops.example/hook';

interface Sent {
  target: string;
  type: string;
}

describe('watch failure alerts in a check run', () => {
  let db: Db;
  let clock: Date;
  let sent: Sent[];
  let records: CheckRecord[];

  beforeEach(() => {
    db = openDb(':memory:');
    clock = start;
    sent = [];
    records = [];
    insertWatch(
      db,
      { name: 'gpu', url: 'https://hardverapro.hu/aprok/hardver/index.html', notify: [WATCH_TARGET] },
      start,
    );
  });
  afterEach(() => db.close());

  const send: SendBatch = async (target, items, onOutcome) => {
    for (const item of items) {
      sent.push({ target, type: item.event.type });
      onOutcome({ itemIds: [item.id], result: { status: 'delivered' } });
    }
  };
  const down: ScrapeSearch = async (url) => {
    throw new ScrapeError('http_status', 'HTTP 403 Forbidden', { url, status: 403 });
  };
  const up: ScrapeSearch = async () => ({ ads: [], complete: true });

  async function check(scrape: ScrapeSearch, settings: Partial<CheckSettings> = {}, dryRun = false): Promise<void> {
    await runCheck(
      {
        db,
        settings: {
          maxPages: 1,
          goneAfterMisses: 3,
          notify: [],
          deliveryMaxAttempts: 3,
          deliveryBackoffMs: 0,
          failureThreshold: 3,
          ...settings,
        },
        scrape,
        send,
        mask: (target) => target.replace('/hook', '/****'),
        now: () => clock,
        signal: new AbortController().signal,
        report: (record) => records.push(record),
        progress: () => {},
        pid: 1,
      },
      { watchIds: [], dryRun },
    );
    clock = new Date(clock.getTime() + HOUR);
  }

  const alertTypes = (): string[] => sent.map((message) => message.type).filter((type) => type.startsWith('watch_'));

  it('sends one alert on the third failed check, none on the fourth, and one recovery', async () => {
    for (let run = 0; run < 4; run += 1) await check(down);
    expect(sent).toEqual([{ target: WATCH_TARGET, type: 'watch_failing' }]);
    await check(up);
    await check(up);
    expect(alertTypes()).toEqual(['watch_failing', 'watch_recovered']);

    const events = db.prepare('SELECT type, ad_id, payload FROM events ORDER BY id').all() as Array<{
      type: string;
      ad_id: number | null;
      payload: string;
    }>;
    expect(events.map((event) => [event.type, event.ad_id])).toEqual([
      ['watch_failing', null],
      ['watch_recovered', null],
    ]);
    const [failing, recovered] = events.map((event) => JSON.parse(event.payload) as AlertEvent);
    expect(failing).toMatchObject({
      type: 'watch_failing',
      failures: 3,
      failingSince: start.toISOString(),
      error: { kind: 'http_status', message: 'HTTP 403 Forbidden', hint: expect.stringMatching(/blocked/) },
    });
    expect(recovered).toMatchObject({
      type: 'watch_recovered',
      failures: 4,
      failingSince: start.toISOString(),
      recoveredAt: new Date(start.getTime() + 4 * HOUR).toISOString(),
    });
    const printed = records.filter((record) => record.type === 'alert');
    expect(printed).toEqual([
      { type: 'alert', event: failing, targets: ['https://watch.example/****'] },
      { type: 'alert', event: recovered, targets: ['https://watch.example/****'] },
    ]);
  });

  it('prints the alert right after the error line of the check that raised it', async () => {
    for (let run = 0; run < 3; run += 1) await check(down);
    const types = records.map((record) => record.type);
    expect(types).toEqual(['watch_error', 'watch_error', 'watch_error', 'alert']);
  });

  it('sends alerts to alertTargets instead of the watch targets when set', async () => {
    for (let run = 0; run < 3; run += 1) await check(down, { alertTargets: [ALERT_TARGET] });
    expect(sent).toEqual([{ target: ALERT_TARGET, type: 'watch_failing' }]);
  });

  it('alerts no one with failureThreshold 0', async () => {
    for (let run = 0; run < 5; run += 1) await check(down, { failureThreshold: 0 });
    await check(up, { failureThreshold: 0 });
    expect(sent).toEqual([]);
    expect(records.some((record) => record.type === 'alert')).toBe(false);
  });

  it('records no episode and alerts no one in a dry run', async () => {
    for (let run = 0; run < 4; run += 1) await check(down, { failureThreshold: 1 }, true);
    expect(sent).toEqual([]);
    expect(records.some((record) => record.type === 'alert')).toBe(false);
    const episodes = db.prepare('SELECT COUNT(*) AS n FROM watch_alert_episodes').get() as { n: number };
    expect(episodes.n).toBe(0);
  });

  it('reads the count inside its transaction: two runs holding the same stale watch alert once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyhabot-alerts-'));
    try {
      const path = join(dir, 'pyhabot.db');
      const first = openDb(path);
      const second = openDb(path);
      const watch = insertWatch(first, { name: 'gpu', url: 'https://hardverapro.hu/x', notify: [WATCH_TARGET] }, start);
      const alertsOf = (connection: Db) =>
        createWatchAlerts({
          db: connection,
          settings: { notify: [], failureThreshold: 2 },
          now: () => start,
          mask: (target) => target,
          report: () => {},
          runId: null,
          dryRun: false,
        });
      const failure = { kind: 'network', message: 'ECONNRESET', hint: undefined };
      alertsOf(first).watchFailed(watch, failure);
      // Both runs saw the watch with one failure before either wrote: only the first to reach two alerts.
      const outcomes = [alertsOf(first).watchFailed(watch, failure), alertsOf(second).watchFailed(watch, failure)];
      expect(outcomes.map((outcome) => [outcome.consecutiveFailures, outcome.alert?.type ?? null])).toEqual([
        [2, 'alert'],
        [3, null],
      ]);
      expect(getWatch(second, watch.id)?.lastCheck.consecutiveFailures).toBe(3);
      const alerts = second.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'watch_failing'").get() as {
        n: number;
      };
      expect(alerts.n).toBe(1);
      first.close();
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dead target alerts in delivery', () => {
  const DOWN = 'https://down.example/hook';
  const UP = 'https://up.example/hook';
  let db: Db;
  let watchId: number;

  beforeEach(() => {
    db = openDb(':memory:');
    watchId = insertWatch(
      db,
      { name: 'phones', url: 'https://hardverapro.hu/aprok/mobil/index.html', notify: [DOWN, UP] },
      start,
    ).id;
  });
  afterEach(() => db.close());

  function queueAd(key: string): void {
    const [sample] = buildSampleItems(start);
    const event = { ...(sample?.event as AdEvent), watch: { id: watchId, name: 'phones', url: 'u' } };
    recordEvent(db, { watchId, runId: null, event, idempotencyKey: key, targets: [DOWN, UP], now: start });
  }

  async function deliver(
    answerDown: DeliveryResult,
    failureThreshold = 3,
  ): Promise<{ sent: Sent[]; records: CheckRecord[] }> {
    const sent: Sent[] = [];
    const records: CheckRecord[] = [];
    const send: SendBatch = async (target, items, onOutcome) => {
      for (const item of items) {
        sent.push({ target, type: item.event.type });
        onOutcome({ itemIds: [item.id], result: target === DOWN ? answerDown : { status: 'delivered' } });
      }
    };
    const run = createOutboxDelivery({
      db,
      now: () => start,
      send,
      settings: { deliveryMaxAttempts: 1, deliveryBackoffMs: 0, notify: [], failureThreshold },
      signal: new AbortController().signal,
      mask: (target) => target.replace('/hook', '/****'),
      report: (record) => records.push(record),
    });
    await run.deliverDue();
    run.finish();
    return { sent, records };
  }

  it('tells the other target once, in the same run, never the dead one; then the all-clear', async () => {
    const gone: DeliveryResult = { status: 'dead', error: 'HTTP 404 Unknown Webhook' };
    queueAd('a');
    const first = await deliver(gone);
    expect(first.sent).toEqual([
      { target: DOWN, type: 'new_ad' },
      { target: UP, type: 'new_ad' },
      { target: UP, type: 'target_dead' },
    ]);
    expect(first.records.filter((record) => record.type === 'alert')).toEqual([
      {
        type: 'alert',
        event: {
          type: 'target_dead',
          watch: { id: watchId, name: 'phones', url: 'u' },
          target: 'https://down.example/****',
          error: 'HTTP 404 Unknown Webhook',
        },
        targets: ['https://up.example/****'],
      },
    ]);

    queueAd('b');
    const second = await deliver(gone);
    expect(second.sent.map((message) => message.type)).toEqual(['new_ad', 'new_ad']);

    queueAd('c');
    const third = await deliver({ status: 'delivered' });
    expect(third.sent).toEqual([
      { target: DOWN, type: 'new_ad' },
      { target: UP, type: 'new_ad' },
      { target: UP, type: 'target_recovered' },
    ]);
    queueAd('d');
    const fourth = await deliver({ status: 'delivered' });
    expect(fourth.sent.map((message) => message.type)).toEqual(['new_ad', 'new_ad']);
  });

  it('raises nothing when failure alerts are off', async () => {
    queueAd('a');
    const run = await deliver({ status: 'dead', error: 'gone' }, 0);
    expect(run.sent.map((message) => message.type)).toEqual(['new_ad', 'new_ad']);
    expect(run.records.some((record) => record.type === 'alert')).toBe(false);
  });
});
