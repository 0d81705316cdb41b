// Links on a listing page are absolute, root-relative or protocol-relative; these turn each kind into an
// absolute http(s) URL, or null when nothing sensible comes out.

const FALLBACK_ORIGIN = 'https://hardverapro.hu/';

/** The origin (with a trailing slash) of the page URL, or the site's own origin when the page URL is unusable. */
export function pageOrigin(pageUrl: string): string {
  const page = toUrl(pageUrl, undefined);
  return page !== null && isHttp(page) ? `${page.origin}/` : FALLBACK_ORIGIN;
}

/** The page URL itself when it is an absolute http(s) URL (relative pager links resolve against it), else the site. */
export function pageBase(pageUrl: string): string {
  const page = toUrl(pageUrl, undefined);
  return page !== null && isHttp(page) ? page.href : FALLBACK_ORIGIN;
}

/** Resolve `href` against `base`; null unless the result is an http(s) URL. */
export function resolveHttpUrl(href: string | undefined, base: string): string | null {
  const trimmed = href?.trim();
  if (trimmed === undefined || trimmed === '' || trimmed.startsWith('#')) return null;
  const url = toUrl(trimmed, base);
  return url !== null && isHttp(url) ? url.href : null;
}

/**
 * An image address as an absolute URL. Protocol-relative sources (`//cdn.rios.hu/…`) get `https:` in front:
 * resolving them against the site origin would give `https://hardverapro.hu//cdn.rios.hu/…`.
 */
export function resolveImageUrl(src: string | undefined, origin: string): string | null {
  const trimmed = src?.trim();
  if (trimmed === undefined || trimmed === '') return null;
  if (trimmed.startsWith('//')) return resolveHttpUrl(`https:${trimmed}`, origin);
  return resolveHttpUrl(trimmed, origin);
}

function toUrl(text: string, base: string | undefined): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

function isHttp(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}
