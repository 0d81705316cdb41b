import { Feed, type Item } from 'feed';
import type { NotificationItem } from '../../../domain/events.js';
import type { FeedFormat } from '../../../domain/feed-format.js';
import { summariseItem } from '../../ad-summary.js';
import { type Language, messageStrings } from '../../strings.js';
import { FEED_ENTRY_KINDS, type FeedEventType } from './entry-kinds.js';
import { escapeHtml, xmlSafeText } from './xml-text.js';

/** What a feed is about, besides its entries. */
export interface FeedHeader {
  format: FeedFormat;
  /** A stable identifier of the feed (an IRI), e.g. `urn:pyhabot:watch:3`. */
  id: string;
  title: string;
  /** The page the feed follows (a watch's search), as an absolute http(s) URL. */
  link: string;
  language: Language;
  /** When the feed was last updated, if it has no entries (else its newest entry's time). */
  emptyUpdated: Date;
}

const LANGUAGE_TAGS = { en: 'en', hu: 'hu' } satisfies Record<Language, string>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Write events as a standard feed (Atom 1.0, RSS 2.0 or JSON Feed 1.1), newest first. Pure: the same events give
 * the same bytes, so a feed rewritten with nothing new does not change.
 */
export function renderFeed(items: readonly NotificationItem[], header: FeedHeader): string {
  const entries = [...items]
    .filter((item) => Object.hasOwn(FEED_ENTRY_KINDS, item.event.type) && !isSkippedRepost(item))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  const newest = entries[0];
  const feed = new Feed({
    id: header.id,
    title: xmlSafeText(header.title),
    link: header.link,
    language: LANGUAGE_TAGS[header.language],
    updated: newest === undefined ? header.emptyUpdated : new Date(newest.createdAt),
    description: xmlSafeText(header.title),
    generator: 'pyhabot',
    // Atom needs an author for the feed when its entries name none; the seller is told inside each entry.
    author: { name: 'pyhabot' },
  });
  for (const item of entries) feed.addItem(toFeedItem(item, header.language));
  if (header.format === 'atom') return feed.atom1();
  if (header.format === 'rss') return feed.rss2();
  return toJsonFeed11(feed.json1(), header.language);
}

/** A re-post the watch records without notifying is part of its history, not news a feed reader should get. */
function isSkippedRepost(item: NotificationItem): boolean {
  return item.event.type === 'reposted' && !item.event.notified;
}

/** The entry id: the event's idempotency key, as the IRI every format accepts. */
export function feedEntryId(idempotencyKey: string): string {
  return UUID.test(idempotencyKey)
    ? `urn:uuid:${idempotencyKey.toLowerCase()}`
    : `urn:pyhabot:event:${encodeURIComponent(idempotencyKey)}`;
}

function toFeedItem(item: NotificationItem, language: Language): Item {
  const summary = summariseItem(item, language);
  const words = messageStrings[language];
  const describe = FEED_ENTRY_KINDS[item.event.type as FeedEventType];
  const lines: Array<[string, string]> = [
    [words.price, describe(summary)],
    [words.location, summary.location],
    [words.seller, summary.seller],
    [words.posted, summary.posted],
    [words.watch, summary.watch.name],
  ];
  const description = [
    ...lines
      .filter(([, value]) => value.trim() !== '')
      .map(([label, value]) => `<p><b>${escapeHtml(label)}:</b> ${escapeHtml(xmlSafeText(value))}</p>`),
    ...summary.notes.map((note) => `<p><i>${escapeHtml(xmlSafeText(note))}</i></p>`),
  ].join('');
  const date = new Date(item.createdAt);
  return {
    title: xmlSafeText(`${summary.label}: ${summary.title} — ${describe(summary)}`),
    id: feedEntryId(item.idempotencyKey),
    // An ad without a usable address still needs a link: the search it was found in.
    link: summary.url ?? summary.watch.url,
    date,
    published: date,
    description,
  };
}

/** The library writes JSON Feed 1.0; 1.1 names its version so, lists `authors` and states the language. */
function toJsonFeed11(json: string, language: Language): string {
  const { version: _version, author, items, ...rest } = JSON.parse(json) as Record<string, unknown>;
  const upgraded = {
    version: 'https://jsonfeed.org/version/1.1',
    ...rest,
    ...(author === undefined ? {} : { authors: [author] }),
    language: LANGUAGE_TAGS[language],
    items,
  };
  return `${JSON.stringify(upgraded, null, 2)}\n`;
}
