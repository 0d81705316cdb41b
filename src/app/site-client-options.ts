import type { ResolvedConfig } from '../config/schema.js';
import type { SiteClientOptions } from '../scrape/http-client.js';

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
