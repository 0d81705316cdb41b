import type { AppContext } from '../app/context.js';
import { priceStatsJson, printPriceStats } from '../app/price-stats-view.js';
import { requireWatch } from '../app/watch-lookup.js';
import { ExitCode } from '../domain/exit-codes.js';
import { buildPriceOverview } from '../domain/price-overview.js';
import { listCheapestActiveAds, listPricedListings } from '../store/price-history-repo.js';

/** How many of the cheapest active ads `stats` lists. */
const CHEAPEST_ADS = 5;

/** Options of `pyhabot stats`. */
export interface StatsOptions {
  days?: number;
  json?: boolean;
}

/** `pyhabot stats <id>`: what a watch's ads asked over the last days, and what they ask now. */
export async function run(context: AppContext, [id]: [id: number], options: StatsOptions): Promise<ExitCode> {
  const db = await context.db();
  const watch = requireWatch(db, id);
  const days = options.days ?? 90;
  const now = context.now();
  const since = new Date(now.getTime() - days * 86_400_000);
  const overview = buildPriceOverview(listPricedListings(db, watch.id, since), { now, days });
  const cheapest = listCheapestActiveAds(db, watch.id, CHEAPEST_ADS);
  if (options.json) context.output.json(priceStatsJson(watch, overview, cheapest));
  else await printPriceStats(context.output, watch, overview, cheapest, now);
  return ExitCode.ok;
}
