import { describe, expect, it } from 'vitest';
import { sleep } from '../../src/domain/sleep.js';

describe('sleep', () => {
  it('resolves after the wait', async () => {
    await expect(sleep(5)).resolves.toBeUndefined();
  });

  it('rejects with the reason the signal aborted with, without waiting the rest', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stopped')), 5);
    const started = performance.now();
    await expect(sleep(60_000, controller.signal)).rejects.toThrow('stopped');
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('rejects at once when the signal has already aborted', async () => {
    await expect(sleep(60_000, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
