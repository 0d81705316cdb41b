import type { Logger } from 'pino';
import type { CheckRecord, CheckSummary } from '../app/check-report.js';
import type { AppContext } from '../app/context.js';
import { exitCodeOfError, sendHeartbeat } from '../app/heartbeat.js';
import { createNotificationSender } from '../app/notification-sender.js';
import type { Output } from '../app/output.js';
import { renderCheckRecord } from '../app/render-check-record.js';
import { runCheck, type ScrapeSearch } from '../app/run-check.js';
import { withRunLock } from '../app/run-lock.js';
import { requireWatches } from '../app/watch-lookup.js';
import type { ResolvedConfig } from '../config/schema.js';
import { ExitCode } from '../domain/exit-codes.js';
import type { Db } from '../store/open-db.js';

interface CheckOptions {
  dryRun?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** `pyhabot check [id...]`: one run over every enabled watch (or the given ones). */
export async function run(
  context: AppContext,
  [watchIds]: [ids: number[] | undefined],
  options: CheckOptions,
): Promise<ExitCode> {
  const ids = watchIds ?? [];
  const { config } = await context.config();
  const db = await context.db(options.dryRun === true ? 'read' : 'write');
  const logger = await context.logger();
  if (ids.length > 0) requireWatches(db, ids);

  const printer = createCheckPrinter(context.output, { json: options.json === true, quiet: options.quiet === true });

  // Loaded only once the lock is held, so a run that collides with another exits 75 at once.
  const execute = async (): Promise<CheckSummary> => {
    const [{ createSiteClient }, { fetchListing }] = await Promise.all([
      import('../scrape/http-client.js'),
      import('../scrape/fetch-listing.js'),
    ]);
    const listingPreference = config.newestFirst
      ? ({ order: 'time', dir: 'd', blockSize: config.blockSize } as const)
      : null;
    const client = createSiteClient({ ...config, listingPreference });
    const scrape: ScrapeSearch = async (url, maxPages, signal) => {
      const started = Date.now();
      const result = await fetchListing(client, url, { maxPages, signal });
      logger.info(
        { url, pages: result.pages, ads: result.ads.length, complete: result.complete, ms: Date.now() - started },
        'scraped',
      );
      if (result.unreadableCards > 0) {
        logger.warn({ url, unreadableCards: result.unreadableCards }, 'some ad cards could not be read');
      }
      // Fewer than half, or the page would have been rejected; their last readable prices are kept.
      const unreadablePrices = result.ads.filter((ad) => ad.priceKind === 'unknown').length;
      if (unreadablePrices > 0) logger.warn({ url, unreadablePrices }, 'some prices could not be read');
      return { ads: result.ads, complete: result.complete };
    };
    const sender = await createNotificationSender({
      config,
      logger,
      userAgent: config.userAgent,
      db,
    });
    try {
      // Commands typed into a chat since the last run go first, so a watch added there is read now.
      const chatFailed = options.dryRun !== true && (await answerChatsFirst(context, { db, config, logger }));
      const summary = await runCheck(
        {
          db,
          settings: config,
          scrape,
          send: sender.send,
          mask: sender.mask,
          now: context.now,
          signal: context.signal,
          report: printer.report,
          progress: (text) => context.output.progress(text),
          pid: process.pid,
        },
        { watchIds: ids, dryRun: options.dryRun === true },
      );
      return chatFailed && summary.exitCode === 0 ? { ...summary, exitCode: ExitCode.partialFailure } : summary;
    } finally {
      client.close();
    }
  };
  try {
    const summary = options.dryRun
      ? await execute()
      : await withRunLock(
          {
            db,
            now: context.now,
            staleAfterMs: config.lockStaleMs,
            pid: process.pid,
            onTakeOver: (holder) => logger.warn({ holder }, 'took over the lock of a check that is no longer running'),
          },
          execute,
        );
    printer.finish(summary);
    logger.info({ ...summary }, 'check finished');
    // A dry run is not the scheduled check, and an interrupted one did not finish: neither pings.
    if (!options.dryRun && !summary.interrupted) await sendHeartbeat(config, summary.exitCode, logger);
    return summary.exitCode as ExitCode;
  } catch (error) {
    if (!options.dryRun) await sendHeartbeat(config, exitCodeOfError(error), logger);
    throw error;
  } finally {
    context.output.clearProgress();
  }
}

/** The chat step, loaded only when chat control is set up: true when a chat service could not be read. */
async function answerChatsFirst(
  context: AppContext,
  deps: { db: Db; config: ResolvedConfig; logger: Logger },
): Promise<boolean> {
  const { isChatConfigured } = await import('../chat/configured-transports.js');
  if (!isChatConfigured(deps.config)) return false;
  const { answerChatsBeforeCheck } = await import('../chat/check-step.js');
  return answerChatsBeforeCheck({
    ...deps,
    now: context.now,
    signal: context.signal,
    note: (line) => context.output.note(line),
  });
}

/** Prints records as they happen; with `quiet`, prints nothing at all unless something happened. */
function createCheckPrinter(
  output: Output,
  options: { json: boolean; quiet: boolean },
): { report(record: CheckRecord): void; finish(summary: CheckSummary): void } {
  let printedNews = false;
  // A re-post the watch skips is recorded like a filtered ad: not news.
  const isNews = (record: CheckRecord): boolean =>
    record.type !== 'baseline' &&
    record.type !== 'summary' &&
    record.type !== 'filtered' &&
    record.type !== 'held' &&
    !(record.type === 'reposted' && !record.notified);
  const print = (record: CheckRecord): void => {
    if (options.json) output.jsonLine(record);
    else for (const line of renderCheckRecord(record, output.styles)) output.line(line);
  };
  return {
    report(record) {
      if (options.quiet && !isNews(record)) return;
      if (isNews(record)) printedNews = true;
      print(record);
    },
    finish(summary) {
      if (options.quiet && !printedNews && summary.exitCode === 0) return;
      print(summary);
    },
  };
}
