import { UserError } from '../domain/errors.js';

/** Where every key is documented; `pyhabot config` cannot help, since it stops at the same problems. */
const REFERENCE = '.pyhabotrc.example (shipped with pyhabot) describes every key, its type and default';

/** Invalid settings: the message names where they came from and lists every problem, one per line. */
export class ConfigError extends UserError {
  readonly problems: readonly string[];

  /** `fix` says what to edit: the file and lines, or the variables or flags named in the problems. */
  constructor(where: string, problems: readonly string[], fix: string) {
    super([`invalid configuration ${where}:`, ...problems.map((problem) => `  ${problem}`)].join('\n'), {
      hint: `${fix}; ${REFERENCE}`,
    });
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
