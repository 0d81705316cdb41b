import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../src/domain/events.js';
import { parseTarget } from '../../src/domain/targets/parse-target.js';
import type { WebTarget } from '../../src/domain/targets/target.js';
import { renderForTarget } from '../../src/notify/render.js';
import { manyItems, renderOptions } from '../helpers/notification-items.js';

const targets = {
  discord: parseTarget('discord://123/abc') as WebTarget,
  slack: parseTarget('slack://T000/B000/XXXX') as WebTarget,
  telegram: parseTarget('tgram://123456:ABC/987') as WebTarget,
  ntfy: parseTarget('ntfy://my-topic') as WebTarget,
  json: parseTarget('json+https://example.com/hook') as WebTarget,
};

/** `count` items spread over two watches, as one target's batch of a run. */
function batch(count: number, digest = false): NotificationItem[] {
  return manyItems(count).map((item, index) => ({
    ...item,
    event: { ...item.event, watch: { ...item.event.watch, id: (index % 2) + 1, name: `watch ${(index % 2) + 1}` } },
    ...(digest ? { digest: true } : {}),
  }));
}

const messageSizes = (channel: keyof typeof targets, items: NotificationItem[], telegramListAfter?: number) =>
  renderForTarget(targets[channel], items, {
    ...renderOptions,
    ...(telegramListAfter === undefined ? {} : { telegramListAfter }),
  }).map((message) => message.itemIds.length);

describe('one target, one run: as few messages as the channel allows', () => {
  it.each([
    ['discord', 1, [1]],
    ['discord', 10, [10]],
    ['discord', 15, [10, 5]],
    ['slack', 15, [15]],
    ['slack', 25, [20, 5]],
    ['ntfy', 3, [1, 1, 1]],
    ['ntfy', 8, [8]],
    ['json', 3, [1, 1, 1]],
    ['telegram', 5, [1, 1, 1, 1, 1]],
    ['telegram', 6, [6]],
  ] as const)('%s, %i items from two watches: %j', (channel, count, expected) => {
    expect(messageSizes(channel, batch(count))).toEqual(expected);
  });

  it('sends Telegram a list above the configured number of ads', () => {
    expect(messageSizes('telegram', batch(3), 2)).toEqual([3]);
    expect(messageSizes('telegram', batch(2), 2)).toEqual([1, 1]);
  });

  it('splits a long Telegram list into numbered parts', () => {
    const messages = renderForTarget(targets.telegram, batch(40), renderOptions);
    expect(messages.length).toBeGreaterThan(1);
    expect((messages[0]?.body as { text: string } | undefined)?.text).toContain(`(1/${messages.length})`);
  });

  it('sends ntfy a digest as one summary, however few its ads', () => {
    expect(messageSizes('ntfy', batch(2, true))).toEqual([2]);
    expect(messageSizes('ntfy', batch(1, true))).toEqual([1]);
  });

  it('keeps one event per request for the JSON receiver, digest or not', () => {
    expect(messageSizes('json', batch(4, true))).toEqual([1, 1, 1, 1]);
  });

  it('names every watch of the batch in the headline, and marks a digest', () => {
    const [plain] = renderForTarget(targets.discord, batch(3), renderOptions);
    expect((plain?.body as { content: string } | undefined)?.content).toBe('3 new ads for watch 1, watch 2');
    const [digest] = renderForTarget(targets.discord, batch(3, true), renderOptions);
    expect((digest?.body as { content: string } | undefined)?.content).toBe('Digest: 3 new ads for watch 1, watch 2');
  });
});
