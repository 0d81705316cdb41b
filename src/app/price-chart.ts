import asciichart from 'asciichart';
import { formatForint } from '../domain/forint.js';
import { roundStep } from '../domain/round-step.js';
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
  const axis = roundAxis(Math.min(...values), Math.max(...values), layout.height);
  const labelWidth = Math.max(formatLabel(axis.min).length, formatLabel(axis.max).length);
  const plotWidth = Math.max(1, layout.width - labelWidth - AXIS_WIDTH - 1);
  const shown = values.slice(-plotWidth);
  const shownWeeks = drawn.slice(-plotWidth);
  const perWeek = Math.max(1, Math.min(MAX_COLUMNS_PER_WEEK, Math.floor(plotWidth / shown.length)));
  const series = shown.flatMap((value) => Array.from({ length: perWeek }, () => value));
  const plot = asciichart.plot(series, {
    ...axis,
    format: (value: number) => formatLabel(value).padStart(labelWidth),
  });
  // asciichart also marks the top row as the series' start when the axis begins at 0; only the real start keeps it.
  const startRow =
    axis.min === axis.max ? 0 : axis.height - Math.round(((series[0] as number) - axis.min) / axisStep(axis));
  const axisAt = labelWidth + 1;
  const lines = plot.split('\n').map((line, row) => {
    const fixed =
      row !== startRow && line[axisAt] === '┼' ? `${line.slice(0, axisAt)}┤${line.slice(axisAt + 1)}` : line;
    const text = layout.unicode ? fixed : toAsciiChart(fixed);
    const plotStart = labelWidth + AXIS_WIDTH;
    return `${text.slice(0, plotStart)}${layout.styles.cyan(text.slice(plotStart).trimEnd())}`;
  });
  const first = shownWeeks[0]?.start.slice(0, 10) ?? '';
  const last = shownWeeks.at(-1)?.end.slice(0, 10) ?? '';
  const span = series.length;
  // Under the plot's ends when both fit there, else side by side.
  const dates =
    first.length + last.length + 1 <= span
      ? `${first}${' '.repeat(span - first.length - last.length)}${last}`
      : `${first} to ${last}`;
  lines.push(layout.styles.dim(`${' '.repeat(labelWidth + AXIS_WIDTH)}${dates}`));
  return lines;
}

/**
 * Bounds and rows that put every label on a round amount (0, 10 000, 20 000 … rather than 74 913), in at most
 * `maxRows` rows; a flat line gets one row.
 */
function roundAxis(low: number, high: number, maxRows: number): { min: number; max: number; height: number } {
  if (low === high) return { min: low, max: high, height: 1 };
  let step = roundStep((high - low) / maxRows);
  for (;;) {
    const min = Math.floor(low / step) * step;
    const max = Math.ceil(high / step) * step;
    const rows = Math.round((max - min) / step);
    if (rows <= maxRows) return { min, max, height: rows };
    step = roundStep(step * 1.001);
  }
}

function axisStep(axis: { min: number; max: number; height: number }): number {
  return (axis.max - axis.min) / axis.height;
}

function formatLabel(value: number): string {
  return formatForint(value).replace(/ Ft$/, '');
}
