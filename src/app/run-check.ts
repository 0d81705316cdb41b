import { randomUUID } from 'node:crypto';
import type { Ad } from '../domain/ad.js';
import type { AdFilter } from '../domain/ad-filter.js';
import { type AdChange, diffAds } from '../domain/diff-ads.js';
import { needsHuman, ScrapeError } from '../domain/errors.js';
import type { AdEvent, WatchRef } from '../domain/events.js';
import { ExitCode } from '../domain/exit-codes.js';
import { type FilteredChange, screenChanges, watchFilters } from '../domain/screen-changes.js';
import type { Watch } from '../domain/watch.js';
import { applyAdDiff, loadKnownAds } from '../store/ads-repo.js';
import { getWatchFilter, recordFilterVerdicts } from '../store/filters-repo.js';
import type { Db } from '../store/open-db.js';
import { recordEvent } from '../store/outbox-repo.js';
import { finishRun, startRun } from '../store/runs-repo.js';
import { getWatch, listWatches, recordCheckFailure, recordCheckSuccess } from '../store/watches-repo.js';
import type { CheckRecord, CheckSummary } from './check-report.js';
import { type DeliveryTally, deliverOutbox, type SendBatch } from './deliver-outbox.js';
import { readAhead, type StartNext } from './read-ahead.js';

/** What one scrape of a search returned. */
export interface WatchScrape {
  ads: Ad[];
  /** Every ad of the search was seen (no further page left unread). */
  complete: boolean;
}

/**
 * Reads a search's pages; throws a ScrapeError when the site cannot be read. Calls `afterLastRequest` (and
 * waits for it) once the last page has arrived and before it is read, so the next search can be requested.
 */
export type ScrapeSearch = (
  url: string,
  maxPages: number,
  signal: AbortSignal,
  afterLastRequest?: () => Promise<void>,
) => Promise<WatchScrape>;

/** Settings of a check run, from the resolved config. */
export interface CheckSettings {
  maxPages: number;
  goneAfterMisses: number;
  notify: string[];
  deliveryMaxAttempts: number;
  deliveryBackoffMs: number;
  /** The config's global ad filter; null or absent when there is none. */
  filter?: AdFilter | null;
}

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
    baselines: 0,
    filtered: 0,
  };
  const delivery: DeliveryTally = { delivered: 0, retries: 0, dead: 0 };
  const watches = selectWatches(deps.db, request.watchIds);
  const runId = request.dryRun ? null : startRun(deps.db, started, deps.pid);

  if (!request.dryRun) addTally(delivery, await deliver(deps));

  const groups = [...groupByUrl(watches)];
  const watchesBefore = groupOffsets(groups);
  // Cuts off a search still being read ahead when the run ends early (an error while recording).
  const readAheadAbort = new AbortController();
  const scrapeSignal = AbortSignal.any([deps.signal, readAheadAbort.signal]);
  const startScrape = ([url, group]: [string, Watch[]], index: number, startNext: StartNext) => {
    deps.progress(`checking ${(watchesBefore[index] ?? 0) + 1}/${watches.length}: ${group[0]?.name ?? url}`);
    const maxPages = Math.max(...group.map((watch) => watch.maxPages ?? deps.settings.maxPages));
    return deps.scrape(url, maxPages, scrapeSignal, startNext);
  };
  let checked = 0;
  try {
    for await (const { item, outcome } of readAhead(groups, startScrape, () => !deps.signal.aborted)) {
      const group = item[1];
      if (!outcome.ok) {
        // An interrupted read is not the site's fault; a search read in full is still recorded below.
        if (deps.signal.aborted) break;
        const failure = describeFailure(outcome.error);
        for (const watch of group) {
          counters.watchesFailed += 1;
          if (failure.needsHuman) counters.needsHuman = true;
          let consecutiveFailures = watch.lastCheck.consecutiveFailures + 1;
          if (!request.dryRun) {
            recordCheckFailure(deps.db, watch.id, { at: deps.now(), kind: failure.kind, message: failure.message });
            consecutiveFailures = getWatch(deps.db, watch.id)?.lastCheck.consecutiveFailures ?? consecutiveFailures;
          }
          deps.report({
            type: 'watch_error',
            watch: refOf(watch),
            error: { kind: failure.kind, message: failure.message, consecutiveFailures },
          });
        }
        checked += group.length;
        continue;
      }
      const scrape = outcome.value;
      for (const watch of group) {
        const recorded = recordScrape(deps, watch, scrape, runId, request.dryRun);
        checked += 1;
        if (recorded.baseline) {
          counters.baselines += 1;
          deps.report({ type: 'baseline', watch: refOf(watch), ads: scrape.ads.length });
        }
        counters.filtered += recorded.filtered.length;
        for (const { change, rule } of recorded.filtered) {
          deps.report({ type: 'filtered', watch: refOf(watch), change: change.type, ad: change.ad, rule });
        }
        for (const change of recorded.changes) {
          if (change.type === 'new_ad') {
            counters.newAds += 1;
            deps.report({ type: 'new_ad', watch: refOf(watch), ad: change.ad });
          } else {
            counters.priceChanges += 1;
            const oldPrice = change.previous.price;
            const newPrice = change.ad.price;
            if (oldPrice !== null && newPrice !== null && newPrice < oldPrice) counters.priceDrops += 1;
            if (oldPrice !== null && newPrice !== null && newPrice > oldPrice) counters.priceRises += 1;
            deps.report({
              type: 'price_changed',
              watch: refOf(watch),
              ad: change.ad,
              oldPrice,
              newPrice,
              oldPriceText: change.previous.priceText,
              newPriceText: change.ad.priceText,
            });
          }
        }
      }
    }
  } finally {
    readAheadAbort.abort();
  }

  if (!request.dryRun && !deps.signal.aborted) addTally(delivery, await deliver(deps));

  const interrupted = deps.signal.aborted;
  const exitCode = counters.needsHuman
    ? ExitCode.siteUnrecognized
    : counters.watchesFailed > 0 || delivery.dead > 0
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
    baselines: counters.baselines,
    filtered: counters.filtered,
    delivered: delivery.delivered,
    deliveryRetries: delivery.retries,
    deliveriesDead: delivery.dead,
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
        deliveriesFailed: delivery.dead,
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
): { baseline: boolean; changes: AdChange[]; filtered: FilteredChange[] } {
  const baseline = !watch.lastCheck.baselineDone && !watch.notifyExisting;
  // A dropped change is recorded like any other but never notified.
  const filters = watchFilters(deps.settings.filter ?? null, getWatchFilter(deps.db, watch.id));
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
    });
  };
  if (dryRun) return { baseline, ...screenChanges(filters, compute().changes) };
  const targets = watch.notify.length > 0 ? watch.notify : deps.settings.notify;
  return deps.db
    .transaction(() => {
      const at = deps.now();
      const diff = compute();
      const screened = screenChanges(filters, diff.changes);
      applyAdDiff(deps.db, watch.id, diff, at);
      recordFilterVerdicts(deps.db, watch.id, screened);
      for (const change of screened.changes) {
        recordEvent(deps.db, {
          watchId: watch.id,
          runId,
          event: toEvent(watch, change),
          idempotencyKey: randomUUID(),
          targets,
          now: at,
        });
      }
      recordCheckSuccess(deps.db, watch.id, {
        at,
        baseline,
        adsSeen: scrape.ads.length,
        events: screened.changes.length,
      });
      return { baseline, ...screened };
    })
    .immediate();
}

function deliver(deps: CheckDependencies): Promise<DeliveryTally> {
  return deliverOutbox({
    db: deps.db,
    now: deps.now,
    send: deps.send,
    maxAttempts: deps.settings.deliveryMaxAttempts,
    backoffBaseMs: deps.settings.deliveryBackoffMs,
    signal: deps.signal,
    mask: deps.mask,
    report: deps.report,
  });
}

function selectWatches(db: Db, ids: number[]): Watch[] {
  if (ids.length === 0) return listWatches(db).filter((watch) => watch.enabled);
  return ids.map((id) => getWatch(db, id)).filter((watch): watch is Watch => watch !== undefined);
}

/** How many watches the groups before each group hold, for progress messages. */
function groupOffsets(groups: ReadonlyArray<[string, Watch[]]>): number[] {
  let total = 0;
  return groups.map(([, group]) => {
    const before = total;
    total += group.length;
    return before;
  });
}

/** Watches with the same canonical URL share one fetch. */
function groupByUrl(watches: Watch[]): Map<string, Watch[]> {
  const groups = new Map<string, Watch[]>();
  for (const watch of watches) {
    const group = groups.get(watch.url);
    if (group) group.push(watch);
    else groups.set(watch.url, [watch]);
  }
  return groups;
}

function describeFailure(error: unknown): { kind: string; message: string; needsHuman: boolean } {
  if (error instanceof ScrapeError) {
    return { kind: error.kind, message: error.message, needsHuman: needsHuman(error) };
  }
  // A bug while reading one watch must not stop the others; it is recorded and shown like any failure.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'internal', message, needsHuman: false };
}

function toEvent(watch: Watch, change: AdChange): AdEvent {
  const ref = refOf(watch);
  if (change.type === 'new_ad') return { type: 'new_ad', watch: ref, ad: change.ad };
  return {
    type: 'price_changed',
    watch: ref,
    ad: change.ad,
    oldPrice: change.previous.price,
    newPrice: change.ad.price,
    oldPriceKind: change.previous.priceKind,
    newPriceKind: change.ad.priceKind,
    oldPriceText: change.previous.priceText,
    ...(change.nowUnderLimit === undefined ? {} : { nowUnderLimit: change.nowUnderLimit }),
  };
}

function refOf(watch: Watch): WatchRef {
  return { id: watch.id, name: watch.name, url: watch.url };
}

function addTally(total: DeliveryTally, part: DeliveryTally): void {
  total.delivered += part.delivered;
  total.retries += part.retries;
  total.dead += part.dead;
}
