import { readFile } from 'node:fs/promises';
import { describeAdFlags, describeAdPrice } from '../app/ad-display.js';
import type { AppContext } from '../app/context.js';
import { displayText } from '../app/display-text.js';
import { formatLocalDateTime, formatTable, plural } from '../app/format.js';
import { describeFileError } from '../domain/describe-file-error.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import type { ListingPage } from '../domain/listing.js';
import { truncateText } from '../domain/truncate-text.js';

export interface ParseOptions {
  json?: boolean;
  capturedAt?: Date;
  baseUrl?: string;
}

const DEFAULT_BASE_URL = 'https://hardverapro.hu/aprok/index.html';

/** `pyhabot parse <file-or-url>`: show what pyhabot reads from a listing page. */
export async function run(context: AppContext, [source]: [source: string], options: ParseOptions): Promise<ExitCode> {
  const capturedAt = options.capturedAt ?? context.now();
  const { html, pageUrl } = /^https?:\/\//i.test(source)
    ? await fetchSource(context, source)
    : { html: await readSource(source), pageUrl: validateBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL) };
  const { parseListing } = await import('../scrape/parse-listing.js');
  const page = parseListing(html, pageUrl, capturedAt);
  await printPage(context, page, options.json === true);
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

async function printPage(context: AppContext, page: ListingPage, json: boolean): Promise<void> {
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
  output.line(`${verdict}${page.reason ? `: ${displayText(page.reason)}` : ''}`);
  output.line(
    plural(page.ads.length, 'ad', 'ads') +
      (page.total === null ? '' : `, about ${page.total} in the whole search`) +
      (page.unreadableCards > 0 ? `, ${plural(page.unreadableCards, 'card', 'cards')} unreadable` : ''),
  );
  if (page.nextPage) output.line(`next page: ${displayText(page.nextPage)}`);
  if (page.ads.length === 0) return;
  output.line();
  // The site's own words ("Előresorolva", "ma 16:20") stay in --json; the table speaks pyhabot's.
  const rows = page.ads.map((ad) => [
    String(ad.id),
    describeAdPrice(ad),
    ad.postedAt === null ? '-' : formatLocalDateTime(ad.postedAt, 'short'),
    describeAdFlags(ad),
    truncateText(displayText(ad.title), 60),
  ]);
  const table = await formatTable(['ID', 'PRICE', 'POSTED', 'FLAGS', 'TITLE'], rows, {
    width: output.width,
    shrinkable: [4, 3, 1],
  });
  for (const line of table) output.line(line);
}
