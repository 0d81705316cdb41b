import type { AppContext } from '../app/context.js';
import { displayText } from '../app/display-text.js';
import { formatRelativeTime, formatTable } from '../app/format.js';
import { describeLastCheck } from '../app/last-check.js';
import { watchToJson } from '../app/watch-json.js';
import { ExitCode } from '../domain/exit-codes.js';
import { truncateText } from '../domain/truncate-text.js';
import { listWatches } from '../store/watches-repo.js';

/** `pyhabot list`: every watch with its last check. */
export async function run(context: AppContext, _args: [], options: { json?: boolean }): Promise<ExitCode> {
  const db = await context.db();
  const watches = listWatches(db);
  const { output } = context;
  if (options.json) {
    // Loaded only here: the text table shows no targets, and the rules are a module per channel.
    const { maskTarget: mask } = await import('../domain/targets/parse-target.js');
    output.json(watches.map((watch) => watchToJson(watch, mask)));
    return ExitCode.ok;
  }
  if (watches.length === 0) {
    output.line('No watches yet. Add one with: pyhabot add <url of a HardverApró search>');
    return ExitCode.ok;
  }
  const now = context.now();
  const { styles } = output;
  const rows = watches.map((watch) => [
    String(watch.id),
    truncateText(displayText(watch.name), 40),
    watch.enabled ? 'yes' : styles.dim('no'),
    formatRelativeTime(watch.lastCheck.checkedAt, now),
    describeLastCheck(watch, styles),
    watch.lastCheck.adsSeen === null ? '-' : String(watch.lastCheck.adsSeen),
  ]);
  const table = await formatTable(['ID', 'NAME', 'ENABLED', 'LAST CHECK', 'RESULT', 'ADS'], rows, {
    width: output.width,
    shrinkable: [1, 4],
  });
  for (const line of table) output.line(line);
  return ExitCode.ok;
}
