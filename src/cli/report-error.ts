import { needsHuman, ScrapeError, UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import { scrapeFailureHint } from '../domain/scrape-hint.js';
import { isStoreFailure, storeError } from '../store/store-error.js';

/** The one place errors become messages and exit codes: one line plus a hint for known errors, a stack for bugs. */
export function reportError(error: unknown, options: { debug: boolean; write: (line: string) => void }): number {
  const { write, debug } = options;
  if (isStoreFailure(error)) return reportError(storeError('database error', error), options);
  if (error instanceof UserError) {
    const [first, ...rest] = error.message.split('\n');
    write(`pyhabot: ${first}`);
    for (const line of rest) write(`  ${line}`);
    if (error.hint) write(`hint: ${error.hint}`);
    if (debug && error.stack) write(error.stack);
    return error.exitCode;
  }
  if (error instanceof ScrapeError) {
    write(`pyhabot: ${error.message} (${error.kind})`);
    const hint = scrapeFailureHint(error);
    if (hint) write(`hint: ${hint}`);
    if (debug && error.stack) write(error.stack);
    return needsHuman(error) ? ExitCode.siteUnrecognized : ExitCode.partialFailure;
  }
  write('pyhabot: internal error; please report it with the details below');
  write(error instanceof Error ? (error.stack ?? String(error)) : String(error));
  return ExitCode.internal;
}
