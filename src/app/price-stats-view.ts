import { formatForint } from '../domain/forint.js';
import type { PriceOverview } from '../domain/price-overview.js';
import { truncateText } from '../domain/truncate-text.js';
import type { Watch } from '../domain/watch.js';
import type { CheapAd } from '../store/price-history-repo.js';
import { displayText } from './display-text.js';
import { formatRelativeTime, formatTable, plural } from './format.js';
import type { Output } from './output.js';
import { drawPriceBars } from './price-bars.js';
import { drawWeeklyMedianChart } from './price-chart.js';
import { wrapWords } from './wrap-words.js';

/** Columns a chart uses when output goes to a pipe or a file, which have no width of their own. */
const DEFAULT_WIDTH = 80;
/** Rows of the weekly median chart. */
const CHART_HEIGHT = 8;

/** The figures of `pyhabot stats --json`, in whole forints. */
export function priceStatsJson(watch: Watch, overview: PriceOverview, cheapest: CheapAd[]): unknown {
  const { summary } = overview;
  const round = (value: number | undefined): number | null => (value === undefined ? null : Math.round(value));
  return {
    watch: { id: watch.id, name: watch.name, url: watch.url },
    days: overview.days,
    since: overview.since,
    count: summary?.count ?? 0,
    unpriced: overview.unpriced,
    kept: summary?.kept ?? 0,
    min: round(summary?.min),
    q1: round(summary?.q1),
    median: round(summary?.median),
    q3: round(summary?.q3),
    max: round(summary?.max),
    weeks: overview.weeks.map((week) => ({ ...week, median: week.median === null ? null : Math.round(week.median) })),
    histogram: overview.histogram,
    cheapest,
  };
}

/** `pyhabot stats` as text: the figures, the weekly median chart, the current prices and the cheapest ads. */
export async function printPriceStats(
  output: Output,
  watch: Watch,
  overview: PriceOverview,
  cheapest: CheapAd[],
  now: Date,
): Promise<void> {
  const { styles } = output;
  const width = output.width ?? DEFAULT_WIDTH;
  const unicode = output.unicode ?? true;
  const { summary } = overview;
  const prose = (text: string, style: (line: string) => string = (line) => line): void => {
    for (const line of wrapWords(text, width)) output.line(style(line));
  };
  const window = `, last ${plural(overview.days, 'day', 'days')}`;
  const name = truncateText(displayText(watch.name), Math.max(8, width - `Watch ${watch.id} ()${window}`.length));
  output.line(styles.bold(`Watch ${watch.id} (${name})${window}`));
  if (summary === null) {
    const unpriced = overview.unpriced > 0 ? ` (${plural(overview.unpriced, 'ad', 'ads')} without one)` : '';
    prose(`No ad with a price was listed in that time${unpriced}.`);
    if (!watch.lastCheck.baselineDone) prose(`Run \`pyhabot check ${watch.id}\` to record its ads.`, styles.dim);
    return;
  }
  const without = overview.unpriced > 0 ? `, ${overview.unpriced} without one` : '';
  prose(`${plural(summary.count, 'ad', 'ads')} with a price${without}`);
  if (summary.kept < summary.count) {
    prose(`figures from the middle ${summary.kept}: the cheapest and dearest 5 % left out`, styles.dim);
  }
  const amount = (value: number): string => formatForint(value);
  const range = (low: number, high: number): string =>
    low === high ? amount(low) : `${formatForint(low).replace(/ Ft$/, '')} – ${amount(high)}`;
  for (const [label, value] of [
    ['median', amount(summary.median)],
    ['quartiles', range(summary.q1, summary.q3)],
    ['range', range(summary.min, summary.max)],
  ] as const) {
    output.line(`  ${label.padEnd(10)}${value}`);
  }

  const chart = drawWeeklyMedianChart(overview.weeks, { width, height: CHART_HEIGHT, unicode, styles });
  output.line();
  output.line(styles.bold('Median asking price week by week (Ft)'));
  for (const line of chart) output.line(line);

  const { histogram } = overview;
  const active = histogram.bins.reduce((total, bin) => total + bin.count, 0) + histogram.leftOut;
  output.line();
  output.line(styles.bold(`Prices asked now (${plural(active, 'active ad', 'active ads')})`));
  if (histogram.bins.length === 0) output.line('No active ad asks a price.');
  for (const line of drawPriceBars(histogram, { width, unicode, styles })) output.line(line);
  if (histogram.leftOut > 0) {
    prose(`${plural(histogram.leftOut, 'extreme price', 'extreme prices')} left out`, styles.dim);
  }

  if (cheapest.length === 0) return;
  output.line();
  output.line(styles.bold('Cheapest active ads'));
  const rows = cheapest.map((ad) => [
    String(ad.id),
    formatForint(ad.price),
    displayText(ad.title),
    formatRelativeTime(ad.firstSeenAt, now),
  ]);
  const table = await formatTable(['AD', 'PRICE', 'TITLE', 'FIRST SEEN'], rows, { width, shrinkable: [2] });
  for (const line of table) output.line(line);
}
