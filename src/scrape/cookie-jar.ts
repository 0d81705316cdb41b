import { isIP } from 'node:net';
import { CookieJar, getPublicSuffix } from 'tough-cookie';
import { formatListingPreference, type ListingPreference, listingPreferenceCookieName } from './listing-preferences.js';

/** Cookies kept for one client's lifetime: the site's cookie test and the listing preference live here. */
export interface SiteCookies {
  /** The `Cookie` header value for a request to `url` (empty when there is none). */
  headerFor(url: URL): Promise<string>;
  /** Store the `Set-Cookie` headers of a response from `url`; malformed cookies are ignored as a browser would. */
  store(url: URL, setCookie: readonly string[] | string | undefined): Promise<void>;
  /** Ask for `preference` on every listing page of `url`'s site, unless already asked. */
  seedListingPreference(url: URL, preference: ListingPreference): Promise<void>;
}

/** The domain a cookie may be shared across: the registrable domain for names, none (host-only) for IPs and `localhost`. */
export function cookieDomainFor(hostname: string): string | undefined {
  if (isIP(hostname) !== 0) return undefined;
  return getPublicSuffix(hostname, { ignoreError: true }) ?? undefined;
}

/** Create an empty in-memory cookie jar. */
export function createSiteCookies(): SiteCookies {
  const jar = new CookieJar();
  const seeded = new Set<string>();
  return {
    async headerFor(url) {
      return jar.getCookieString(url.href);
    },
    async store(url, setCookie) {
      const values = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
      for (const value of values) await jar.setCookie(value, url.href, { ignoreError: true });
    },
    async seedListingPreference(url, preference) {
      const domain = cookieDomainFor(url.hostname);
      const scope = domain ?? url.host;
      if (seeded.has(scope)) return;
      seeded.add(scope);
      // A domain cookie covers both hardverapro.hu and www.hardverapro.hu; IPs can only take host-only cookies.
      const domainAttribute = domain === undefined ? '' : `; Domain=${domain}`;
      const cookie = `${listingPreferenceCookieName}=${formatListingPreference(preference)}; Path=/${domainAttribute}`;
      await jar.setCookie(cookie, url.href);
    },
  };
}
