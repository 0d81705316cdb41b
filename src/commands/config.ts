import type { AppContext } from '../app/context.js';
import { formatTable } from '../app/format.js';
import { siteSpacingNote } from '../app/site-spacing-note.js';
import { ExitCode } from '../domain/exit-codes.js';
import { maskTarget } from '../domain/targets/parse-target.js';

/** `pyhabot config`: the settings in effect, where each came from, secrets masked. */
export async function run(context: AppContext, _args: [], options: { json?: boolean }): Promise<ExitCode> {
  const loaded = await context.config();
  const { describeConfig } = await import('../config/describe-config.js');
  const description = describeConfig(loaded, { maskTarget, homedir: context.homedir });
  const spacingNote = siteSpacingNote(loaded.config.requestDelayMs);
  const { output } = context;
  if (options.json) {
    output.json({ ...description.json, notes: spacingNote === undefined ? {} : { requestDelayMs: spacingNote } });
    return ExitCode.ok;
  }
  output.line(`config file: ${loaded.configFile ?? output.styles.dim('none found (defaults and environment only)')}`);
  output.line();
  const rows = description.rows.map((row) => [row.key, row.value, output.styles.dim(row.source)]);
  for (const line of await formatTable(['KEY', 'VALUE', 'SOURCE'], rows)) output.line(line);
  if (spacingNote !== undefined) {
    output.line();
    output.line(`note: requestDelayMs is ${loaded.config.requestDelayMs}, but ${spacingNote}.`);
  }
  return ExitCode.ok;
}
