import { UserError } from './errors.js';

const SITE_HOSTS = new Set(['hardverapro.hu', 'www.hardverapro.hu']);
/** Query parameters that say where a page is, not what is searched: pagination and the cookie-test marker. */
const VOLATILE_PARAMS = new Set(['offset', '_tc']);
/** Longer URLs are not something a browser produces for this site. */
export const MAX_WATCH_URL_LENGTH = 4096;

const HINT =
  'copy the address of a HardverApró search results page, e.g. https://hardverapro.hu/aprok/mobil/keres.php?stext=iphone';

/** True for hosts that are HardverApró itself (which gets the site's politeness rules). */
export function isSiteHost(hostname: string): boolean {
  return SITE_HOSTS.has(hostname.toLowerCase());
}

/** Check a URL a user gave as a watch and return its canonical form; throws a UserError on anything else. */
export function canonicalizeWatchUrl(input: string, options: { allowAnyHost?: boolean } = {}): string {
  const trimmed = input.trim();
  if (trimmed === '') throw new UserError('the URL is empty', { hint: HINT });
  if (trimmed.length > MAX_WATCH_URL_LENGTH) {
    throw new UserError(`the URL is ${trimmed.length} characters long; at most ${MAX_WATCH_URL_LENGTH} are accepted`, {
      hint: HINT,
    });
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new UserError(`not a URL: ${quoteShort(trimmed)}`, { hint: HINT });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`only http and https URLs can be watched, not ${url.protocol.slice(0, -1)}`, { hint: HINT });
  }
  if (url.username !== '' || url.password !== '') {
    throw new UserError('the URL must not contain a user name or password', { hint: HINT });
  }
  if (!isSiteHost(url.hostname) && !options.allowAnyHost) {
    throw new UserError(`${url.hostname} is not HardverApró`, {
      hint: `${HINT} (or pass --allow-any-host for a mirror or a local test server)`,
    });
  }
  if (!isListingPath(url.pathname)) {
    throw new UserError(`${url.pathname} is not a HardverApró listing or search page`, { hint: HINT });
  }
  const kept = [...url.searchParams].filter(([name]) => !VOLATILE_PARAMS.has(name));
  url.search = new URLSearchParams(kept).toString();
  url.hash = '';
  return url.toString();
}

/** A category listing (`/aprok/…/index.html`) or a search (`/aprok/…/keres.php`). */
function isListingPath(pathname: string): boolean {
  if (!pathname.startsWith('/aprok/')) return false;
  const segments = pathname.split('/').slice(1);
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return false;
  const last = segments[segments.length - 1];
  return last === 'index.html' || last === 'keres.php';
}

/** A readable default name: the search text if there is one, else the category path ("mobil / iphone"). */
export function defaultWatchName(canonicalUrl: string): string {
  const url = new URL(canonicalUrl);
  const searchText = url.searchParams.get('stext')?.trim().replace(/\s+/g, ' ');
  if (searchText) return searchText;
  const categories = url.pathname.split('/').slice(2, -1).filter(Boolean);
  if (categories.length === 0) return url.pathname.endsWith('keres.php') ? 'all ads (search)' : 'all ads';
  return categories.map(decodeSegment).join(' / ');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function quoteShort(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(shown);
}
