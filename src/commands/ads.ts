import type { AppContext } from '../app/context.js';
import { displayText } from '../app/display-text.js';
import { formatRelativeTime, formatTable, plural } from '../app/format.js';
import { drawPriceSparkline } from '../app/price-sparkline.js';
import { requireWatch } from '../app/watch-lookup.js';
import { ExitCode } from '../domain/exit-codes.js';
import { truncateText } from '../domain/truncate-text.js';
import { countWatchAds, listRecordedAds } from '../store/ads-repo.js';
import { filteredAdRules } from '../store/filters-repo.js';

/** How many of an ad's latest prices its sparkline shows: enough for a trend, short enough for a table cell. */
const SPARKLINE_PRICES = 12;

/** `pyhabot ads <id>`: what a watch has seen, with current prices and their history. */
export async function run(
  context: AppContext,
  [id]: [id: number],
  options: { all?: boolean; filtered?: boolean; json?: boolean; limit?: number },
): Promise<ExitCode> {
  const db = await context.db();
  const watch = requireWatch(db, id);
  const includeGone = options.all === true;
  const limit = options.limit ?? 50;
  const rules = options.filtered ? filteredAdRules(db, watch.id) : null;
  const ads = rules
    ? listRecordedAds(db, watch.id, { includeGone })
        .filter((ad) => rules.has(ad.id))
        .slice(0, limit > 0 ? limit : undefined)
    : listRecordedAds(db, watch.id, { includeGone, ...(limit > 0 ? { limit } : {}) });
  const { output } = context;
  if (options.json) {
    output.json(rules ? ads.map((ad) => ({ ...ad, filteredBy: rules.get(ad.id) })) : ads);
    return ExitCode.ok;
  }
  if (ads.length === 0 && rules) {
    output.line(`Watch ${watch.id} has no ${options.all ? '' : 'active '}ads held back by a filter.`);
    return ExitCode.ok;
  }
  if (ads.length === 0) {
    output.line(
      watch.lastCheck.baselineDone
        ? `Watch ${watch.id} has no ${options.all ? '' : 'active '}ads recorded.`
        : `Watch ${watch.id} has not been checked yet; run \`pyhabot check ${watch.id}\`.`,
    );
    return ExitCode.ok;
  }
  const now = context.now();
  const { styles } = output;
  const rows = ads.map((ad) => {
    const history = ad.priceHistory.map((entry) => displayText(entry.priceText));
    const shownHistory = history.length > 1 ? history.slice(-4).join(' -> ') : displayText(ad.priceText);
    const trend = priceTrend(ad.priceHistory.map((entry) => (entry.priceKind === 'fixed' ? entry.price : null)));
    return [
      String(ad.id),
      truncateText(displayText(ad.title), 50),
      trend === null
        ? shownHistory
        : `${styles.cyan(drawPriceSparkline(trend, { unicode: output.unicode ?? true }))} ${shownHistory}`,
      formatRelativeTime(ad.firstSeenAt, now),
      formatRelativeTime(ad.lastSeenAt, now),
      ad.active ? 'active' : styles.dim('gone'),
      ...(rules ? [rules.get(ad.id) ?? ''] : []),
    ];
  });
  const header = ['AD', 'TITLE', 'PRICE', 'FIRST SEEN', 'LAST SEEN', 'STATE', ...(rules ? ['FILTERED BY'] : [])];
  const table = await formatTable(header, rows, { width: output.width, shrinkable: [1, 2] });
  for (const line of table) output.line(line);
  if (limit > 0 && ads.length === limit && !rules) {
    const counts = countWatchAds(db, watch.id);
    const total = includeGone ? counts.active + counts.gone : counts.active;
    if (total > ads.length) {
      output.line(styles.dim(`${plural(total - ads.length, 'older ad', 'older ads')} not shown; --limit 0 shows all`));
    }
  }
  return ExitCode.ok;
}

/** The last prices of an ad worth a sparkline: at least two of them amounts; null otherwise. */
function priceTrend(prices: Array<number | null>): Array<number | null> | null {
  const recent = prices.slice(-SPARKLINE_PRICES);
  return recent.filter((price) => price !== null).length > 1 ? recent : null;
}
