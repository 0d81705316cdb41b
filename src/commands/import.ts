import { existsSync } from 'node:fs';
import type { AppContext } from '../app/context.js';
import { describeFilter } from '../app/describe-filter.js';
import { describeOwnRules } from '../app/describe-rules.js';
import type { Output } from '../app/output.js';
import type { WatchFilter } from '../domain/ad-filter.js';
import { ExitCode } from '../domain/exit-codes.js';
import { maskTarget } from '../domain/targets/parse-target.js';
import type { WatchRules } from '../domain/watch-rules.js';
import { collectWrites, type ExistingWatch, reconcileImport, type WatchDecision } from '../import/decide-import.js';
import { planImport, recogniseImportFile } from '../import/formats.js';
import { buildImportReport, type ImportReport, type WatchImportResult } from '../import/import-report.js';
import { readBotConfig, readImportSource } from '../import/read-source.js';
import { getWatchFilter } from '../store/filters-repo.js';
import { applyImport, inWriteTransaction, listRecordedAdIds } from '../store/import-repo.js';
import type { Db } from '../store/open-db.js';
import { getWatchRules } from '../store/rules-repo.js';
import { findWatchByUrl } from '../store/watches-repo.js';

export interface ImportOptions {
  dryRun?: boolean;
  allowAnyHost?: boolean;
  json?: boolean;
}

/** `pyhabot import <path>`: bring in watches and what they have seen from the Python PYHABOT or an export. */
export async function run(context: AppContext, [path]: [path: string], options: ImportOptions): Promise<ExitCode> {
  const source = readImportSource(path, context.cwd);
  const file = recogniseImportFile(source.text, source.source);
  const botConfig = file.format === 'pyhabot-2021' ? readBotConfig(source) : undefined;
  const plan = planImport(file, {
    source: source.source,
    allowAnyHost: options.allowAnyHost === true,
    ...(botConfig === undefined ? {} : { botConfig }),
  });
  const dryRun = options.dryRun === true;
  const { config } = await context.config();
  const defaults = { notifyExisting: config.notifyExisting };

  let decisions: WatchDecision[];
  let createdIds: number[] = [];
  if (dryRun && !existsSync(config.db)) {
    // Nothing is watched yet, and a dry run must not create the database just to find that out.
    decisions = reconcileImport(plan, () => undefined, defaults);
  } else {
    const db = await context.db(dryRun ? 'read' : 'write');
    const decide = () => reconcileImport(plan, (url) => findExisting(db, url), defaults);
    if (dryRun) {
      decisions = decide();
    } else {
      // Compared and written in one transaction: all or nothing, and no other writer in between.
      decisions = inWriteTransaction(db, () => {
        const decided = decide();
        createdIds = applyImport(db, collectWrites(decided), context.now());
        return decided;
      });
    }
  }

  const report = buildImportReport(plan, decisions, { source: source.source, dryRun, createdIds, mask: maskTarget });
  if (options.json) context.output.json(report);
  else renderImportReport(report, context.output);
  // An entry left out needs a look before the old bot's files are thrown away.
  return report.summary.skipped > 0 ? ExitCode.partialFailure : ExitCode.ok;
}

function findExisting(db: Db, url: string): ExistingWatch | undefined {
  const watch = findWatchByUrl(db, url);
  if (watch === undefined) return undefined;
  return {
    watch,
    filter: getWatchFilter(db, watch.id),
    rules: getWatchRules(db, watch.id),
    adIds: listRecordedAdIds(db, watch.id),
  };
}

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
    if (item.filter !== null) output.line(`  filter: ${describeWatchFilter(item.filter)}`);
    if (item.rules !== null) output.line(`  rules: ${describeImportedRules(item.rules)}`);
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

function describeWatchFilter(filter: WatchFilter): string {
  const own = describeFilter(filter.own);
  const settings = own.length === 0 ? 'none of its own' : own.join('; ');
  return filter.useGlobal ? settings : `${settings}; the global filter does not apply`;
}

function describeImportedRules(rules: WatchRules): string {
  const digest = rules.digest === undefined ? [] : [`digest ${rules.digest}`];
  return [...describeOwnRules(rules), ...digest].join('; ');
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
