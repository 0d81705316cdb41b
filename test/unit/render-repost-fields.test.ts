import { describe, expect, it } from 'vitest';
import type { PriceContext, RepostContext } from '../../src/domain/ad-insight.js';
import type { NotificationItem } from '../../src/domain/events.js';
import { measureEmbedText, renderDiscord } from '../../src/notify/channels/discord/render.js';
import { renderSlack } from '../../src/notify/channels/slack/render.js';
import { newAdItem, renderOptions } from '../helpers/notification-items.js';

const repost: RepostContext = {
  earlierAdId: 100,
  earlierUrl: 'https://hardverapro.hu/apro/ad_100/friss.html',
  firstSeenAt: '2025-01-26T10:00:00.000Z',
  daysAgo: 34,
  priceHistory: [
    { adId: 100, price: 45_000, priceKind: 'fixed', priceText: '45 000 Ft', seenAt: '2025-01-26T10:00:00.000Z' },
  ],
};
const context: PriceContext = { median: 45_500, percentile: 18, sample: 37, days: 90 };
const ad = { price: 40_000, priceText: '40 000 Ft', title: 'RTX 3080 10GB' };

function reposted(): NotificationItem {
  const item = newAdItem(8, ad);
  return {
    ...item,
    event: { type: 'reposted', watch: item.event.watch, ad: item.event.ad, repost, context, notified: true },
  };
}

describe('Discord: a re-post', () => {
  it('shows its asking price under the same field name as a new ad', () => {
    const [asNew] = renderDiscord([newAdItem(7, ad)], renderOptions);
    const [asRepost] = renderDiscord([reposted()], renderOptions);
    const priceField = asNew?.body.embeds[0]?.fields[0];
    expect(priceField?.value).toBe('40\u00a0000\u00a0Ft');
    expect(asRepost?.body.embeds[0]?.fields[0]).toEqual(priceField);
  });

  it('counts the notes in the description against the message limit', () => {
    const [message] = renderDiscord([reposted()], renderOptions);
    const embed = message?.body.embeds[0];
    if (embed?.description === undefined) throw new Error('the re-post embed has no description');
    expect(embed.description.length).toBeGreaterThan(0);
    expect(measureEmbedText(embed) - measureEmbedText({ ...embed, description: undefined })).toBe(
      embed.description.length,
    );
  });
});

describe('Slack: a re-post', () => {
  it('shows its asking price under the same field name as a new ad', () => {
    const fieldsOf = (item: NotificationItem) => {
      const [message] = renderSlack([item], renderOptions);
      return JSON.stringify(message?.body).match(/"\*[^*"]+\*\\n40/g);
    };
    const asNew = fieldsOf(newAdItem(7, ad));
    expect(asNew).toHaveLength(1);
    expect(fieldsOf(reposted())).toEqual(asNew);
  });
});
