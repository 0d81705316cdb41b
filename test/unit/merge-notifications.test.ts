import { describe, expect, it } from 'vitest';
import type { NotificationItem, PriceChangedEvent, WatchRef } from '../../src/domain/events.js';
import { mergeNotifications, sameEventKey } from '../../src/domain/merge-notifications.js';
import { renderDiscord } from '../../src/notify/channels/discord/render.js';
import { renderJson } from '../../src/notify/channels/json/render.js';
import { renderNtfy } from '../../src/notify/channels/ntfy/render.js';
import { newAdItem, renderOptions, samples } from '../helpers/notification-items.js';

const gpu: WatchRef = { id: 1, name: 'gpu', url: 'https://hardverapro.hu/aprok/gpu/index.html' };
const budapest: WatchRef = { id: 2, name: 'gpu-budapest', url: 'https://hardverapro.hu/aprok/gpu-bp/index.html' };
const cheap: WatchRef = { id: 3, name: 'gpu-cheap', url: 'https://hardverapro.hu/aprok/gpu-cheap/index.html' };

/** Row `id`: a new ad `adId` found by `watch`. */
function found(id: number, adId: number, watch: WatchRef, price = 100_000): NotificationItem {
  const item = newAdItem(id, { id: adId, price, title: 'RTX 3080' });
  return { ...item, event: { ...item.event, watch } };
}

/** Row `id`: the sample price drop of ad 1 to `newPrice`, found by `watch`. */
function dropped(id: number, watch: WatchRef, newPrice: number, oldPrice = 180_000): NotificationItem {
  const event = samples.priceDrop.event as PriceChangedEvent;
  return { ...samples.priceDrop, id, idempotencyKey: `key-${id}`, event: { ...event, watch, newPrice, oldPrice } };
}

describe('mergeNotifications', () => {
  it.each([
    ['one row stays as it is', [found(1, 7, gpu)], [[1]]],
    ['the same new ad from two watches merges', [found(1, 7, gpu), found(2, 7, budapest)], [[1, 2]]],
    ['different ads never merge', [found(1, 7, gpu), found(2, 8, budapest)], [[1], [2]]],
    [
      'a new ad and a price change of the same ad stay apart',
      [found(1, 1, gpu), dropped(2, budapest, 170_000)],
      [[1], [2]],
    ],
    [
      'the same drop to the same price merges',
      [dropped(3, gpu, 170_000), dropped(5, budapest, 170_000, 175_000)],
      [[3, 5]],
    ],
    ['drops to different prices stay apart', [dropped(3, gpu, 170_000), dropped(5, budapest, 160_000)], [[3], [5]]],
    [
      'the same new ad at different prices stays apart',
      [found(1, 7, gpu, 100_000), found(2, 7, budapest, 90_000)],
      [[1], [2]],
    ],
    [
      'three watches merge in row order, whatever order they come in',
      [found(9, 7, cheap), found(4, 7, gpu), found(6, 7, budapest)],
      [[4, 6, 9]],
    ],
    [
      'groups keep the order of their oldest rows',
      [found(1, 7, gpu), found(2, 8, gpu), found(3, 8, budapest), found(4, 7, budapest)],
      [
        [1, 4],
        [2, 3],
      ],
    ],
  ])('%s', (_name, items, expected) => {
    expect(mergeNotifications(items).map((merged) => merged.rowIds)).toEqual(expected);
  });

  it("keeps the oldest row's id, key and event, and names every watch once", () => {
    const [merged] = mergeNotifications([found(6, 7, budapest), found(4, 7, gpu), found(8, 7, gpu)]);
    expect(merged?.item).toMatchObject({ id: 4, idempotencyKey: 'key-4', event: { watch: gpu } });
    expect((merged?.item as NotificationItem | undefined)?.watches).toEqual([gpu, budapest]);
  });

  it('names no extra watches when one watch queued the same event twice', () => {
    const [merged] = mergeNotifications([dropped(3, gpu, 170_000), dropped(5, gpu, 170_000)]);
    expect(merged?.rowIds).toEqual([3, 5]);
    expect((merged?.item as NotificationItem | undefined)?.watches).toBeUndefined();
  });

  it("names a watch renamed between its rows by its oldest row's name, as a retry would", () => {
    const renamed: WatchRef = { ...gpu, name: 'gpu-renamed' };
    const [merged] = mergeNotifications([found(1, 7, gpu), found(2, 7, budapest), found(3, 7, renamed)]);
    expect((merged?.item as NotificationItem | undefined)?.watches).toEqual([gpu, budapest]);
  });

  it('marks the merged item a digest when any of its rows waited', () => {
    const [merged] = mergeNotifications([found(1, 7, gpu), { ...found(2, 7, budapest), digest: true }]);
    expect((merged?.item as NotificationItem | undefined)?.digest).toBe(true);
  });

  it('builds the same item and key from the same rows every time, so a retry sends the same message', () => {
    const rows = [found(5, 7, budapest), found(2, 7, gpu)];
    expect(mergeNotifications(rows)).toEqual(mergeNotifications([...rows].reverse()));
  });

  it('tells events apart by kind, ad and new price only', () => {
    expect(sameEventKey(found(1, 7, gpu).event)).toBe(sameEventKey(found(2, 7, budapest).event));
    expect(sameEventKey(dropped(1, gpu, 170_000, 180_000).event)).toBe(
      sameEventKey(dropped(2, cheap, 170_000, 200_000).event),
    );
  });
});

describe('a merged message', () => {
  const [merged] = mergeNotifications([found(1, 7, gpu), found(2, 7, budapest)]);
  const item = merged?.item as NotificationItem;

  it('names both watches on Discord, in the headline and under the ad', () => {
    const [message] = renderDiscord([item], renderOptions);
    expect(message?.body.content).toBe('1 new ad for gpu, gpu-budapest');
    expect(message?.body.embeds[0]?.footer?.text).toBe('gpu, gpu-budapest');
    expect(message?.itemIds).toEqual([1]);
    expect(message?.headers?.['Idempotency-Key']).toBe('key-1');
  });

  it('names both watches on ntfy', () => {
    const [message] = renderNtfy([item], renderOptions, 'topic');
    expect(message?.body.message).toContain('gpu, gpu-budapest');
  });

  it('lists every watch for the JSON receiver, still one event per request', () => {
    const messages = renderJson([item], renderOptions);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.body).toMatchObject({ idempotencyKey: 'key-1', watch: gpu, watches: [gpu, budapest] });
  });
});
