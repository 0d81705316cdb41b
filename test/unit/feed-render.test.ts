import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../src/domain/events.js';
import { FEED_FORMATS, feedFormatOfPath } from '../../src/domain/feed-format.js';
import { type FeedHeader, feedEntryId, renderFeed } from '../../src/notify/channels/file/render.js';
import { newAdItem, RENDER_NOW, samples } from '../helpers/notification-items.js';
import { parseFeed } from '../helpers/parse-feed.js';

const header = (format: FeedHeader['format']): FeedHeader => ({
  format,
  id: 'urn:pyhabot:watch:1',
  title: 'pyhabot: Videókártyák',
  link: 'https://hardverapro.hu/aprok/hardver/videokartya/index.html',
  language: 'en',
  emptyUpdated: RENDER_NOW,
});

const at = (item: NotificationItem, iso: string, key: string): NotificationItem => ({
  ...item,
  createdAt: iso,
  idempotencyKey: key,
});

const UUID = '3f2b1a4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const items: NotificationItem[] = [
  at(samples.newAd, '2025-03-01T09:00:00.000Z', UUID),
  at(samples.priceDrop, '2025-03-01T10:00:00.000Z', 'sample-price'),
];

describe.each(FEED_FORMATS)('renderFeed as %s', (format) => {
  it('is a valid feed with one entry per event, newest first, each with a stable id, a link and a date', () => {
    const feed = parseFeed(format, renderFeed(items, header(format)));
    expect(feed.title).toBe('pyhabot: Videókártyák');
    expect(feed.link).toBe(header(format).link);
    expect(feed.entries.map((entry) => entry.id)).toEqual(['urn:pyhabot:event:sample-price', `urn:uuid:${UUID}`]);
    // Prices keep their digit groups together with no-break spaces.
    expect(feed.entries[0]?.title.replaceAll('\u00a0', ' ')).toBe(
      'Price drop: Lenovo ThinkPad T14 Gen 2 – i5, 16 GB RAM, újszerű állapotban — 180 000 Ft → 170 000 Ft (−10 000 Ft, −5.6 %), lowest seen 165 000 Ft',
    );
    expect(feed.entries[0]).toMatchObject({
      link: samples.priceDrop.event.ad.url,
      date: Date.parse('2025-03-01T10:00:00.000Z'),
    });
    expect(feed.entries[1]?.html).toContain('Kovács Gábor');
  });

  it('gives the same bytes for the same events, so a rewritten file changes only with news', () => {
    expect(renderFeed([...items].reverse(), header(format))).toBe(renderFeed(items, header(format)));
  });

  it('stays readable with hostile titles: markup, CDATA ends, controls, ampersands in links', () => {
    const hostile = newAdItem(7, {
      title: 'RTX <b>3080</b> & "Ti" ]]> \u0000\u0007\u001b[31m \ud800 végre',
      url: 'https://hardverapro.hu/apro/x/friss.html?a=1&b=<2>',
      seller: { name: '<script>alert(1)</script>', url: null, rating: 1, business: false },
    });
    const text = renderFeed([hostile], header(format));
    // XML 1.0 allows none of these anywhere, and a CDATA section ends at the first `]]>`.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(text.split('<![CDATA[').length).toBe(text.split(']]>').length);
    const feed = parseFeed(format, text);
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]?.title).toContain('RTX');
    expect(feed.entries[0]?.title).toContain('végre');
    expect(feed.entries[0]?.html).not.toContain('<script>');
    expect(new URL(feed.entries[0]?.link ?? '').searchParams.get('a')).toBe('1');
  });

  it('is a valid empty feed when there are no events, dated by the header', () => {
    const feed = parseFeed(format, renderFeed([], header(format)));
    expect(feed.entries).toEqual([]);
  });

  it('leaves out event kinds it does not show', () => {
    const alert = { ...samples.newAd, id: 9, event: { ...samples.newAd.event, type: 'watch_failing' } };
    const feed = parseFeed(
      format,
      renderFeed([alert as unknown as NotificationItem, items[0] as NotificationItem], header(format)),
    );
    expect(feed.entries.map((entry) => entry.id)).toEqual([`urn:uuid:${UUID}`]);
  });

  it('shows a notified re-post with its notes, and leaves out one the watch skips', () => {
    const repost = {
      earlierAdId: 41,
      earlierUrl: 'https://hardverapro.hu/apro/old/friss.html',
      firstSeenAt: '2025-01-26T09:00:00.000Z',
      daysAgo: 34,
      priceHistory: [
        {
          adId: 41,
          price: 190_000,
          priceKind: 'fixed' as const,
          priceText: '190 000 Ft',
          seenAt: '2025-01-26T09:00:00Z',
        },
      ],
    };
    const reposted = (notified: boolean, key: string): NotificationItem => {
      const { watch, ad } = samples.newAd.event;
      return at(
        { ...samples.newAd, event: { type: 'reposted', watch, ad, repost, notified } },
        '2025-03-02T09:00:00.000Z',
        key,
      );
    };
    const feed = parseFeed(format, renderFeed([reposted(true, 'shown'), reposted(false, 'skipped')], header(format)));
    expect(feed.entries.map((entry) => entry.id)).toEqual(['urn:pyhabot:event:shown']);
    expect(feed.entries[0]?.html.replaceAll('\u00a0', ' ')).toContain(
      're-posted; first listed 34 days ago at 190 000 Ft',
    );
  });
});

describe('feedEntryId', () => {
  it("is the event's idempotency key: a UUID as urn:uuid, anything else under urn:pyhabot:event", () => {
    expect(feedEntryId(UUID.toUpperCase())).toBe(`urn:uuid:${UUID}`);
    expect(feedEntryId('sample 1/2')).toBe('urn:pyhabot:event:sample%201%2F2');
  });
});

describe('feedFormatOfPath', () => {
  it.each([
    ['/srv/feed.xml', 'atom'],
    ['/srv/feed.ATOM', 'atom'],
    ['/srv/feed.rss', 'rss'],
    ['/srv/feed.json', 'json'],
    ['/srv/feed.txt', undefined],
    ['/srv/feed', undefined],
    ['/srv.xml/feed', undefined],
  ])('%s is %s', (path, format) => {
    expect(feedFormatOfPath(path)).toBe(format);
  });
});
