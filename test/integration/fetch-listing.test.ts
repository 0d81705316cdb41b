import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import { ScrapeError } from '../../src/domain/errors.js';
import type { ListingPage } from '../../src/domain/listing.js';
import { fetchListing, isSearchDropped, type ListingParser, pageIdentity } from '../../src/scrape/fetch-listing.js';
import { createSiteClient, type FetchedPage, type SiteClient } from '../../src/scrape/http-client.js';
import { parseListing } from '../../src/scrape/parse-listing.js';
import { cookiesOf, sendHtml, sendRedirect, startFakeSite, withCookieTestMarker } from '../helpers/fake-site.js';
import type { LocalServer } from '../helpers/local-server.js';

const fixturePath = new URL('../fixtures/hardverapro/listing-2025-12-mobil.html', import.meta.url);
const emptyFixturePath = new URL('../fixtures/hardverapro/listing-empty.html', import.meta.url);
const capturedAt = new Date('2025-12-22T16:20:00+01:00');

let server: LocalServer | undefined;
let client: SiteClient | undefined;

afterEach(async () => {
  client?.close();
  client = undefined;
  await server?.close();
  server = undefined;
});

function testClient(): SiteClient {
  client = createSiteClient({ requestDelayMs: 0, retryBaseMs: 5, retryMaxMs: 20, requestTimeoutMs: 5000 });
  return client;
}

function ad(id: number): Ad {
  return {
    id,
    title: `ad ${id}`,
    url: `https://hardverapro.hu/apro/ad_${id}/friss.html`,
    price: 1000,
    priceText: '1 000 Ft',
    priceKind: 'fixed',
    cities: ['Budapest'],
    timeText: 'ma 16:20',
    postedAt: null,
    pinned: false,
    featured: false,
    iced: false,
    ribbon: null,
    seller: { name: 'seller', url: null, rating: null, business: false },
    image: null,
    imageLarge: null,
  };
}

function listingPage(overrides: Partial<ListingPage>): ListingPage {
  return { verdict: 'results', reason: null, ads: [], nextPage: null, total: null, unreadableCards: 0, ...overrides };
}

/** A client that serves each URL's own text as the body, so a stub parser can answer per URL. */
function echoClient(): Pick<SiteClient, 'fetchPage'> & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    async fetchPage(url): Promise<FetchedPage> {
      fetched.push(url);
      return { requestedUrl: url, finalUrl: url, status: 200, body: url, fetchedAt: capturedAt, redirects: [] };
    },
  };
}

function stubParser(pages: Record<string, ListingPage>): ListingParser {
  return (html) => pages[html] ?? listingPage({ verdict: 'unrecognized', reason: `no stub for ${html}` });
}

async function scrapeError(promise: Promise<unknown>): Promise<ScrapeError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ScrapeError);
  return error as ScrapeError;
}

describe('isSearchDropped', () => {
  const search = 'https://hardverapro.hu/aprok/mobil/keres.php?stext=iphone';
  it.each([
    [search, search, false],
    [search, `${search}&_tc=1`, false],
    [search, 'https://hardverapro.hu/aprok/mobil/index.html', true],
    [search, 'https://hardverapro.hu/index.html', true],
    [search, 'https://hardverapro.hu/', true],
    [search, 'https://auth.rios.hu/hozzaferes/azonosit.php?redir_uri=/aprok/mobil/keres.php', true],
    ['https://hardverapro.hu/aprok/mobil/index.html', 'https://hardverapro.hu/index.html', false],
    ['https://hardverapro.hu/aprok/keres.php?stext=x', 'https://www.hardverapro.hu/aprok/keres.php?stext=x', false],
  ])('%s → %s dropped: %s', (requested, final, expected) => {
    expect(isSearchDropped(requested, final)).toBe(expected);
  });
});

describe('pageIdentity', () => {
  it.each([
    ['https://hardverapro.hu/aprok/mobil/index.html?_tc=1', 'https://hardverapro.hu/aprok/mobil/index.html'],
    ['https://hardverapro.hu/aprok/keres.php?stext=a&_tc=1#top', 'https://hardverapro.hu/aprok/keres.php?stext=a'],
    [
      'https://hardverapro.hu/aprok/keres.php?stext=a&offset=100',
      'https://hardverapro.hu/aprok/keres.php?stext=a&offset=100',
    ],
  ])('%s → %s', (url, expected) => {
    expect(pageIdentity(url)).toBe(expected);
  });
});

describe('fetchListing with pages fed to it', () => {
  const p1 = 'https://hardverapro.hu/aprok/mobil/index.html';
  const p2 = `${p1}?offset=100`;
  const p3 = `${p1}?offset=200`;

  it('reads one page by default and says whether more exist', async () => {
    const site = echoClient();
    const scrape = await fetchListing(site, p1, {
      parse: stubParser({ [p1]: listingPage({ ads: [ad(1)], nextPage: p2, total: 250 }) }),
    });
    expect(scrape).toEqual({ ads: [ad(1)], pages: 1, total: 250, complete: false, unreadableCards: 0, finalUrl: p1 });
    expect(site.fetched).toEqual([p1]);
  });

  it('treats an empty first page as a complete, empty result, even when its pager points on', async () => {
    const site = echoClient();
    const scrape = await fetchListing(site, p1, {
      maxPages: 3,
      parse: stubParser({ [p1]: listingPage({ verdict: 'empty', nextPage: p2, total: 5299 }) }),
    });
    expect(scrape).toMatchObject({ ads: [], pages: 1, total: 0, complete: true });
    expect(site.fetched).toEqual([p1]);
  });

  it('ends at an empty later page', async () => {
    const scrape = await fetchListing(echoClient(), p1, {
      maxPages: 3,
      parse: stubParser({
        [p1]: listingPage({ ads: [ad(1)], nextPage: p2, total: 100 }),
        [p2]: listingPage({ verdict: 'empty', nextPage: p3 }),
      }),
    });
    expect(scrape).toMatchObject({ pages: 2, total: 100, complete: true });
  });

  it('follows the pager, de-duplicates by id and adds up unreadable cards', async () => {
    const first = { ...ad(1), title: 'first sighting' };
    const scrape = await fetchListing(echoClient(), p1, {
      maxPages: 5,
      parse: stubParser({
        [p1]: listingPage({ ads: [first, ad(2)], nextPage: p2, total: 4, unreadableCards: 1 }),
        [p2]: listingPage({ ads: [{ ...ad(1), title: 'repeat' }, ad(3)], nextPage: p3, unreadableCards: 2 }),
        [p3]: listingPage({ ads: [ad(1), ad(4)] }),
      }),
    });
    expect(scrape.ads.map((a) => a.id)).toEqual([1, 2, 3, 4]);
    expect(scrape.ads[0]?.title).toBe('first sighting');
    expect(scrape).toMatchObject({ pages: 3, total: 4, complete: true, unreadableCards: 3 });
  });

  it.each([
    [1, ['fetch p1', 'parse p1']],
    [2, ['fetch p1', 'parse p1', 'fetch p2', 'parse p2']],
    [5, ['fetch p1', 'parse p1', 'fetch p2', 'parse p2', 'fetch p3', 'parse p3']],
  ])('with maxPages %i, reads each page before asking for the next, and no more pages', async (maxPages, expected) => {
    const names: Record<string, string> = { [p1]: 'p1', [p2]: 'p2', [p3]: 'p3' };
    const log: string[] = [];
    const site = echoClient();
    const pages: Record<string, ListingPage> = {
      [p1]: listingPage({ ads: [ad(1)], nextPage: p2 }),
      [p2]: listingPage({ ads: [ad(2)], nextPage: p3 }),
      [p3]: listingPage({ ads: [ad(3)] }),
    };
    await fetchListing(
      {
        fetchPage: async (url) => {
          log.push(`fetch ${names[url]}`);
          return site.fetchPage(url);
        },
      },
      p1,
      {
        maxPages,
        parse: (html, pageUrl, at) => {
          log.push(`parse ${names[html]}`);
          return stubParser(pages)(html, pageUrl, at);
        },
      },
    );
    expect(log).toEqual(expected);
  });

  it('stops when the pager points back at a page already read', async () => {
    const site = echoClient();
    const scrape = await fetchListing(site, p1, {
      maxPages: 5,
      parse: stubParser({
        [p1]: listingPage({ ads: [ad(1)], nextPage: p2 }),
        [p2]: listingPage({ ads: [ad(2)], nextPage: `${p1}?_tc=1` }),
      }),
    });
    expect(site.fetched).toEqual([p1, p2]);
    expect(scrape).toMatchObject({ pages: 2, complete: false });
  });

  it('fails the whole watch when a later page is not recognised', async () => {
    const error = await scrapeError(
      fetchListing(echoClient(), p1, {
        maxPages: 3,
        parse: stubParser({
          [p1]: listingPage({ ads: [ad(1)], nextPage: p2 }),
          [p2]: listingPage({ verdict: 'unrecognized', reason: 'no ad list' }),
        }),
      }),
    );
    expect(error).toMatchObject({
      kind: 'unrecognized_page',
      url: p2,
      message: 'page 2 is not a listing page: no ad list',
    });
  });

  it('fails the whole watch when a later page cannot be fetched', async () => {
    const failing: Pick<SiteClient, 'fetchPage'> = {
      async fetchPage(url) {
        if (url === p2) throw new ScrapeError('rate_limited', 'HTTP 429 from hardverapro.hu', { url, status: 429 });
        return { requestedUrl: url, finalUrl: url, status: 200, body: url, fetchedAt: capturedAt, redirects: [] };
      },
    };
    const error = await scrapeError(
      fetchListing(failing, p1, {
        maxPages: 2,
        parse: stubParser({ [p1]: listingPage({ ads: [ad(1)], nextPage: p2 }) }),
      }),
    );
    expect(error.kind).toBe('rate_limited');
  });

  it('passes the signal to every fetch', async () => {
    const signals: Array<AbortSignal | undefined> = [];
    const controller = new AbortController();
    const site: Pick<SiteClient, 'fetchPage'> = {
      async fetchPage(url, options) {
        signals.push(options?.signal);
        return { requestedUrl: url, finalUrl: url, status: 200, body: url, fetchedAt: capturedAt, redirects: [] };
      },
    };
    await fetchListing(site, p1, {
      maxPages: 2,
      signal: controller.signal,
      parse: stubParser({ [p1]: listingPage({ nextPage: p2 }), [p2]: listingPage({}) }),
    });
    expect(signals).toEqual([controller.signal, controller.signal]);
  });
});

describe('fetchListing against a local server', () => {
  it('reports a search the site sent to the category index as dropped', async () => {
    const site = await startFakeSite(
      {
        '/aprok/mobil/keres.php': (_req, res) => sendRedirect(res, '/aprok/mobil/index.html'),
        '/aprok/mobil/index.html': (_req, res) => sendHtml(res, '<!doctype html><title>Mobil</title>'),
      },
      { cookieTest: true },
    );
    server = site;
    const error = await scrapeError(fetchListing(testClient(), `${site.url}/aprok/mobil/keres.php?stext=iphone`));
    expect(error.kind).toBe('search_dropped');
    expect(error.url).toBe(`${site.url}/aprok/mobil/index.html`);
    expect(error.message).toBe(
      `the site dropped the search: asked for ${site.url}/aprok/mobil/keres.php?stext=iphone, ended on ${site.url}/aprok/mobil/index.html`,
    );
  });
});

describe('fetchListing on pages built from the real listing fixtures', () => {
  const html = readFileSync(fixturePath, 'utf8');
  const listPath = '/aprok/mobil/index.html';
  const nextLink = /<a rel="next" href="[^"]*"/g;
  const normalHeader = '<li><h3>Mobil, tablet hirdetések';

  /**
   * Page `n` (0-based) of a three-page listing: the same pinned block on every page, as the site does, and
   * the normal cards given fresh ids per page. The last page has no next link.
   */
  function buildPage(n: number, pages: number): string {
    const headerAt = html.indexOf(normalHeader);
    expect(headerAt).toBeGreaterThan(0);
    const pinnedPart = html.slice(0, headerAt);
    const normalPart = html
      .slice(headerAt)
      .replace(/data-uadid="(\d+)"/g, (_match, id: string) => `data-uadid="${Number(id) + n * 10_000_000}"`);
    const page = pinnedPart + normalPart;
    return n + 1 < pages
      ? page.replace(nextLink, `<a rel="next" href="${listPath}?offset=${(n + 1) * 100}"`)
      : page.replace(nextLink, '<a class="disabled" href="#"');
  }

  async function serveListing(pages: number, options: { brokenPage?: number } = {}): Promise<LocalServer> {
    const site = await startFakeSite(
      {
        [listPath]: (_req, res, recorded) => {
          const offset = Number(new URL(recorded.path, 'http://x').searchParams.get('offset') ?? 0);
          const n = offset / 100;
          if (n === options.brokenPage) {
            sendHtml(res, '<!doctype html><html><head><title>Just a moment…</title></head><body></body></html>');
            return;
          }
          if (n >= pages) {
            sendHtml(res, 'gone', { status: 404 });
            return;
          }
          sendHtml(res, buildPage(n, pages), { encoding: 'gzip' });
        },
      },
      { cookieTest: true },
    );
    server = site;
    return site;
  }

  it('reads the fixture page the way the parser reads it directly', async () => {
    const site = await serveListing(1);
    const scrape = await fetchListing(testClient(), `${site.url}${listPath}`, { capturedAt });
    const direct = parseListing(buildPage(0, 1), `${site.url}${withCookieTestMarker(listPath)}`, capturedAt);
    expect(scrape.ads).toHaveLength(100);
    expect(scrape.ads).toEqual(direct.ads);
    expect(scrape.complete).toBe(true);
    expect(scrape.finalUrl).toBe(`${site.url}${listPath}?_tc=1`);
  });

  it('follows the pager across three pages and counts pinned ads once', async () => {
    const site = await serveListing(3);
    const scrape = await fetchListing(testClient(), `${site.url}${listPath}`, { maxPages: 5, capturedAt });

    const firstPage = parseListing(buildPage(0, 3), `${site.url}${listPath}`, capturedAt);
    const pinned = firstPage.ads.filter((a) => a.pinned).length;
    expect(pinned).toBeGreaterThan(0);
    expect(scrape.pages).toBe(3);
    expect(scrape.complete).toBe(true);
    expect(scrape.ads).toHaveLength(100 + 2 * (100 - pinned));
    expect(new Set(scrape.ads.map((a) => a.id)).size).toBe(scrape.ads.length);
    expect(scrape.total).toBe(firstPage.total);
    expect(site.requests.map((r) => r.path)).toEqual([
      listPath,
      `${listPath}?_tc=1`,
      `${listPath}?offset=100`,
      `${listPath}?offset=200`,
    ]);
  });

  it('stops at maxPages and says the read is incomplete', async () => {
    const site = await serveListing(3);
    const scrape = await fetchListing(testClient(), `${site.url}${listPath}`, { maxPages: 2, capturedAt });
    expect(scrape.pages).toBe(2);
    expect(scrape.complete).toBe(false);
    expect(site.requests.map((r) => r.path)).not.toContain(`${listPath}?offset=200`);
  });

  it('asks for newest first, 200 a page, on every request when told to', async () => {
    const site = await serveListing(2);
    client = createSiteClient({
      requestDelayMs: 0,
      listingPreference: { order: 'time', dir: 'd', blockSize: 200 },
    });
    await fetchListing(client, `${site.url}${listPath}`, { maxPages: 2, capturedAt });
    expect(site.requests.map((r) => cookiesOf(r).prf_ls_uad)).toEqual([
      'time.d.200.normal',
      'time.d.200.normal',
      'time.d.200.normal',
    ]);
  });

  it('returns a complete empty result for a search with no hits', async () => {
    const empty = readFileSync(emptyFixturePath, 'utf8');
    const site = await startFakeSite(
      { '/aprok/mobil/keres.php': (_req, res) => sendHtml(res, empty) },
      { cookieTest: true },
    );
    server = site;
    const scrape = await fetchListing(testClient(), `${site.url}/aprok/mobil/keres.php?stext=nothing`, {
      maxPages: 3,
      capturedAt,
    });
    expect(scrape).toMatchObject({ ads: [], pages: 1, total: 0, complete: true });
    expect(scrape.finalUrl).toBe(`${site.url}/aprok/mobil/keres.php?stext=nothing&_tc=1`);
  });

  it('fails with unrecognized_page when a later page is not a listing', async () => {
    const site = await serveListing(3, { brokenPage: 1 });
    const error = await scrapeError(fetchListing(testClient(), `${site.url}${listPath}`, { maxPages: 3, capturedAt }));
    expect(error.kind).toBe('unrecognized_page');
    expect(error.url).toBe(`${site.url}${listPath}?offset=100`);
    expect(error.message).toMatch(/^page 2 is not a listing page: /);
  });
});
