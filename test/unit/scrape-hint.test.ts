import { describe, expect, it } from 'vitest';
import type { ScrapeErrorKind } from '../../src/domain/errors.js';
import { scrapeFailureHint } from '../../src/domain/scrape-hint.js';

const url = 'https://hardverapro.hu/aprok/mobil/index.html';

describe('scrapeFailureHint', () => {
  it.each<[ScrapeErrorKind, number | undefined, string | undefined, RegExp | undefined]>([
    ['network', undefined, 'ENOTFOUND', /did not resolve: check the network connection and DNS/],
    ['network', undefined, 'EAI_AGAIN', /`npm run demo` works offline/],
    ['network', undefined, 'ECONNREFUSED', /^check the network connection; the next check tries again$/],
    ['timeout', undefined, undefined, /requestTimeoutMs/],
    ['rate_limited', 429, undefined, /check less often/],
    ['http_status', 403, undefined, /blocked the request: wait .*User-Agent .*cookies.*less often/],
    ['http_status', 401, undefined, /blocked the request/],
    ['http_status', 404, undefined, /no longer exist/],
    ['http_status', 500, undefined, undefined],
    ['unrecognized_page', 200, undefined, /open https:\S+ in a browser; `pyhabot parse <url>` shows what was read/],
    ['search_dropped', 200, undefined, /layout may have changed/],
    ['redirect_loop', undefined, undefined, /where the site sends it/],
    ['off_site_redirect', 302, undefined, /where the site sends it/],
    ['too_large', undefined, undefined, /maxBodyBytes/],
  ])('%s %s %s', (kind, status, code, expected) => {
    const hint = scrapeFailureHint({ kind, status, code, url });
    if (expected === undefined) expect(hint).toBeUndefined();
    else expect(hint).toMatch(expected);
  });
});
