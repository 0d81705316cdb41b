import { ScrapeError } from '../domain/errors.js';
import { cookieDomainFor } from './cookie-jar.js';

/**
 * The anonymous single sign-on host of the site's operator. Its cookie test may pass through it
 * (site → auth.rios.hu → site) before landing back on the page, so it is the one foreign host redirects may visit.
 */
export const singleSignOnHost = 'auth.rios.hu';

/**
 * Whether a redirect from a page of `origin` to `target` is followed: the same host, the same registrable site
 * (hardverapro.hu ↔ www.hardverapro.hu), or the operator's sign-on host. Anything else is not the page we asked for.
 */
export function isRedirectAllowed(origin: URL, target: URL): boolean {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  const from = origin.hostname.toLowerCase();
  const to = target.hostname.toLowerCase();
  if (from === to || to === singleSignOnHost) return true;
  const site = cookieDomainFor(from);
  return site !== undefined && site === cookieDomainFor(to);
}

/** The error for a redirect to `target` outside the site, which is not followed. */
export function offSiteRedirect(from: URL, target: string, status: number | undefined): ScrapeError {
  const host = new URL(target).host;
  return new ScrapeError(
    'off_site_redirect',
    `${from.host} redirected to ${host === '' ? target : host}, outside the site; not followed`,
    status === undefined ? { url: from.href } : { url: from.href, status },
  );
}
