import { describe, expect, it } from 'vitest';
import type { NotificationItem, PriceChangedEvent } from '../../src/domain/events.js';
import { renderJson } from '../../src/notify/channels/json/render.js';
import { renderNtfy } from '../../src/notify/channels/ntfy/render.js';
import { newAdItem, renderOptions, samples } from '../helpers/notification-items.js';

const held = (item: NotificationItem): NotificationItem => ({ ...item, digest: true });

describe('ntfy: digests', () => {
  it('sends one waiting ad alone as itself, as it would have gone out at once', () => {
    expect(renderNtfy([held(newAdItem(1))], renderOptions, 'alerts')).toEqual(
      renderNtfy([newAdItem(1)], renderOptions, 'alerts'),
    );
  });

  it('sends a batch as one summary when any of its items waited for the digest', () => {
    const batch = [newAdItem(1, { title: 'Első' }), held(newAdItem(2, { title: 'Második' }))];
    const [summary, ...rest] = renderNtfy(batch, renderOptions, 'alerts');
    expect(rest).toEqual([]);
    expect(summary?.itemIds).toEqual([1, 2]);
    // Both fit in the list, so there is no "… and n more" line.
    expect(summary?.body.message.split('\n')).toEqual([
      expect.stringMatching(/^• Első — /),
      expect.stringMatching(/^• Második — /),
    ]);
    expect(renderNtfy([newAdItem(1), newAdItem(2)], renderOptions, 'alerts').map((message) => message.itemIds)).toEqual(
      [[1], [2]],
    );
  });
});

describe('JSON webhook: the optional price change fields', () => {
  const drop = (fields: Partial<PriceChangedEvent>): NotificationItem => ({
    ...samples.priceDrop,
    event: { ...(samples.priceDrop.event as PriceChangedEvent), ...fields },
  });

  it('leaves out the lowest price and the crossed target when the event has none', () => {
    const [message] = renderJson([drop({ lowestPrice: undefined, crossedBelow: undefined })], renderOptions);
    expect(Object.keys(message?.body ?? {})).not.toContain('lowestPrice');
    expect(Object.keys(message?.body ?? {})).not.toContain('crossedBelow');
  });

  it('gives the target the price crossed', () => {
    const [message] = renderJson([drop({ crossedBelow: 150_000 })], renderOptions);
    expect(message?.body).toMatchObject({ crossedBelow: 150_000 });
  });
});
