import { resolve } from 'node:path';
import type { AppContext } from '../app/context.js';
import { buildWatchFeed, feedWriteError } from '../app/watch-feed.js';
import { requireWatch } from '../app/watch-lookup.js';
import { describeFileError } from '../domain/describe-file-error.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import { type FeedFormat, feedFormatOfPath } from '../domain/feed-format.js';
import { writeFileAtomically } from '../notify/channels/file/write-atomically.js';

/** Options of `pyhabot feed`. */
export interface FeedOptions {
  all?: boolean;
  format?: FeedFormat;
  output?: string;
}

/** `pyhabot feed <id> | --all`: a watch's recent new ads and price changes as an Atom, RSS or JSON feed. */
export async function run(
  context: AppContext,
  [id]: [id: number | undefined],
  options: FeedOptions,
): Promise<ExitCode> {
  if (options.all && id !== undefined) throw new UserError('give a watch id or --all, not both');
  if (!options.all && id === undefined) {
    throw new UserError('which watch?', { hint: 'give a watch id (see `pyhabot list`) or --all' });
  }
  const format =
    options.format ?? (options.output === undefined ? undefined : feedFormatOfPath(options.output)) ?? 'atom';
  const db = await context.db();
  const watch = id === undefined ? undefined : requireWatch(db, id);
  const { config } = await context.config();
  const feed = await buildWatchFeed(db, watch, { format, language: config.language, now: context.now() });
  if (options.output === undefined) {
    for (const line of feed.text.replace(/\n$/, '').split('\n')) context.output.line(line);
    return ExitCode.ok;
  }
  try {
    await writeFileAtomically(resolve(context.cwd, options.output), feed.text);
  } catch (error) {
    throw feedWriteError(options.output, describeFileError(error, 'its directory does not exist'));
  }
  context.output.line(
    `Wrote ${feed.entries === 1 ? '1 entry' : `${feed.entries} entries`} to ${options.output} (${format})`,
  );
  return ExitCode.ok;
}
