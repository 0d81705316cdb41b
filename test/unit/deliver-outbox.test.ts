import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../src/app/check-report.js';
import { createOutboxDelivery, type SendBatch } from '../../src/app/deliver-outbox.js';
import type { DeliveryResult } from '../../src/domain/delivery.js';
import type { AdEvent, NotificationItem } from '../../src/domain/events.js';
import { buildSampleItems } from '../../src/notify/sample-items.js';
import { type Db, openDb } from '../../src/store/open-db.js';
import { recordEvent } from '../../src/store/outbox-repo.js';
import { insertWatch } from '../../src/store/watches-repo.js';

const HOUR = 3_600_000;

describe('createOutboxDelivery', () => {
  const start = new Date('2026-11-30T12:00:00Z');
  const DOWN = 'https://down.example/hook';
  const UP = 'https://up.example/hook';
  let db: Db;
  let watchIds: number[];

  beforeEach(() => {
    db = openDb(':memory:');
    watchIds = [
      insertWatch(db, { name: 'phones', url: 'https://hardverapro.hu/aprok/mobil/index.html' }, start).id,
      insertWatch(db, { name: 'laptops', url: 'https://hardverapro.hu/aprok/notebook/index.html' }, start).id,
    ];
  });
  afterEach(() => db.close());

  /** Queue `count` new-ad events, each about its own ad unless `adId` names one ad for all of them. */
  function queue(count: number, targets: string[], watchId = watchIds[0] as number, at = start, adId?: number): void {
    const [sample] = buildSampleItems(start);
    for (let i = 0; i < count; i += 1) {
      const base = sample?.event as AdEvent;
      const ad = { ...base.ad, id: adId ?? watchId * 100_000 + i + at.getTime() / 1000 };
      const event = { ...base, ad, watch: { id: watchId, name: watchId === watchIds[0] ? 'w' : 'w2', url: 'u' } };
      recordEvent(db, {
        watchId,
        runId: null,
        event,
        idempotencyKey: `k-${watchId}-${i}-${at.getTime()}`,
        targets,
        now: at,
      });
    }
  }

  /** A sender that answers each message (one item per message) with what `answer` says for its target. */
  function fakeSender(answer: (target: string) => DeliveryResult): { send: SendBatch; sent: Map<string, number> } {
    const sent = new Map<string, number>();
    const send: SendBatch = async (target, items, onOutcome, signal) => {
      for (const item of items) {
        if (signal.aborted) return;
        sent.set(target, (sent.get(target) ?? 0) + 1);
        onOutcome({ itemIds: [item.id], result: answer(target) });
      }
    };
    return { send, sent };
  }

  function delivery(send: SendBatch, records: CheckRecord[], now = () => start) {
    return createOutboxDelivery({
      db,
      now,
      send,
      settings: { deliveryMaxAttempts: 5, deliveryBackoffMs: 60_000 },
      signal: new AbortController().signal,
      mask: (target) => target.replace(/hook$/, '****'),
      report: (record) => records.push(record),
    });
  }

  function outboxOf(target: string): Array<{ attempts: number; next: string; status: string }> {
    return db
      .prepare('SELECT attempts, next_attempt_at AS next, status FROM outbox WHERE target = ? ORDER BY id')
      .all(target) as Array<{ attempts: number; next: string; status: string }>;
  }

  it('sends one message to a failing target, then holds the rest until its next attempt', async () => {
    queue(100, [DOWN, UP]);
    const { send, sent } = fakeSender((target) =>
      target === DOWN ? { status: 'retry', error: 'HTTP 500 (3 attempts)' } : { status: 'delivered' },
    );
    const records: CheckRecord[] = [];
    const run = delivery(send, records);
    await run.deliverDue();
    expect(sent.get(DOWN)).toBe(1);
    expect(sent.get(UP)).toBe(100);
    const rows = outboxOf(DOWN);
    const retryAt = new Date(start.getTime() + 60_000).toISOString();
    expect(rows[0]).toEqual({ attempts: 1, next: retryAt, status: 'pending' });
    expect(rows.slice(1).every((row) => row.attempts === 0 && row.next === retryAt && row.status === 'pending')).toBe(
      true,
    );
    expect(run.finish()).toEqual({ delivered: 100, retries: 100, dead: 0 });
    expect(records).toEqual([
      {
        type: 'delivery_failed',
        target: 'https://down.example/****',
        watch: { id: watchIds[0], name: 'w', url: 'u' },
        notifications: 100,
        dead: false,
        attempts: 1,
        error: 'HTTP 500 (3 attempts)',
        nextAttemptAt: retryAt,
      },
    ]);
  });

  it('stops at the first failing batch of a target, leaving the batches of its other watches untried', async () => {
    queue(2, [DOWN], watchIds[0]);
    queue(2, [DOWN], watchIds[1]);
    const { send, sent } = fakeSender(() => ({ status: 'retry', error: 'timeout' }));
    const run = delivery(send, []);
    await run.deliverDue();
    expect(sent.get(DOWN)).toBe(1);
    expect(outboxOf(DOWN).map((row) => row.attempts)).toEqual([1, 0, 0, 0]);
  });

  it('sends nothing more to a held target in the same run, not even notifications queued since', async () => {
    queue(3, [DOWN]);
    const { send, sent } = fakeSender(() => ({ status: 'retry', error: 'HTTP 502' }));
    const records: CheckRecord[] = [];
    const run = delivery(send, records);
    await run.deliverDue();
    queue(2, [DOWN], watchIds[1]);
    await run.deliverDue();
    expect(sent.get(DOWN)).toBe(1);
    const retryAt = new Date(start.getTime() + 60_000).toISOString();
    expect(outboxOf(DOWN).map((row) => row.next)).toEqual(Array(5).fill(retryAt));
    expect(run.finish().retries).toBe(5);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ notifications: 5, nextAttemptAt: retryAt });
  });

  it('holds a target for as long as it asked when that is longer than the backoff', async () => {
    queue(2, [DOWN]);
    const { send } = fakeSender(() => ({ status: 'retry', error: 'HTTP 429', retryAfterMs: 2 * HOUR }));
    const run = delivery(send, []);
    await run.deliverDue();
    const later = new Date(start.getTime() + 2 * HOUR).toISOString();
    expect(outboxOf(DOWN).map((row) => row.next)).toEqual([later, later]);
  });

  it('keeps sending after a message the target refused, and reports the refusals in one line', async () => {
    queue(3, [DOWN]);
    const { send, sent } = fakeSender(() => ({ status: 'dead', error: 'HTTP 400: bad embed' }));
    const records: CheckRecord[] = [];
    const run = delivery(send, records);
    await run.deliverDue();
    expect(sent.get(DOWN)).toBe(3);
    expect(run.finish()).toEqual({ delivered: 0, retries: 0, dead: 3 });
    expect(records).toEqual([
      expect.objectContaining({ dead: true, notifications: 3, error: 'HTTP 400: bad embed', nextAttemptAt: null }),
    ]);
  });

  it('counts a sender that throws as a failed attempt for the messages it did not report', async () => {
    queue(2, [DOWN]);
    const send: SendBatch = async (_target, items, onOutcome) => {
      onOutcome({ itemIds: [items[0]?.id as number], result: { status: 'delivered' } });
      throw new Error('renderer bug');
    };
    const run = delivery(send, []);
    await run.deliverDue();
    expect(outboxOf(DOWN).map((row) => [row.status, row.attempts])).toEqual([
      ['delivered', 1],
      ['pending', 1],
    ]);
    expect(run.finish()).toEqual({ delivered: 1, retries: 1, dead: 0 });
  });

  it('leaves rows that are not due yet alone, and reports nothing when every target worked', async () => {
    queue(1, [UP]);
    queue(1, [UP], watchIds[0], new Date(start.getTime() + HOUR));
    db.prepare('UPDATE outbox SET next_attempt_at = ? WHERE id = 2').run(
      new Date(start.getTime() + HOUR).toISOString(),
    );
    const { send, sent } = fakeSender(() => ({ status: 'delivered' }));
    const records: CheckRecord[] = [];
    const run = delivery(send, records);
    await run.deliverDue();
    expect(sent.get(UP)).toBe(1);
    expect(run.finish()).toEqual({ delivered: 1, retries: 0, dead: 0 });
    expect(records).toEqual([]);
  });
  describe('the same ad found by several watches', () => {
    /** A sender that records every item it was given and answers each with `answer`. */
    function recordingSender(answer: () => DeliveryResult): { send: SendBatch; items: NotificationItem[] } {
      const items: NotificationItem[] = [];
      const send: SendBatch = async (_target, batch, onOutcome) => {
        for (const item of batch) {
          items.push(item as NotificationItem);
          onOutcome({ itemIds: [item.id], result: answer() });
        }
      };
      return { send, items };
    }

    it('goes to a shared target once, naming both watches, and marks both rows delivered', async () => {
      queue(1, [UP], watchIds[0], start, 42);
      queue(1, [UP], watchIds[1], start, 42);
      const { send, items } = recordingSender(() => ({ status: 'delivered' }));
      const run = delivery(send, []);
      await run.deliverDue();
      expect(items).toHaveLength(1);
      expect(items[0]?.watches?.map((watch) => watch.name)).toEqual(['w', 'w2']);
      expect(items[0]?.idempotencyKey).toBe(`k-${watchIds[0]}-0-${start.getTime()}`);
      expect(outboxOf(UP).map((row) => [row.status, row.attempts])).toEqual([
        ['delivered', 1],
        ['delivered', 1],
      ]);
      expect(run.finish()).toEqual({ delivered: 2, retries: 0, dead: 0 });
    });

    it('sends the merged message with the same key again after a failure, and counts the attempt on both rows', async () => {
      queue(1, [DOWN], watchIds[1], start, 42);
      queue(1, [DOWN], watchIds[0], start, 42);
      const failing = recordingSender(() => ({ status: 'retry', error: 'HTTP 503' }));
      await delivery(failing.send, []).deliverDue();
      expect(outboxOf(DOWN).map((row) => [row.status, row.attempts])).toEqual([
        ['pending', 1],
        ['pending', 1],
      ]);
      const later = () => new Date(start.getTime() + HOUR);
      const working = recordingSender(() => ({ status: 'delivered' }));
      await delivery(working.send, [], later).deliverDue();
      expect(working.items.map((item) => item.idempotencyKey)).toEqual(
        failing.items.map((item) => item.idempotencyKey),
      );
      // The oldest row's key, whichever watch it came from.
      expect(working.items[0]?.idempotencyKey).toBe(`k-${watchIds[1]}-0-${start.getTime()}`);
      expect(outboxOf(DOWN).map((row) => row.status)).toEqual(['delivered', 'delivered']);
    });

    it('sends a target that only one of the watches notifies the plain message', async () => {
      queue(1, [UP], watchIds[0], start, 42);
      queue(1, [DOWN], watchIds[1], start, 42);
      const { send, items } = recordingSender(() => ({ status: 'delivered' }));
      await delivery(send, []).deliverDue();
      expect(items).toHaveLength(2);
      expect(items.every((item) => item.watches === undefined)).toBe(true);
    });
  });
  describe('held notifications', () => {
    function queueHeld(count: number, target: string, until: Date): void {
      const [sample] = buildSampleItems(start);
      for (let i = 0; i < count; i += 1) {
        const base = sample?.event as AdEvent;
        recordEvent(db, {
          watchId: watchIds[0] as number,
          runId: null,
          event: { ...base, ad: { ...base.ad, id: 7_000 + i } },
          idempotencyKey: `held-${i}`,
          targets: [target],
          now: start,
          holdUntil: () => until,
        });
      }
    }

    it('sends nothing before their release, reports them, and leaves them out of a failing target count', async () => {
      queueHeld(2, DOWN, new Date(start.getTime() + HOUR));
      queue(1, [DOWN]);
      const { send, sent } = fakeSender(() => ({ status: 'retry', error: 'HTTP 503' }));
      const records: CheckRecord[] = [];
      const run = delivery(send, records);
      await run.deliverDue();
      expect(sent.get(DOWN)).toBe(1);
      expect(run.finish()).toEqual({ delivered: 0, retries: 1, dead: 0 });
      expect(records.map((record) => record.type)).toEqual(['delivery_failed', 'held']);
      expect(records[0]).toMatchObject({ notifications: 1 });
      expect(records[1]).toEqual({
        type: 'held',
        target: 'https://down.example/****',
        notifications: 2,
        releasedAt: new Date(start.getTime() + HOUR).toISOString(),
      });
    });

    it('sends them as one digest once released, and reports nothing held any more', async () => {
      queueHeld(3, UP, new Date(start.getTime() + HOUR));
      const batches: NotificationItem[][] = [];
      const send: SendBatch = async (_target, items, onOutcome) => {
        batches.push(items as NotificationItem[]);
        onOutcome({ itemIds: items.map((item) => item.id), result: { status: 'delivered' } });
      };
      const records: CheckRecord[] = [];
      const run = delivery(send, records, () => new Date(start.getTime() + HOUR));
      await run.deliverDue();
      expect(batches).toHaveLength(1);
      expect(batches[0]?.map((item) => item.digest)).toEqual([true, true, true]);
      expect(run.finish()).toEqual({ delivered: 3, retries: 0, dead: 0 });
      expect(records).toEqual([]);
    });
  });
});
