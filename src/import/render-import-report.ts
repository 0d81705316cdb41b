import type { Output } from '../app/output.js';
import type { ImportReport, WatchImportResult } from './import-report.js';

/** Print the import report as text: one block per watch, then a summary line. */
export function renderImportReport(report: ImportReport, output: Output): void {
  const { styles } = output;
  output.line(`${report.dryRun ? 'Would import' : 'Importing'} ${report.source}: ${report.formatName}`);
  for (const note of report.notes) output.line(`  note: ${note}`);
  if (report.watches.length === 0) output.line('The file holds no watches.');
  for (const item of report.watches) {
    output.line(headline(item, report.dryRun, styles));
    for (const target of item.targets.added) output.line(`  notify: ${target}`);
    for (const { target, reason } of item.targets.skipped) {
      output.line(`  ${styles.yellow('not carried over')}: ${target}: ${reason}`);
    }
    const seen = describeSeen(item);
    if (seen !== null) output.line(`  seen: ${seen}`);
    for (const note of item.notes) output.line(`  note: ${note}`);
  }
  output.line(summaryLine(report));
}

function headline(item: WatchImportResult, dryRun: boolean, styles: Output['styles']): string {
  const from = item.entries.length === 1 ? `entry ${item.entries[0]}` : `entries ${item.entries.join(', ')}`;
  switch (item.result) {
    case 'created': {
      const what = item.watchId === null ? `watch "${item.name}"` : `watch ${item.watchId} "${item.name}"`;
      return `${styles.green(dryRun ? 'would create' : 'created')} ${what} (${from})`;
    }
    case 'merged':
      return `${styles.cyan(dryRun ? 'would add to' : 'added to')} watch ${item.watchId} "${item.name}" (${from}): ${item.reason}`;
    case 'unchanged':
      return `${styles.dim('unchanged')}: ${from}: ${item.reason}, nothing new to add`;
    case 'skipped':
      return `${styles.yellow('skipped')} ${from}: ${item.reason}`;
  }
}

function describeSeen(item: WatchImportResult): string | null {
  const { seen } = item;
  if (item.result === 'skipped' || item.result === 'unchanged') return null;
  const parts: string[] = [];
  if (seen.upToId !== null) parts.push(`ads up to id ${seen.upToId}`);
  if (seen.ads + seen.goneAds > 0) {
    const gone = seen.goneAds === 0 ? '' : ` (${seen.goneAds} of them gone)`;
    parts.push(`${plural(seen.ads + seen.goneAds, 'ad')} with their prices${gone}`);
  }
  if (item.result === 'merged') {
    if (seen.baselineDone) parts.push('its baseline is done, so the first check reports changes');
    return parts.length === 0 ? null : parts.join('; ');
  }
  if (!seen.baselineDone) return 'nothing yet; the first check records the ads listed then as its baseline';
  if (parts.length === 0) return 'checked before with no ads; the first check reports every ad it finds';
  return `${parts.join('; ')}; the first check reports only ads not seen before and price changes`;
}

function summaryLine(report: ImportReport): string {
  const { summary } = report;
  const counts = [
    `${summary.created} created`,
    `${summary.merged} added to`,
    `${summary.unchanged} unchanged`,
    `${summary.skipped} skipped`,
  ].join(', ');
  const targets =
    summary.targetsSkipped === 0 ? '' : `; ${plural(summary.targetsSkipped, 'target')} could not be carried over`;
  const ending = report.dryRun ? ' (dry run: nothing was written)' : '';
  return `Watches: ${counts}${targets}.${ending}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
