/** Human-friendly text helpers shared by commands; pure. */

/** "just now", "5 min ago", "3 h ago", "2 days ago", or "never". */
export function formatRelativeTime(iso: string | null, now: Date): string {
  if (iso === null) return 'never';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((now.getTime() - then) / 1000);
  if (seconds < 0) return 'in the future';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** A moment as a date and time in the user's locale and time zone: "19 Dec 2025, 16:20", or "19/12/2025, 16:20". */
export function formatLocalDateTime(moment: string | Date, dateStyle: 'medium' | 'short' = 'medium'): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  if (Number.isNaN(date.getTime())) return String(moment);
  return date.toLocaleString(undefined, { dateStyle, timeStyle: 'short' });
}

/** "1 watch", "2 watches": a count with the noun in the right number. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** How a table may be fitted into a terminal. */
export interface TableLayout {
  /** Columns to fit every line into; undefined keeps full rows (output to a pipe or a file). */
  width?: number | undefined;
  /** Indexes of the text columns that may be cut, with an ellipsis, to fit; the widest is cut first. */
  shrinkable?: readonly number[];
}

/** How wide text displays in a terminal, and how to cut it to a width with an ellipsis. */
interface TextMeasure {
  width(text: string): number;
  truncate(text: string, width: number): string;
}

const GAP = '  ';
const MIN_SHRUNK_WIDTH = 8;
// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are measured as zero width
const COLOUR_CODE = /\u001b\[[0-9;]*m/g;
// Printable ASCII and Latin letters with accents (Hungarian included): one terminal cell per UTF-16 unit.
const ONE_CELL_TEXT = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f]*$/;

/** Measures text that is all one-cell characters, without loading anything. */
const oneCellMeasure: TextMeasure = {
  width: (text) => text.replace(COLOUR_CODE, '').length,
  truncate: (text) => text,
};

/**
 * Lay out rows as aligned columns, measured in terminal cells (colour codes, accents, wide characters and emoji
 * count as they display). With a width, the shrinkable columns are cut to fit it; a row is never wrapped.
 */
export async function formatTable(header: string[], rows: string[][], layout: TableLayout = {}): Promise<string[]> {
  // string-width and cli-truncate compile large Unicode regular expressions when loaded (tens of milliseconds,
  // more than `list` itself); a table of plain Latin text that needs no cutting is laid out without them.
  const cells = [header, ...rows].flat();
  if (cells.every((cell) => ONE_CELL_TEXT.test(cell.replace(COLOUR_CODE, '')))) {
    const lines = layoutTable(header, rows, {}, oneCellMeasure);
    const { width } = layout;
    if (width === undefined || lines.every((line) => oneCellMeasure.width(line) <= width)) return lines;
  }
  const [{ default: stringWidth }, { default: cliTruncate }] = await Promise.all([
    import('string-width'),
    import('cli-truncate'),
  ]);
  return layoutTable(header, rows, layout, { width: stringWidth, truncate: cliTruncate });
}

function layoutTable(header: string[], rows: string[][], layout: TableLayout, measure: TextMeasure): string[] {
  const stringWidth = measure.width;
  const cliTruncate = measure.truncate;
  const widths = header.map((title, column) =>
    Math.max(stringWidth(title), ...rows.map((row) => stringWidth(row[column] ?? ''))),
  );
  const { width } = layout;
  if (width !== undefined) shrinkColumns(widths, width, layout.shrinkable ?? [], header, stringWidth);
  const render = (cells: string[]): string => {
    const line = cells
      .map((cell, column) => {
        const columnWidth = widths[column] ?? 0;
        const fitted = stringWidth(cell) > columnWidth ? cliTruncate(cell, columnWidth) : cell;
        return column === cells.length - 1
          ? fitted
          : fitted + ' '.repeat(Math.max(0, columnWidth - stringWidth(fitted)));
      })
      .join(GAP)
      .trimEnd();
    // The last resort when even the cut columns leave the row too wide: cut the row, never wrap it.
    return width !== undefined && stringWidth(line) > width ? cliTruncate(line, width) : line;
  };
  return [render(header), ...rows.map(render)];
}

/** Cut the widest shrinkable column, one cell at a time, until the row fits or nothing more can be cut. */
function shrinkColumns(
  widths: number[],
  width: number,
  shrinkable: readonly number[],
  header: string[],
  stringWidth: (text: string) => number,
): void {
  const floor = (column: number): number => Math.max(MIN_SHRUNK_WIDTH, stringWidth(header[column] ?? ''));
  let excess = widths.reduce((sum, w) => sum + w, 0) + GAP.length * (widths.length - 1) - width;
  while (excess > 0) {
    let widest = -1;
    for (const column of shrinkable) {
      const current = widths[column] ?? 0;
      if (current > floor(column) && (widest === -1 || current > (widths[widest] ?? 0))) widest = column;
    }
    if (widest === -1) return;
    widths[widest] = (widths[widest] ?? 0) - 1;
    excess -= 1;
  }
}
