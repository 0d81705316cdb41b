import { describe, expect, it, vi } from 'vitest';
import { readAhead, type Settled } from '../../src/app/read-ahead.js';

/** A task the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('readAhead', () => {
  it('yields every outcome in order and starts the next task before handing over the previous outcome', async () => {
    const log: string[] = [];
    const start = async (item: string) => {
      log.push(`start ${item}`);
      await Promise.resolve();
      log.push(`end ${item}`);
      return item.toUpperCase();
    };
    const seen: Array<Settled<string>> = [];
    for await (const { item, outcome } of readAhead(['a', 'b', 'c'], start, () => true)) {
      log.push(`handle ${item}`);
      seen.push(outcome);
    }
    expect(seen).toEqual([
      { ok: true, value: 'A' },
      { ok: true, value: 'B' },
      { ok: true, value: 'C' },
    ]);
    expect(log).toEqual([
      'start a',
      'end a',
      'start b',
      'end b',
      'handle a',
      'start c',
      'end c',
      'handle b',
      'handle c',
    ]);
  });

  it('starts the next task when the running one asks, before it settles, and only once', async () => {
    const log: string[] = [];
    const start = async (item: string, _index: number, startNext: () => Promise<void>) => {
      log.push(`request ${item}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await startNext();
      await startNext();
      log.push(`parse ${item}`);
      return item;
    };
    const handled: string[] = [];
    for await (const { item } of readAhead(['a', 'b', 'c'], start, () => true)) handled.push(item);
    expect(handled).toEqual(['a', 'b', 'c']);
    expect(log.indexOf('request b')).toBeLessThan(log.indexOf('parse a'));
    expect(log.indexOf('request c')).toBeLessThan(log.indexOf('parse b'));
    expect(log.filter((entry) => entry.startsWith('request'))).toEqual(['request a', 'request b', 'request c']);
  });

  it('does not run ahead of a slow caller: at most the next task is started before an outcome is taken', async () => {
    let started = 0;
    let handed = 0;
    let mostAhead = 0;
    const start = async (item: number, _index: number, startNext: () => Promise<void>) => {
      started += 1;
      mostAhead = Math.max(mostAhead, started - handed);
      await startNext();
      return item;
    };
    for await (const _ of readAhead([1, 2, 3, 4, 5, 6], start, () => true)) {
      handed += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(started).toBe(6);
    expect(mostAhead).toBeLessThanOrEqual(2);
  });

  it('never runs two tasks at once', async () => {
    let running = 0;
    let most = 0;
    const start = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
    };
    let handled = 0;
    for await (const _ of readAhead([1, 2, 3, 4, 5], start, () => true)) handled += 1;
    expect(handled).toBe(5);
    expect(most).toBe(1);
  });

  it('hands over a failure as an outcome, even one that happened while nobody was waiting for it', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const failing = deferred<number>();
      const start = (item: number) => (item === 2 ? failing.promise : Promise.resolve(item));
      const outcomes: Array<Settled<number>> = [];
      for await (const { item, outcome } of readAhead([1, 2, 3], start, () => true)) {
        if (item === 1) {
          failing.reject(new Error('site down'));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        outcomes.push(outcome);
      }
      expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
      expect(outcomes[1]).toMatchObject({ ok: false, error: new Error('site down') });
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('starts nothing more once told to stop, and hands over what already ran', async () => {
    let stop = false;
    const started: number[] = [];
    const start = async (item: number) => {
      started.push(item);
      return item;
    };
    const handled: number[] = [];
    for await (const { item } of readAhead([1, 2, 3, 4], start, () => !stop)) {
      handled.push(item);
      if (item === 2) stop = true;
    }
    expect(started).toEqual([1, 2, 3]);
    // 3 was already started when 2 was handed over.
    expect(handled).toEqual([1, 2, 3]);
  });

  it('starts nothing for no items, or when told to stop from the outset', async () => {
    const start = vi.fn(async () => 1);
    for await (const _ of readAhead([], start, () => true)) throw new Error('nothing to yield');
    for await (const _ of readAhead([1, 2], start, () => false)) throw new Error('nothing to yield');
    expect(start).not.toHaveBeenCalled();
  });
});
