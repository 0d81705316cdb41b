/** The process exit codes: one table for code, `--help` and the README. */
export const ExitCode = {
  ok: 0,
  partialFailure: 1,
  usage: 2,
  siteUnrecognized: 3,
  internal: 70,
  locked: 75,
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Meaning and operator action for each exit code, in the order shown to users. */
export const exitCodeTable: ReadonlyArray<{ code: ExitCode; meaning: string; action: string }> = [
  { code: 0, meaning: 'ok', action: 'nothing to do' },
  {
    code: 1,
    meaning: 'the run finished but something in it failed (a watch, a dead notification, an unhealthy status)',
    action: 'read the error lines or `pyhabot status`; it usually heals on the next run',
  },
  {
    code: 2,
    meaning: 'usage, input, config or storage error; nothing was changed',
    action: 'fix the command line, the config file or the database path',
  },
  {
    code: 3,
    meaning: 'the site could not be read as a HardverApró listing (layout changed, blocked, challenge page)',
    action: 'needs a human: open the watch URL in a browser, check for a new pyhabot release',
  },
  { code: 70, meaning: 'internal error (a bug)', action: 'report it with the printed stack' },
  { code: 75, meaning: 'another `check` is running on this database', action: 'nothing; the next run will go ahead' },
  { code: 130, meaning: 'interrupted (SIGINT)', action: 'nothing was left half-written; run again' },
  { code: 143, meaning: 'terminated (SIGTERM)', action: 'nothing was left half-written; run again' },
];
