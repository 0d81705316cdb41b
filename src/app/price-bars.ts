import { formatForint } from '../domain/forint.js';
import type { PriceHistogram } from '../domain/price-histogram.js';
import { toAsciiChart } from './ascii-fallback.js';
import type { Styles } from './output.js';

/** The longest bar, in columns, however wide the terminal. */
const MAX_BAR = 40;

/**
 * A price histogram as horizontal bars, one line a price range: "40 000–45 000 Ft  ████████  12". Drawn here
 * rather than by a chart library: it is a label, a repeated block and a count, fitted into `width`.
 */
export function drawPriceBars(
  histogram: PriceHistogram,
  layout: { width: number; unicode: boolean; styles: Pick<Styles, 'cyan'> },
): string[] {
  const labels = histogram.bins.map((bin) =>
    bin.from === bin.to
      ? formatForint(bin.from)
      : `${formatForint(bin.from).replace(/ Ft$/, '')}–${formatForint(bin.to)}`,
  );
  const labelWidth = Math.max(0, ...labels.map((label) => label.length));
  const counts = histogram.bins.map((bin) => String(bin.count));
  const countWidth = Math.max(0, ...counts.map((count) => count.length));
  const barSpace = Math.max(1, Math.min(MAX_BAR, layout.width - labelWidth - countWidth - 4));
  const most = Math.max(1, ...histogram.bins.map((bin) => bin.count));
  return histogram.bins.map((bin, index) => {
    // Any ad at all gets a visible bar; an empty range gets none.
    const length = bin.count === 0 ? 0 : Math.max(1, Math.round((bin.count / most) * barSpace));
    const bar = '█'.repeat(length);
    const line = `${(labels[index] ?? '').padStart(labelWidth)}  ${layout.styles.cyan(bar)}${' '.repeat(barSpace - length)}  ${(counts[index] ?? '').padStart(countWidth)}`;
    return layout.unicode ? line : toAsciiChart(line);
  });
}
