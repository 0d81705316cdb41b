import asciichart from 'asciichart';
import { formatForint } from '../domain/forint.js';
import type { WeeklyMedian } from '../domain/weekly-medians.js';
import { toAsciiChart } from './ascii-fallback.js';
import type { Styles } from './output.js';

/** How a chart is fitted and drawn. */
export interface ChartLayout {
  /** Columns the chart may use. */
  width: number;
  /** Rows of the plot. */
  height: number;
  unicode: boolean;
  styles: Pick<Styles, 'cyan' | 'dim'>;
}

/** A week's column is repeated up to this many times, so a few weeks still make a chart one can read. */
const MAX_COLUMNS_PER_WEEK = 4;
/** The gap asciichart leaves between a label and the axis, and the axis itself. */
const AXIS_WIDTH = 2;

/**
 * The weekly median as a line chart with forint labels and the first and last week's dates under it, fitted into
 * the width (the oldest weeks are left out when they do not fit). A week without a priced ad repeats the week
 * before; the weeks before the first priced one are not drawn. Empty when no week has a median.
 */
export function drawWeeklyMedianChart(weeks: readonly WeeklyMedian[], layout: ChartLayout): string[] {
  const firstPriced = weeks.findIndex((week) => week.median !== null);
  if (firstPriced === -1) return [];
  const drawn = weeks.slice(firstPriced);
  const values: number[] = [];
  for (const week of drawn) values.push(week.median ?? (values.at(-1) as number));
  const labelWidth = Math.max(...values.map((value) => formatLabel(value).length));
  const plotWidth = Math.max(1, layout.width - labelWidth - AXIS_WIDTH - 1);
  const shown = values.slice(-plotWidth);
  const shownWeeks = drawn.slice(-plotWidth);
  const perWeek = Math.max(1, Math.min(MAX_COLUMNS_PER_WEEK, Math.floor(plotWidth / shown.length)));
  const series = shown.flatMap((value) => Array.from({ length: perWeek }, () => value));
  const constant = Math.min(...series) === Math.max(...series);
  const plot = asciichart.plot(series, {
    // A flat line needs one row; asciichart would otherwise repeat one label down the axis.
    height: constant ? 1 : layout.height,
    format: (value: number) => formatLabel(value).padStart(labelWidth),
  });
  const lines = plot.split('\n').map((line) => {
    const axis = labelWidth + AXIS_WIDTH;
    const text = layout.unicode ? line : toAsciiChart(line);
    return `${text.slice(0, axis)}${layout.styles.cyan(text.slice(axis).trimEnd())}`;
  });
  const first = shownWeeks[0]?.start.slice(0, 10) ?? '';
  const last = shownWeeks.at(-1)?.end.slice(0, 10) ?? '';
  const span = series.length;
  const dates =
    first.length + last.length + 1 <= span ? `${first}${' '.repeat(span - first.length - last.length)}${last}` : first;
  lines.push(layout.styles.dim(`${' '.repeat(labelWidth + AXIS_WIDTH)}${dates}`));
  return lines;
}

function formatLabel(value: number): string {
  return formatForint(value).replace(/ Ft$/, '');
}
