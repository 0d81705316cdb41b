import { describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../src/app/check-report.js';
import { renderCheckRecord, renderSummary } from '../../src/app/render-check-record.js';
import { plainStyles } from '../../src/cli/terminal-output.js';
import type { PriceContext, RepostContext } from '../../src/domain/ad-insight.js';
import type { NotificationItem } from '../../src/domain/events.js';
import { summariseItem } from '../../src/notify/ad-summary.js';
import { renderDiscord } from '../../src/notify/channels/discord/render.js';
import { renderJson } from '../../src/notify/channels/json/render.js';
import { renderNtfy } from '../../src/notify/channels/ntfy/render.js';
import { renderSlack } from '../../src/notify/channels/slack/render.js';
import { renderTelegram } from '../../src/notify/channels/telegram/render.js';
import { buildHeadline } from '../../src/notify/headline.js';
import { newAdItem, renderOptions, samples } from '../helpers/notification-items.js';

const NBSP = '\u00a0';
const repost: RepostContext = {
  earlierAdId: 100,
  earlierUrl: 'https://hardverapro.hu/apro/ad_100/friss.html',
  firstSeenAt: '2025-01-26T10:00:00.000Z',
  daysAgo: 34,
  priceHistory: [
    { adId: 100, price: 45_000, priceKind: 'fixed', priceText: '45 000 Ft', seenAt: '2025-01-26T10:00:00.000Z' },
    { adId: 100, price: 42_000, priceKind: 'fixed', priceText: '42 000 Ft', seenAt: '2025-02-10T10:00:00.000Z' },
  ],
};
const context: PriceContext = { median: 45_500, percentile: 18, sample: 37, days: 90 };
const ad = { price: 40_000, priceText: '40 000 Ft', title: 'RTX 3080 10GB' };
const REPOST_LINE = `re-posted; first listed 34 days ago at 45${NBSP}000${NBSP}Ft, now 40${NBSP}000${NBSP}Ft`;
const CONTEXT_LINE = '12 % below the median of 37 ads (90 days), in the cheapest quarter';

function labelled(): NotificationItem {
  const item = newAdItem(7, ad);
  return { ...item, event: { ...item.event, type: 'new_ad', repost, context } } as NotificationItem;
}

function reposted(): NotificationItem {
  const item = newAdItem(8, ad);
  return {
    ...item,
    event: { type: 'reposted', watch: item.event.watch, ad: item.event.ad, repost, context, notified: true },
  };
}

describe('the terminal line', () => {
  const watch = { id: 1, name: 'gpu', url: 'https://hardverapro.hu/aprok/hardver/index.html' };
  const base = newAdItem(7, ad).event.ad;

  it('adds the re-post and price context lines under a new ad, in plain spaces', () => {
    const record: CheckRecord = { type: 'new_ad', watch, ad: base, repost, context };
    const lines = renderCheckRecord(record, plainStyles);
    expect(lines[0]).toBe('NEW [gpu] RTX 3080 10GB');
    expect(lines.slice(-2)).toEqual([
      '    re-posted; first listed 34 days ago at 45 000 Ft, now 40 000 Ft',
      `    ${CONTEXT_LINE}`,
    ]);
  });

  it('shows a re-post notified apart, and says when it is only recorded', () => {
    const record: CheckRecord = { type: 'reposted', watch, ad: base, repost, notified: true };
    expect(renderCheckRecord(record, plainStyles)[0]).toBe('RE-POST [gpu] RTX 3080 10GB');
    expect(renderCheckRecord({ ...record, notified: false }, plainStyles)[0]).toBe(
      'RE-POST [gpu] RTX 3080 10GB (recorded, not notified)',
    );
  });

  it('counts re-posts in the summary', () => {
    const summary = renderSummary(
      {
        type: 'summary',
        dryRun: false,
        watches: 1,
        watchesFailed: 0,
        newAds: 0,
        priceDrops: 0,
        priceRises: 0,
        priceChanges: 0,
        reactivated: 0,
        reappeared: 0,
        gone: 0,
        baselines: 0,
        filtered: 0,
        reposts: 2,
        delivered: 0,
        deliveryRetries: 0,
        deliveriesDead: 0,
        interrupted: false,
        durationMs: 1000,
        exitCode: 0,
      },
      plainStyles,
    );
    expect(summary).toBe('1 watch, 0 new ads, 2 re-posts, 1.0 s');
  });
});

describe('the notification summary', () => {
  it('carries the notes of a labelled re-post, re-post first', () => {
    const summary = summariseItem(labelled(), 'en');
    expect(summary).toMatchObject({ kind: 'new', label: 'New ad', notes: [REPOST_LINE, CONTEXT_LINE] });
  });

  it('labels a re-post notified apart', () => {
    expect(summariseItem(reposted(), 'en')).toMatchObject({ kind: 'repost', label: 'Re-posted' });
  });

  it('writes the notes in Hungarian', () => {
    expect(summariseItem(labelled(), 'hu').notes).toEqual([
      `újra feladva; először 34 napja, 45${NBSP}000${NBSP}Ft áron, most 40${NBSP}000${NBSP}Ft`,
      '12 %-kal a medián alatt (37 hirdetés, 90 nap), a legolcsóbb negyedben',
    ]);
  });

  it('has no notes for an ad without history', () => {
    expect(summariseItem(samples.newAd, 'en').notes).toEqual([]);
  });

  it('counts re-posts apart in the headline', () => {
    expect(buildHeadline([samples.newAd, reposted()], 'en')).toBe('1 new ad and 1 re-post for Videókártyák (minta)');
  });
});

describe('each channel shows the notes in its format', () => {
  it('Discord: the embed description, counted against the text budget', () => {
    const [message] = renderDiscord([labelled()], renderOptions);
    expect(message?.body.embeds[0]?.description).toBe(`${REPOST_LINE}\n${CONTEXT_LINE}`);
  });

  it('Telegram: italic lines under the price', () => {
    const [message] = renderTelegram([labelled()], renderOptions, '42');
    expect(message?.body.text).toContain(`<i>${REPOST_LINE}</i>\n<i>${CONTEXT_LINE}</i>`);
  });

  it('Slack: lines under the title', () => {
    const [message] = renderSlack([reposted()], renderOptions);
    const section = message?.body.blocks[1];
    expect(section?.type === 'section' ? section.text.text : '').toContain(`\n${REPOST_LINE}\n${CONTEXT_LINE}`);
  });

  it('ntfy: lines under the price', () => {
    const [message] = renderNtfy([reposted()], renderOptions, 'alerts');
    expect(message?.body.message.split('\n').slice(0, 3)).toEqual([
      `Re-posted: 40${NBSP}000${NBSP}Ft`,
      REPOST_LINE,
      CONTEXT_LINE,
    ]);
    expect(message?.body.tags).toEqual(['recycle']);
  });

  it('JSON webhook: the repost and context objects', () => {
    const [message] = renderJson([reposted()], renderOptions);
    expect(message?.body).toMatchObject({ type: 'reposted', repost, context });
    const [plain] = renderJson([samples.newAd], renderOptions);
    expect(plain?.body).not.toHaveProperty('repost');
    expect(plain?.body).not.toHaveProperty('context');
  });
});
