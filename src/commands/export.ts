import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { AppContext } from '../app/context.js';
import { describeFileError } from '../app/describe-file-error.js';
import { buildWatchExport, type ExportFileFormat, serializeWatchExport } from '../app/watch-export.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import { maskTarget } from '../domain/targets/parse-target.js';
import { listWatches } from '../store/watches-repo.js';

interface ExportOptions {
  format?: ExportFileFormat;
  includeSecrets?: boolean;
  output?: string;
}

/** `pyhabot export`: every watch's settings, in a file `pyhabot import` reads back. */
export async function run(context: AppContext, _args: unknown[], options: ExportOptions): Promise<ExitCode> {
  const format = options.format ?? formatFromName(options.output);
  const includeSecrets = options.includeSecrets === true;
  const db = await context.db();
  const watches = listWatches(db);
  const document = buildWatchExport(watches, { exportedAt: context.now(), includeSecrets, mask: maskTarget });
  const text = serializeWatchExport(document, format);

  if (options.output === undefined) {
    for (const line of text.replace(/\n$/, '').split('\n')) context.output.line(line);
  } else {
    writeAtomically(resolve(context.cwd, options.output), text, options.output, includeSecrets);
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

/** `.yaml` / `.yml` output files get YAML unless --format says otherwise. */
function formatFromName(output: string | undefined): ExportFileFormat {
  const extension = output === undefined ? '' : extname(output).toLowerCase();
  return extension === '.yaml' || extension === '.yml' ? 'yaml' : 'json';
}

/** A reader never sees half a file; an export with secrets is readable by its owner only. */
function writeAtomically(path: string, text: string, shown: string, secret: boolean): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', mode: secret ? 0o600 : 0o666, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError(`cannot write ${shown}: ${describeFileError(error, 'its directory does not exist')}`, {
      hint: 'pass --output a path in a writable directory',
    });
  }
}
