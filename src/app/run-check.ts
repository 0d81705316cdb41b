import { randomUUID } from 'node:crypto';
import type { ResolvedConfig } from '../config/schema.js';
import type { Ad } from '../domain/ad.js';
import { type AdDiff, diffAds } from '../domain/diff-ads.js';
import { needsHuman, ScrapeError } from '../domain/errors.js';
import type { AdEvent, WatchRef } from '../domain/events.js';
import { ExitCode } from '../domain/exit-codes.js';
import { groupBy } from '../domain/group-by.js';
import { believesMassDisappearance, describeMassDisappearance } from '../domain/mass-disappearance.js';
import { scrapeFailureHint } from '../domain/scrape-hint.js';
import type { FilteredChange } from '../domain/screen-changes.js';
import type { Watch } from '../domain/watch.js';
import { applyAdDiff, loadKnownAds } from '../store/ads-repo.js';
import { recordFilterVerdicts } from '../store/filters-repo.js';
import type { Db } from '../store/open-db.js';
import { recordEvent } from '../store/outbox-repo.js';
import { finishRun, startRun } from '../store/runs-repo.js';
import { getWatch, listWatches, recordCheckSuccess } from '../store/watches-repo.js';
import type { CheckRecord, CheckSummary } from './check-report.js';
import { createOutboxDelivery, type SendBatch } from './deliver-outbox.js';
import { type HoldSettings, holdForWatch } from './hold-policy.js';
import { type InsightSettings, recordReposts } from './note-changes.js';
import { letPendingSignalsIn } from './pending-signals.js';
import { reportEvents } from './report-events.js';
import { filtersOfWatch, reportFiltered } from './screen-check.js';
import { type AlertSettings, createWatchAlerts } from './watch-alerts.js';
import { buildWatchEvents, rulesOfWatch } from './watch-events.js';

/** What one scrape of a search returned. */
export interface WatchScrape {
  ads: Ad[];
  /** Every ad of the search was seen (no further page left unread). */
  complete: boolean;
}

/** Reads a search's pages; throws a ScrapeError when the site cannot be read. */
export type ScrapeSearch = (url: string, maxPages: number, signal: AbortSignal) => Promise<WatchScrape>;

/** Settings of a check run: the resolved config's fields it reads. */
export type CheckSettings = Pick<
  ResolvedConfig,
  'maxPages' | 'goneAfterMisses' | 'notify' | 'deliveryMaxAttempts' | 'deliveryBackoffMs'
> &
  Partial<Pick<ResolvedConfig, 'filter' | 'rules'>> &
  HoldSettings &
  AlertSettings &
  InsightSettings;

/** Everything a check run needs, injected so the run can be tested without a network. */
export interface CheckDependencies {
  db: Db;
  settings: CheckSettings;
  scrape: ScrapeSearch;
  send: SendBatch;
  mask: (target: string) => string;
  now: () => Date;
  signal: AbortSignal;
  report: (record: CheckRecord) => void;
  progress: (text: string) => void;
  pid: number;
}

/** Which watches to check and how. */
export interface CheckRequest {
  /** Check these watches (even when disabled); all enabled watches when empty. */
  watchIds: number[];
  dryRun: boolean;
}

/** One check run: deliver what is pending, read every watch once, record and report changes, deliver them. */
export async function runCheck(deps: CheckDependencies, request: CheckRequest): Promise<CheckSummary> {
  const started = deps.now();
  const counters = {
    watchesFailed: 0,
    needsHuman: false,
    newAds: 0,
    priceDrops: 0,
    priceRises: 0,
    priceChanges: 0,
    reactivated: 0,
    reappeared: 0,
    gone: 0,
    baselines: 0,
    filtered: 0,
    reposts: 0,
  };
  const delivery = createOutboxDelivery(deps);
  const watches = selectWatches(deps.db, request.watchIds);
  const runId = request.dryRun ? null : startRun(deps.db, started, deps.pid);
  const alerts = createWatchAlerts({ ...deps, runId, dryRun: request.dryRun });

  if (!request.dryRun) await delivery.deliverDue();

  let checked = 0;
  const recordFailure = (watch: Watch, failure: ReturnType<typeof describeFailure>): void => {
    counters.watchesFailed += 1;
    if (failure.needsHuman) counters.needsHuman = true;
    const { consecutiveFailures, alert } = alerts.watchFailed(watch, failure);
    deps.report({
      type: 'watch_error',
      watch: refOf(watch),
      error: { kind: failure.kind, message: failure.message, hint: failure.hint, consecutiveFailures },
    });
    if (alert !== null) deps.report(alert);
  };
  // Watches with the same canonical URL share one fetch.
  for (const [url, group] of groupBy(watches, (watch) => watch.url)) {
    await letPendingSignalsIn();
    if (deps.signal.aborted) break;
    deps.progress(`checking ${checked + 1}/${watches.length}: ${group[0]?.name ?? url}`);
    const maxPages = Math.max(...group.map((watch) => watch.maxPages ?? deps.settings.maxPages));
    const outcome = await deps.scrape(url, maxPages, deps.signal).then(
      (value) => ({ ok: true, value }) as const,
      (error: unknown) => ({ ok: false, error }) as const,
    );
    if (!outcome.ok) {
      // An interrupted read is not the site's fault; a search read in full is still recorded below.
      if (deps.signal.aborted) break;
      for (const watch of group) recordFailure(watch, describeFailure(outcome.error));
      checked += group.length;
      continue;
    }
    const scrape = outcome.value;
    for (const watch of group) {
      const recorded = recordScrape(deps, watch, scrape, runId, request.dryRun);
      checked += 1;
      if (recorded.held !== null) {
        const held = new ScrapeError('suspected_layout_change', recorded.held, { url: watch.url });
        recordFailure(watch, describeFailure(held));
        continue;
      }
      alerts.watchSucceeded(watch);
      if (recorded.baseline) {
        counters.baselines += 1;
        deps.report({ type: 'baseline', watch: refOf(watch), ads: scrape.ads.length });
      }
      counters.filtered += reportFiltered(refOf(watch), recorded.filtered, deps.report);
      reportEvents(refOf(watch), recorded.events, counters, deps.report);
    }
  }

  if (!request.dryRun && !deps.signal.aborted) await delivery.deliverDue();
  const tally = delivery.finish();

  const interrupted = deps.signal.aborted;
  const exitCode = counters.needsHuman
    ? ExitCode.siteUnrecognized
    : counters.watchesFailed > 0 || tally.dead > 0
      ? ExitCode.partialFailure
      : ExitCode.ok;
  const finished = deps.now();
  const summary: CheckSummary = {
    type: 'summary',
    dryRun: request.dryRun,
    watches: watches.length,
    watchesFailed: counters.watchesFailed,
    newAds: counters.newAds,
    priceDrops: counters.priceDrops,
    priceRises: counters.priceRises,
    priceChanges: counters.priceChanges,
    reactivated: counters.reactivated,
    reappeared: counters.reappeared,
    gone: counters.gone,
    baselines: counters.baselines,
    filtered: counters.filtered,
    reposts: counters.reposts,
    delivered: tally.delivered,
    deliveryRetries: tally.retries,
    deliveriesDead: tally.dead,
    interrupted,
    durationMs: finished.getTime() - started.getTime(),
    exitCode,
  };
  if (runId !== null) {
    finishRun(
      deps.db,
      runId,
      {
        watchesChecked: checked,
        watchesFailed: counters.watchesFailed,
        newAds: counters.newAds,
        priceChanges: counters.priceChanges,
        deliveriesFailed: tally.dead,
        exitCode: interrupted ? null : exitCode,
      },
      finished,
    );
  }
  return summary;
}

/**
 * Write one watch's scrape: its ads, events and outbox rows and its outcome, in one transaction, so a crash
 * leaves either all of it or none. A dry run computes the same changes and writes nothing.
 */
function recordScrape(
  deps: CheckDependencies,
  watch: Watch,
  scrape: WatchScrape,
  runId: number | null,
  dryRun: boolean,
): { baseline: boolean; events: AdEvent[]; filtered: FilteredChange[]; held: string | null } {
  const baseline = !watch.lastCheck.baselineDone && !watch.notifyExisting;
  // A dropped change is recorded like any other but never notified.
  const filters = filtersOfWatch(deps.db, deps.settings.filter ?? null, watch.id);
  const rules = rulesOfWatch(deps.db, deps.settings.rules ?? null, watch.id);
  const insight = deps.settings;
  const screen = (diff: AdDiff, now: Date) =>
    buildWatchEvents(deps.db, {
      watch: refOf(watch),
      diff,
      scraped: scrape.ads,
      baseline,
      filters,
      rules,
      now,
      insight,
    });
  const compute = () => {
    const known = loadKnownAds(
      deps.db,
      watch.id,
      scrape.ads.map((ad) => ad.id),
      { allActive: scrape.complete },
    );
    return diffAds(known, scrape.ads, {
      complete: scrape.complete,
      baseline,
      goneAfterMisses: deps.settings.goneAfterMisses,
      seenUpToId: watch.seenUpToId,
      acceptMassDisappearance: believesMassDisappearance(watch.lastCheck),
    });
  };
  if (dryRun) {
    const diff = compute();
    return {
      baseline,
      ...screen(diff, deps.now()),
      held: diff.massDisappearance && describeMassDisappearance(diff.massDisappearance),
    };
  }
  const targets = watch.notify.length > 0 ? watch.notify : deps.settings.notify;
  return deps.db
    .transaction(() => {
      const at = deps.now();
      const diff = compute();
      if (diff.massDisappearance !== null) {
        return { baseline, events: [], filtered: [], held: describeMassDisappearance(diff.massDisappearance) };
      }
      const screened = screen(diff, at);
      applyAdDiff(deps.db, watch.id, diff, at);
      recordFilterVerdicts(deps.db, watch.id, screened);
      recordReposts(deps.db, watch.id, screened.events);
      for (const event of screened.events) {
        recordEvent(deps.db, {
          watchId: watch.id,
          runId,
          event,
          idempotencyKey: randomUUID(),
          // A re-post the watch skips is recorded for its history, never sent.
          targets: event.type === 'reposted' && !event.notified ? [] : targets,
          now: at,
          holdUntil: holdForWatch(deps.db, deps.settings, watch.id, at),
        });
      }
      recordCheckSuccess(deps.db, watch.id, {
        at,
        baseline,
        adsSeen: scrape.ads.length,
        events: screened.events.length,
      });
      return { baseline, ...screened, held: null };
    })
    .immediate();
}

function selectWatches(db: Db, ids: number[]): Watch[] {
  if (ids.length === 0) return listWatches(db).filter((watch) => watch.enabled);
  // `check 1 1` names one watch: checking it twice would count its failure or baseline twice.
  return [...new Set(ids)].map((id) => getWatch(db, id)).filter((watch): watch is Watch => watch !== undefined);
}

function describeFailure(error: unknown): {
  kind: string;
  message: string;
  hint: string | undefined;
  needsHuman: boolean;
} {
  if (error instanceof ScrapeError) {
    return { kind: error.kind, message: error.message, hint: scrapeFailureHint(error), needsHuman: needsHuman(error) };
  }
  // A bug while reading one watch must not stop the others; it is recorded and shown like any failure.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'internal', message, hint: undefined, needsHuman: false };
}

function refOf(watch: Watch): WatchRef {
  return { id: watch.id, name: watch.name, url: watch.url };
}
