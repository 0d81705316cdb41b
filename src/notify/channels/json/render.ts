import type { Ad } from '../../../domain/ad.js';
import type { PriceContext, RepostContext } from '../../../domain/ad-insight.js';
import type { AdEvent, NotificationItem, WatchRef } from '../../../domain/events.js';
import { IDEMPOTENCY_HEADER } from '../../idempotency.js';
import { insightOf } from '../../insight-notes.js';
import type { RenderedMessage, RenderOptions } from '../../message.js';

/** The documented receiver contract: one event per request. */
export interface JsonEventBody {
  type: AdEvent['type'];
  idempotencyKey: string;
  watch: WatchRef;
  ad: Ad;
  /** Only for `price_changed`. */
  oldPrice?: number | null;
  /** Only for `price_changed`. */
  newPrice?: number | null;
  /** Only for a `price_changed` that brought the ad under the watch filter's maxPrice: that bound, in forints. */
  nowUnderLimit?: number;
  /** Only for `price_changed`: the lowest fixed price the watch has seen for the ad, the new one included. */
  lowestPrice?: number;
  /** Only for a `price_changed` that fell under the watch's `below` target: that target, in forints. */
  crossedBelow?: number;
  /** Only for `reappeared`: when the ad had been recorded gone. */
  goneAt?: string | null;
  /** Only for `gone`: when the watch first and last saw the ad listed. */
  firstSeenAt?: string;
  lastSeenAt?: string;
  /** Only when several watches found the same event: all of them, `watch` (the first) included. */
  watches?: WatchRef[];
  /** For `reposted`, and a `new_ad` the watch labels as a re-post: the earlier listing. */
  repost?: RepostContext;
  /** For a priced new ad, re-post or price drop: where the price stands among the watch's recent prices. */
  context?: PriceContext;
  sentAt: string;
}

/** Render each item as its own generic JSON webhook request. */
export function renderJson(
  items: readonly NotificationItem[],
  options: RenderOptions,
): RenderedMessage<JsonEventBody>[] {
  const sentAt = options.now.toISOString();
  return items.map((item) => {
    const { event } = item;
    const priceChange =
      event.type === 'price_changed'
        ? {
            oldPrice: event.oldPrice,
            newPrice: event.newPrice,
            ...(event.nowUnderLimit === undefined ? {} : { nowUnderLimit: event.nowUnderLimit }),
            ...(event.lowestPrice === undefined ? {} : { lowestPrice: event.lowestPrice }),
            ...(event.crossedBelow === undefined ? {} : { crossedBelow: event.crossedBelow }),
          }
        : event.type === 'reappeared'
          ? { goneAt: event.goneAt }
          : event.type === 'gone'
            ? { firstSeenAt: event.firstSeenAt, lastSeenAt: event.lastSeenAt }
            : {};
    return {
      itemIds: [item.id],
      body: {
        type: event.type,
        idempotencyKey: item.idempotencyKey,
        watch: { id: event.watch.id, name: event.watch.name, url: event.watch.url },
        ad: event.ad,
        ...priceChange,
        ...insightOf(event),
        ...(item.watches === undefined ? {} : { watches: item.watches }),
        sentAt,
      },
      headers: { [IDEMPOTENCY_HEADER]: item.idempotencyKey },
    };
  });
}
