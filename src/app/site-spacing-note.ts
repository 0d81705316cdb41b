import { spacingForHost } from '../scrape/politeness.js';

/**
 * What `requestDelayMs` means for hardverapro.hu when it is below the site's crawl delay, which the scraper
 * keeps whatever the setting says; undefined when the setting is what happens.
 */
export function siteSpacingNote(requestDelayMs: number): string | undefined {
  const floor = spacingForHost('hardverapro.hu', 0);
  if (requestDelayMs >= floor) return undefined;
  return 'hardverapro.hu is never polled faster than once a second (its crawl delay), whatever this says';
}
