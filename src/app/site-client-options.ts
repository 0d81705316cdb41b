import type { ResolvedConfig } from '../config/schema.js';
import type { SiteClientOptions } from '../scrape/http-client.js';
import { spacingForHost } from '../scrape/politeness.js';

/** The site client's settings from the configuration, for `check` and `parse` alike. */
export function siteClientOptions(config: ResolvedConfig, options: { listingPreference: boolean }): SiteClientOptions {
  return {
    userAgent: config.userAgent,
    timeoutMs: config.requestTimeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    maxRetries: config.maxRetries,
    retryAfterMaxMs: config.retryAfterMaxMs,
    requestDelayMs: config.requestDelayMs,
    listingPreference:
      options.listingPreference && config.newestFirst ? { order: 'time', dir: 'd', blockSize: config.blockSize } : null,
  };
}

/**
 * What `requestDelayMs` means for hardverapro.hu when it is below the site's crawl delay, which the scraper
 * keeps whatever the setting says; undefined when the setting is what happens.
 */
export function siteSpacingNote(requestDelayMs: number): string | undefined {
  const floor = spacingForHost('hardverapro.hu', 0);
  if (requestDelayMs >= floor) return undefined;
  return 'hardverapro.hu is never polled faster than once a second (its crawl delay), whatever this says';
}
