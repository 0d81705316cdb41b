import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import { DEFAULT_RULES } from '../../src/domain/effective-rules.js';
import type { LifecycleEvent, WatchRef } from '../../src/domain/events.js';
import { pickLifecycleEvents } from '../../src/domain/lifecycle-rules.js';
import { watchFilters } from '../../src/domain/screen-changes.js';
import { testAd } from '../helpers/test-ad.js';

const watch: WatchRef = { id: 1, name: 'w', url: 'https://hardverapro.hu/aprok/mobil/index.html' };

function ad(id: number, title = `Ad ${id}`): Ad {
  const seller = { name: 's', url: null, rating: 1, business: false };
  return testAd(id, { title, priceText: '1 000 Ft', cities: [], timeText: '', seller });
}

const events: LifecycleEvent[] = [
  { type: 'reactivated', watch, ad: ad(1) },
  { type: 'reappeared', watch, ad: ad(2), goneAt: '2026-11-01T10:00:00.000Z' },
  {
    type: 'gone',
    watch,
    ad: ad(3),
    firstSeenAt: '2026-11-01T10:00:00.000Z',
    lastSeenAt: '2026-11-04T10:00:00.000Z',
  },
];
const noFilter = watchFilters(null, { own: {}, useGlobal: true });
const types = (picked: LifecycleEvent[]) => picked.map((event) => event.type);

describe('pickLifecycleEvents', () => {
  it.each([
    ['the defaults: reactivated only', DEFAULT_RULES.lifecycle, ['reactivated']],
    ['everything on', { reactivated: true, reappeared: true, gone: true }, ['reactivated', 'reappeared', 'gone']],
    ['everything off', { reactivated: false, reappeared: false, gone: false }, []],
    ['gone only', { reactivated: false, reappeared: false, gone: true }, ['gone']],
    ['reappeared only', { reactivated: false, reappeared: true, gone: false }, ['reappeared']],
  ] as const)('notifies by the switches: %s', (_name, switches, expected) => {
    expect(types(pickLifecycleEvents(events, switches, noFilter))).toEqual(expected);
  });

  it("leaves out ads the watch's filters drop", () => {
    const filters = watchFilters({ exclude: ['hibás'] }, { own: {}, useGlobal: true });
    const broken: LifecycleEvent = { type: 'reactivated', watch, ad: ad(9, 'iPhone HIBÁS') };
    const all = { reactivated: true, reappeared: true, gone: true };
    expect(pickLifecycleEvents([broken, ...events], all, filters).map((event) => event.ad.id)).toEqual([1, 2, 3]);
  });
});
