import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One entry of a feed, as a reader takes it from any of the three formats. */
export interface ParsedEntry {
  id: string;
  title: string;
  link: string;
  /** Milliseconds since the epoch. */
  date: number;
  html: string;
}

/** A feed read back the way a feed reader reads it. */
export interface ParsedFeed {
  title: string;
  link: string;
  entries: ParsedEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'item', 'link'].includes(name),
});

/** The value at a path of keys in parsed XML or JSON, or undefined. */
function at(node: unknown, ...path: Array<string | number>): unknown {
  let current = node;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The text at a path (an element's text, a CDATA section, an attribute); throws when it is missing or empty. */
function text(node: unknown, what: string, ...path: Array<string | number>): string {
  const value = at(node, ...path);
  const found = typeof value === 'object' && value !== null ? at(value, '#text') : value;
  if (found === undefined || found === null || found === '') throw new Error(`the feed has no ${what}`);
  return String(found);
}

function date(value: string, what: string): number {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`${what} is not a date: ${value}`);
  return time;
}

function list(node: unknown, ...path: string[]): unknown[] {
  const value = at(node, ...path);
  return Array.isArray(value) ? value : [];
}

function wellFormed(xml: string): unknown {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml);
}

/** Read an Atom 1.0 document: a well-formed XML feed with the elements RFC 4287 requires. */
export function parseAtom(xml: string): ParsedFeed {
  const feed = at(wellFormed(xml), 'feed');
  if (at(feed, '@xmlns') !== 'http://www.w3.org/2005/Atom') throw new Error('not an Atom feed');
  text(feed, 'feed id', 'id');
  date(text(feed, 'feed updated', 'updated'), 'feed updated');
  text(feed, 'feed author', 'author', 'name');
  const alternate = list(feed, 'link').find((link) => at(link, '@rel') === 'alternate');
  return {
    title: text(feed, 'title', 'title'),
    link: text(alternate, 'alternate link', '@href'),
    entries: list(feed, 'entry').map((entry) => ({
      id: text(entry, 'entry id', 'id'),
      title: text(entry, 'entry title', 'title'),
      link: text(entry, 'entry link', 'link', 0, '@href'),
      date: date(text(entry, 'entry updated', 'updated'), 'entry updated'),
      html: at(entry, 'summary') === undefined ? '' : text(entry, 'summary', 'summary'),
    })),
  };
}

/** Read an RSS 2.0 document: channel title, link and description; item guid, link and pubDate. */
export function parseRss(xml: string): ParsedFeed {
  const rss = at(wellFormed(xml), 'rss');
  if (at(rss, '@version') !== '2.0') throw new Error('not an RSS 2.0 feed');
  const channel = at(rss, 'channel');
  text(channel, 'channel description', 'description');
  return {
    title: text(channel, 'title', 'title'),
    link: text(channel, 'link', 'link', 0),
    entries: list(channel, 'item').map((item) => ({
      id: text(item, 'item guid', 'guid'),
      title: text(item, 'item title', 'title'),
      link: text(item, 'item link', 'link', 0),
      date: date(text(item, 'item pubDate', 'pubDate'), 'item pubDate'),
      html: at(item, 'description') === undefined ? '' : text(item, 'description', 'description'),
    })),
  };
}

/** Read a JSON Feed 1.1 document: version, title and items each with an id, a link, content and a date. */
export function parseJsonFeed(json: string): ParsedFeed {
  const feed: unknown = JSON.parse(json);
  if (at(feed, 'version') !== 'https://jsonfeed.org/version/1.1') throw new Error('not JSON Feed 1.1');
  if (!Array.isArray(at(feed, 'items'))) throw new Error('the feed has no items array');
  if (at(feed, 'author') !== undefined) throw new Error('JSON Feed 1.1 names authors, not author');
  return {
    title: text(feed, 'title', 'title'),
    link: text(feed, 'home_page_url', 'home_page_url'),
    entries: list(feed, 'items').map((item) => {
      if (typeof at(item, 'id') !== 'string') throw new Error('an item id must be a string');
      const html = at(item, 'content_html');
      if (html === undefined && at(item, 'content_text') === undefined) throw new Error('an item has no content');
      return {
        id: text(item, 'item id', 'id'),
        title: text(item, 'item title', 'title'),
        link: text(item, 'item url', 'url'),
        date: date(text(item, 'item date_published', 'date_published'), 'item date_published'),
        html: typeof html === 'string' ? html : '',
      };
    }),
  };
}

/** Read a feed in the given format. */
export function parseFeed(format: 'atom' | 'rss' | 'json', document: string): ParsedFeed {
  if (format === 'atom') return parseAtom(document);
  return format === 'rss' ? parseRss(document) : parseJsonFeed(document);
}
