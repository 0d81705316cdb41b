import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createSiteClient } from '../../src/scrape/http-client.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { ListingPage } from '../helpers/listing-fixture.js';

// A check hands one abort signal to every request of its run, hundreds of them. Anything a request leaves on that
// signal stays until the run ends: Node warns on stderr past ten listeners, and each one keeps its request alive.

describe('one abort signal through a long run', () => {
  it('gathers no listeners over 60 pages, answered or failed', async () => {
    await using site = await startFakeHardverapro();
    const page = new ListingPage().keepFirst(5).withoutNextPage();
    site.serve('/aprok/ok/index.html', page);
    site.serve('/aprok/gone/index.html', (_req, res) => {
      res.writeHead(404);
      res.end();
    });
    const client = createSiteClient({ requestDelayMs: 0, maxRetries: 0 });
    const run = new AbortController();
    try {
      for (let index = 0; index < 50; index += 1) {
        await client.fetchPage(site.urlFor(`/aprok/ok/index.html?n=${index}`), { signal: run.signal });
      }
      for (let index = 0; index < 10; index += 1) {
        await expect(
          client.fetchPage(site.urlFor(`/aprok/gone/index.html?n=${index}`), { signal: run.signal }),
        ).rejects.toMatchObject({ kind: 'http_status' });
      }
      expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
    } finally {
      client.close();
    }
    // Keep-alive still works: the answered pages shared one connection rather than each opening its own.
    expect(site.hits('/aprok/ok/index.html')).toBe(50);
  });
});
