import { existsSync } from 'node:fs';
import type { AppContext } from '../app/context.js';
import { recogniseImportFile } from '../app/legacy-import/detect-import-format.js';
import { buildImportReport } from '../app/legacy-import/import-report.js';
import { planImport } from '../app/legacy-import/plan-import.js';
import { readBotConfig, readImportSource } from '../app/legacy-import/read-import-source.js';
import {
  type ExistingWatch,
  reconcileImport,
  toImportWrites,
  type WatchDecision,
  writesNothing,
} from '../app/legacy-import/reconcile-import.js';
import { renderImportReport } from '../app/legacy-import/render-import-report.js';
import { ExitCode } from '../domain/exit-codes.js';
import { maskTarget } from '../domain/targets/parse-target.js';
import { applyImport, inWriteTransaction, listRecordedAdIds } from '../store/import-repo.js';
import type { Db } from '../store/open-db.js';
import { findWatchByUrl } from '../store/watches-repo.js';

interface ImportOptions {
  dryRun?: boolean;
  allowAnyHost?: boolean;
  json?: boolean;
}

/** `pyhabot import <path>`: bring in watches and what they have seen from the Python PYHABOT or an export. */
export async function run(context: AppContext, args: unknown[], options: ImportOptions): Promise<ExitCode> {
  const source = readImportSource(String(args[0]), context.cwd);
  const file = recogniseImportFile(source.text, source.source);
  const botConfig = file.format === 'pyhabot-2021' ? readBotConfig(source) : undefined;
  const plan = planImport(file, {
    source: source.source,
    allowAnyHost: options.allowAnyHost === true,
    ...(botConfig === undefined ? {} : { botConfig }),
  });
  const dryRun = options.dryRun === true;
  const { config } = await context.config();

  let decisions: WatchDecision[];
  let createdIds: number[] = [];
  if (dryRun && !existsSync(config.db)) {
    // Nothing is watched yet, and a dry run must not create the database just to find that out.
    decisions = reconcileImport(plan, () => undefined);
  } else {
    const db = await context.db(dryRun ? 'read' : 'write');
    const decide = () => reconcileImport(plan, (url) => findExisting(db, url));
    if (dryRun) {
      decisions = decide();
    } else {
      // Compared and written in one transaction: all or nothing, and no other writer in between.
      decisions = inWriteTransaction(db, () => {
        const decided = decide();
        const writes = toImportWrites(decided, { notifyExisting: config.notifyExisting });
        if (!writesNothing(writes)) createdIds = applyImport(db, writes, context.now());
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
  return watch === undefined ? undefined : { watch, adIds: listRecordedAdIds(db, watch.id) };
}
