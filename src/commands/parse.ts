import { readFile } from 'node:fs/promises';
import type { AppContext } from '../app/context.js';
import { formatTable } from '../app/format.js';
import type { Ad } from '../domain/ad.js';
import { describeFileError } from '../domain/describe-file-error.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import type { ListingPage } from '../domain/listing.js';
import { truncateText } from '../domain/truncate-text.js';

interface ParseOptions {
  json?: boolean;
  capturedAt?: Date;
  baseUrl?: string;
}

const DEFAULT_BASE_URL = 'https://hardverapro.hu/aprok/index.html';

/** `pyhabot parse <file-or-url>`: show what pyhabot reads from a listing page. */
export async function run(context: AppContext, args: unknown[], options: ParseOptions): Promise<ExitCode> {
  const source = String(args[0]);
  const capturedAt = options.capturedAt ?? context.now();
  const { html, pageUrl } = /^https?:\/\//i.test(source)
    ? await fetchSource(context, source)
    : { html: await readSource(source), pageUrl: validateBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL) };
  const { parseListing } = await import('../scrape/parse-listing.js');
  const page = parseListing(html, pageUrl, capturedAt);
  printPage(context, page, options.json === true);
  return page.verdict === 'unrecognized' ? ExitCode.siteUnrecognized : ExitCode.ok;
}

async function readSource(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${describeFileError(error, 'no such file')}`, {
      hint: 'give the path of a saved HardverApró listing page, or its URL',
    });
  }
}

async function fetchSource(context: AppContext, url: string): Promise<{ html: string; pageUrl: string }> {
  const { config } = await context.config();
  const { createSiteClient } = await import('../scrape/http-client.js');
  // The page is shown as the site serves it by default, so no listing preference is sent.
  const client = createSiteClient({ ...config, listingPreference: null });
  try {
    const page = await client.fetchPage(validateBaseUrl(url), { signal: context.signal });
    return { html: page.body, pageUrl: page.finalUrl };
  } finally {
    client.close();
  }
}

function validateBaseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // fall through to the error below
  }
  throw new UserError(`not an http(s) URL: ${JSON.stringify(value)}`, {
    hint: 'pass --base-url https://hardverapro.hu/aprok/<category>/index.html',
  });
}

function printPage(context: AppContext, page: ListingPage, json: boolean): void {
  const { output } = context;
  if (json) {
    output.json({
      verdict: page.verdict,
      reason: page.reason,
      ads: page.ads,
      nextPage: page.nextPage,
      total: page.total,
      unreadableCards: page.unreadableCards,
    });
    return;
  }
  const { styles } = output;
  const verdict =
    page.verdict === 'unrecognized'
      ? styles.red(page.verdict)
      : page.verdict === 'empty'
        ? styles.yellow(page.verdict)
        : styles.green(page.verdict);
  output.line(`${verdict}${page.reason ? `: ${page.reason}` : ''}`);
  output.line(
    `${page.ads.length} ads` +
      (page.total === null ? '' : `, about ${page.total} in the whole search`) +
      (page.unreadableCards > 0 ? `, ${page.unreadableCards} cards unreadable` : '') +
      (page.nextPage ? `; next page: ${page.nextPage}` : ''),
  );
  if (page.ads.length === 0) return;
  output.line();
  const rows = page.ads.map((ad) => [
    String(ad.id),
    ad.priceText,
    ad.timeText,
    flagsOf(ad),
    truncateText(ad.title, 60),
  ]);
  for (const line of formatTable(['ID', 'PRICE', 'TIME', 'FLAGS', 'TITLE'], rows)) output.line(line);
}

function flagsOf(ad: Ad): string {
  const flags = [ad.pinned && 'pinned', ad.featured && 'featured', ad.iced && 'iced', ad.seller.business && 'business'];
  return flags.filter(Boolean).join(',') || '-';
}
