import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { AppContext } from '../app/context.js';
import { describeFileError } from '../domain/describe-file-error.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import { maskTarget } from '../domain/targets/parse-target.js';
import { buildWatchExport, type ExportFileFormat, serializeWatchExport } from '../import/export-file.js';
import { getWatchFilter } from '../store/filters-repo.js';
import { getWatchRules } from '../store/rules-repo.js';
import { listWatches } from '../store/watches-repo.js';

export interface ExportOptions {
  format?: ExportFileFormat;
  json?: boolean;
  includeSecrets?: boolean;
  output?: string;
}

/** `pyhabot export`: every watch's settings, in a file `pyhabot import` reads back. */
export async function run(context: AppContext, _args: [], options: ExportOptions): Promise<ExitCode> {
  const format = chooseFormat(options);
  const includeSecrets = options.includeSecrets === true;
  const db = await context.db();
  const watches = listWatches(db);
  const document = buildWatchExport(watches, {
    exportedAt: context.now(),
    includeSecrets,
    mask: maskTarget,
    filterOf: (watch) => getWatchFilter(db, watch.id),
    rulesOf: (watch) => getWatchRules(db, watch.id),
  });
  const text = serializeWatchExport(document, format);

  if (options.output === undefined) {
    for (const line of text.replace(/\n$/, '').split('\n')) context.output.line(line);
  } else {
    writeAtomically(resolve(context.cwd, options.output), text, options.output);
    context.output.line(
      `Exported ${watches.length === 1 ? '1 watch' : `${watches.length} watches`} to ${options.output}`,
    );
  }
  if (!includeSecrets && watches.some((watch) => watch.notify.length > 0)) {
    context.output.note(
      'notification targets are masked and will be skipped on import; add --include-secrets to keep them',
    );
  }
  return ExitCode.ok;
}

/** --format or --json decide; otherwise `.yaml` / `.yml` output files get YAML and everything else JSON. */
function chooseFormat(options: ExportOptions): ExportFileFormat {
  if (options.json === true) {
    if (options.format === 'yaml') {
      throw new UserError('--json and --format yaml ask for different formats', { hint: 'pass one of them' });
    }
    return 'json';
  }
  if (options.format !== undefined) return options.format;
  const extension = options.output === undefined ? '' : extname(options.output).toLowerCase();
  return extension === '.yaml' || extension === '.yml' ? 'yaml' : 'json';
}

/**
 * A reader never sees half a file. The file is readable by its owner only, with or without secrets: even masked,
 * an export lists every search and where its notifications go.
 */
function writeAtomically(path: string, text: string, shown: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError(`cannot write ${shown}: ${describeFileError(error, 'its directory does not exist')}`, {
      hint: 'pass --output a path in a writable directory',
    });
  }
}
