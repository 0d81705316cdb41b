/** The standard feed formats pyhabot writes: Atom 1.0, RSS 2.0 and JSON Feed 1.1. */
export type FeedFormat = 'atom' | 'rss' | 'json';

/** Every feed format, in the order help texts list them. */
export const FEED_FORMATS: readonly FeedFormat[] = ['atom', 'rss', 'json'];

const FORMAT_OF_EXTENSION: Readonly<Record<string, FeedFormat>> = {
  '.xml': 'atom',
  '.atom': 'atom',
  '.rss': 'rss',
  '.json': 'json',
};

/** The format a feed file's name asks for (.xml or .atom: Atom, .rss: RSS, .json: JSON Feed), if any. */
export function feedFormatOfPath(path: string): FeedFormat | undefined {
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return undefined;
  return FORMAT_OF_EXTENSION[path.slice(dot).toLowerCase()];
}
