/** Human-friendly text helpers shared by commands; pure. */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

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

/** A moment as a date and time in the user's locale and time zone, e.g. "19 Dec 2025, 16:20". */
export function formatLocalDateTime(moment: string | Date): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  if (Number.isNaN(date.getTime())) return String(moment);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
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

const GAP = '  ';
const MIN_SHRUNK_WIDTH = 8;

/**
 * Lay out rows as aligned columns, measured in terminal cells (colour codes, accents, wide characters and emoji
 * count as they display). With a width, the shrinkable columns are cut to fit it; a row is never wrapped.
 */
export function formatTable(header: string[], rows: string[][], layout: TableLayout = {}): string[] {
  const widths = header.map((title, column) =>
    Math.max(stringWidth(title), ...rows.map((row) => stringWidth(row[column] ?? ''))),
  );
  const { width } = layout;
  if (width !== undefined) shrinkColumns(widths, width, layout.shrinkable ?? [], header);
  const render = (cells: string[]): string => {
    const line = cells
      .map((cell, column) => {
        const columnWidth = widths[column] ?? 0;
        const fitted = stringWidth(cell) > columnWidth ? cliTruncate(cell, columnWidth) : cell;
        return column === cells.length - 1 ? fitted : pad(fitted, columnWidth);
      })
      .join(GAP)
      .trimEnd();
    // The last resort when even the cut columns leave the row too wide: cut the row, never wrap it.
    return width !== undefined && stringWidth(line) > width ? cliTruncate(line, width) : line;
  };
  return [render(header), ...rows.map(render)];
}

/** Cut the widest shrinkable column, one cell at a time, until the row fits or nothing more can be cut. */
function shrinkColumns(widths: number[], width: number, shrinkable: readonly number[], header: string[]): void {
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

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
