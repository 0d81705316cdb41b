import type { ScrapeError } from './errors.js';

// Names that do not resolve: the machine is offline, or its DNS is broken.
const nameNotFoundCodes: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN']);

/** What the user can do about a page that could not be read, in one sentence; undefined when nothing helps. */
export function scrapeFailureHint(error: Pick<ScrapeError, 'kind' | 'status' | 'code' | 'url'>): string | undefined {
  switch (error.kind) {
    case 'network':
      if (error.code !== undefined && nameNotFoundCodes.has(error.code)) {
        return 'the site name did not resolve: check the network connection and DNS (`npm run demo` works offline)';
      }
      return 'check the network connection; the next check tries again';
    case 'timeout':
      return 'the site answered too slowly; the next check tries again (requestTimeoutMs sets the limit)';
    case 'rate_limited':
      return 'the site asks for fewer requests: check less often, or raise requestDelayMs';
    case 'http_status':
      if (error.status === 401 || error.status === 403) {
        return (
          'the site blocked the request: wait before checking again, check the User-Agent (userAgent) and cookies, ' +
          'and check less often'
        );
      }
      if (error.status === 404) return `open ${error.url} in a browser: the search may no longer exist`;
      return undefined;
    case 'unrecognized_page':
    case 'search_dropped':
      return (
        `open ${error.url} in a browser; \`pyhabot parse <url>\` shows what was read; ` +
        'the site layout may have changed'
      );
    case 'suspected_layout_change':
      return (
        `open ${error.url} in a browser: if the ads really are gone, later checks record them as gone; ` +
        'if the page looks wrong, `pyhabot parse <url>` shows what was read'
      );
    case 'redirect_loop':
    case 'off_site_redirect':
      return `open ${error.url} in a browser to see where the site sends it`;
    case 'too_large':
      return 'the page is far larger than a listing; open it in a browser (maxBodyBytes sets the limit)';
  }
}
