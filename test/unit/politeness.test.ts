import { describe, expect, it } from 'vitest';
import { createPolitenessGate, spacingForHost, waitBeforeStartMs } from '../../src/scrape/politeness.js';

/** A clock that only moves when the gate sleeps, recording each start. */
function fakeTime() {
  let nowMs = 10_000;
  const sleeps: number[] = [];
  return {
    now: () => nowMs,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      nowMs += ms;
    },
    advance(ms: number) {
      nowMs += ms;
    },
    sleeps,
  };
}

const at = (host: string): URL => new URL(`https://${host}/aprok/mobil/index.html`);

describe('spacingForHost', () => {
  it.each([
    ['hardverapro.hu', 0, 1025],
    ['hardverapro.hu', 500, 1025],
    ['hardverapro.hu', 3000, 3000],
    ['www.hardverapro.hu', 0, 1025],
    ['mirror.example', 0, 0],
    ['127.0.0.1', 200, 200],
    ['127.0.0.1', -5, 0],
  ])('%s configured %i → %i', (host, configured, expected) => {
    expect(spacingForHost(host, configured)).toBe(expected);
  });

  it('takes injected floors instead of the built-in ones', () => {
    expect(spacingForHost('hardverapro.hu', 0, {})).toBe(0);
    expect(spacingForHost('127.0.0.1', 0, { '127.0.0.1': 250 })).toBe(250);
  });
});

describe('waitBeforeStartMs', () => {
  it.each([
    ['first request', { lastStartMs: undefined, notBeforeMs: Number.NEGATIVE_INFINITY }, 1000, 5000, 0],
    ['right after a start', { lastStartMs: 5000, notBeforeMs: Number.NEGATIVE_INFINITY }, 1000, 5000, 1000],
    ['part of the spacing passed', { lastStartMs: 5000, notBeforeMs: Number.NEGATIVE_INFINITY }, 1000, 5300, 700],
    ['spacing already passed', { lastStartMs: 5000, notBeforeMs: Number.NEGATIVE_INFINITY }, 1000, 7000, 0],
    ['hold-off longer than spacing', { lastStartMs: 5000, notBeforeMs: 9000 }, 1000, 5500, 3500],
    ['hold-off shorter than spacing is not added', { lastStartMs: 5000, notBeforeMs: 5200 }, 1000, 5100, 900],
  ])('%s', (_name, timing, spacing, now, expected) => {
    expect(waitBeforeStartMs(timing, spacing, now)).toBe(expected);
  });
});

describe('createPolitenessGate', () => {
  it('spaces the starts of requests to the same host', async () => {
    const time = fakeTime();
    const gate = createPolitenessGate({ requestDelayMs: 300, now: time.now, sleep: time.sleep });
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) await gate.schedule(at('mirror.example'), async () => starts.push(time.now()));
    expect(starts).toEqual([10_000, 10_300, 10_600]);
  });

  it('paces further requests inside one turn (redirect hops, retries) like separate ones', async () => {
    const time = fakeTime();
    const gate = createPolitenessGate({ requestDelayMs: 300, now: time.now, sleep: time.sleep });
    const url = at('mirror.example');
    const starts: number[] = [];
    await gate.schedule(url, async () => {
      starts.push(time.now());
      await gate.pace(url);
      starts.push(time.now());
      gate.holdOff(url, 1000);
      await gate.pace(url);
      starts.push(time.now());
    });
    await gate.schedule(url, async () => starts.push(time.now()));
    expect(starts).toEqual([10_000, 10_300, 11_300, 11_600]);
  });

  it('counts time spent in the request towards the spacing', async () => {
    const time = fakeTime();
    const gate = createPolitenessGate({ requestDelayMs: 300, now: time.now, sleep: time.sleep });
    await gate.schedule(at('mirror.example'), async () => time.advance(200));
    await gate.schedule(at('mirror.example'), async () => {});
    expect(time.sleeps).toEqual([100]);
  });

  it('does not hold back a request to another host', async () => {
    const time = fakeTime();
    const gate = createPolitenessGate({ requestDelayMs: 300, now: time.now, sleep: time.sleep });
    await gate.schedule(at('mirror.example'), async () => {});
    await gate.schedule(at('other.example'), async () => {});
    expect(time.sleeps).toEqual([]);
  });

  it('keeps HardverApró at its crawl delay (1 s plus a margin) even when configured 0', async () => {
    const time = fakeTime();
    const gate = createPolitenessGate({ requestDelayMs: 0, now: time.now, sleep: time.sleep });
    await gate.schedule(at('hardverapro.hu'), async () => {});
    await gate.schedule(at('hardverapro.hu'), async () => {});
    await gate.schedule(at('www.hardverapro.hu'), async () => {});
    await gate.schedule(at('www.hardverapro.hu'), async () => {});
    expect(time.sleeps).toEqual([1025, 1025]);
  });

  it('allows 0 for other hosts', async () => {
    const time = fakeTime();
    const gate = createPolitenessGate({ requestDelayMs: 0, now: time.now, sleep: time.sleep });
    await gate.schedule(at('127.0.0.1'), async () => {});
    await gate.schedule(at('127.0.0.1'), async () => {});
    expect(time.sleeps).toEqual([]);
  });

  it('treats a hold-off as spacing rather than adding the two', async () => {
    const time = fakeTime();
    const gate = createPolitenessGate({ requestDelayMs: 1000, now: time.now, sleep: time.sleep });
    await gate.schedule(at('hardverapro.hu'), async () => {
      time.advance(100);
      gate.holdOff(at('hardverapro.hu'), 2000);
    });
    const started = await gate.schedule(at('hardverapro.hu'), async () => time.now());
    expect(started).toBe(10_000 + 100 + 2000);
  });

  it('keeps the spacing after a hold-off shorter than it', async () => {
    const time = fakeTime();
    const gate = createPolitenessGate({ requestDelayMs: 1000, now: time.now, sleep: time.sleep });
    await gate.schedule(at('hardverapro.hu'), async () => gate.holdOff(at('hardverapro.hu'), 0));
    const started = await gate.schedule(at('hardverapro.hu'), async () => time.now());
    expect(started).toBe(11_025);
  });

  it('runs one request at a time per host, and hosts side by side', async () => {
    const gate = createPolitenessGate({ requestDelayMs: 0 });
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const request = (host: string) =>
      gate.schedule(at(host), async () => {
        running.set(host, (running.get(host) ?? 0) + 1);
        peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host) ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 5));
        running.set(host, (running.get(host) ?? 0) - 1);
      });
    await Promise.all([request('a.example'), request('a.example'), request('a.example'), request('b.example')]);
    expect(peak.get('a.example')).toBe(1);
    expect(peak.get('b.example')).toBe(1);
  });

  it('lets a queued request leave when its signal aborts, without blocking the queue', async () => {
    const gate = createPolitenessGate({ requestDelayMs: 0 });
    let finishFirst: () => void = () => {};
    const first = gate.schedule(
      at('a.example'),
      () =>
        new Promise<string>((resolve) => {
          finishFirst = () => resolve('first');
        }),
    );
    const controller = new AbortController();
    const second = gate.schedule(at('a.example'), async () => 'second', controller.signal);
    const third = gate.schedule(at('a.example'), async () => 'third');
    controller.abort(new Error('stopped'));
    await expect(second).rejects.toThrow('stopped');
    finishFirst();
    await expect(first).resolves.toBe('first');
    await expect(third).resolves.toBe('third');
  });

  it('releases the host when a request fails', async () => {
    const gate = createPolitenessGate({ requestDelayMs: 0 });
    await expect(gate.schedule(at('a.example'), async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.schedule(at('a.example'), async () => 'next')).resolves.toBe('next');
  });
});
