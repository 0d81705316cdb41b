// Small helpers shared by the benchmarks: summaries of repeated measurements and figures with their targets.

/** Median, min and max of some numbers, rounded to `decimals`. */
export function summarize(values, decimals = 1) {
  if (values.length === 0) throw new Error('nothing measured');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value) => Math.round(value * 10 ** decimals) / 10 ** decimals;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs: values.length };
}

/**
 * One reported figure. `target` is `{ max }` (the median must not exceed it), `{ within, of }` (the median must
 * lie within `within` × `of` of `of`), `{ everyAtLeast }` (no single value below it), or null for a figure shown
 * for context only.
 */
export function figure(name, unit, values, target, extra = {}) {
  const stats = Array.isArray(values) ? summarize(values, unit === 'ratio' ? 3 : 1) : values;
  let pass = null;
  let targetText = '';
  if (target && 'max' in target) {
    pass = stats.median <= target.max;
    targetText = `<= ${target.max}${unit === 'ratio' ? '×' : ` ${unit}`}`;
  } else if (target && 'within' in target) {
    pass = Math.abs(stats.median - target.of) <= target.within * target.of;
    targetText = `${target.of} ${unit} ± ${Math.round(target.within * 100)}%`;
  } else if (target && 'everyAtLeast' in target) {
    pass = stats.min >= target.everyAtLeast;
    targetText = `each >= ${target.everyAtLeast} ${unit}`;
  }
  return { name, unit, ...stats, target: targetText || null, limit: target ?? null, pass, ...extra };
}

/** A fixed-width text table of figures. */
export function formatTable(figures) {
  const header = ['figure', 'median', 'min', 'max', 'unit', 'target', 'result'];
  const rows = figures.map((item) => [
    item.name,
    String(item.median),
    item.min === null ? '-' : String(item.min),
    item.max === null ? '-' : String(item.max),
    item.unit,
    item.target ?? '-',
    item.pass === null ? 'info' : item.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
