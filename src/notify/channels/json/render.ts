import type { Ad } from '../../../domain/ad.js';
import type { PriceContext, RepostContext } from '../../../domain/ad-insight.js';
import type { AdEvent, NotificationItem, WatchRef } from '../../../domain/events.js';
import { IDEMPOTENCY_HEADER } from '../../idempotency.js';
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
          }
        : {};
    const insight = {
      ...(event.type !== 'price_changed' && event.repost !== undefined ? { repost: event.repost } : {}),
      ...(event.context === undefined ? {} : { context: event.context }),
    };
    return {
      itemIds: [item.id],
      body: {
        type: event.type,
        idempotencyKey: item.idempotencyKey,
        watch: { id: event.watch.id, name: event.watch.name, url: event.watch.url },
        ad: event.ad,
        ...priceChange,
        ...insight,
        sentAt,
      },
      headers: { [IDEMPOTENCY_HEADER]: item.idempotencyKey },
    };
  });
}
