import { UserError } from '../domain/errors.js';

const HINT =
  'every key, its type and default is described in .pyhabotrc.example (shipped with pyhabot); `pyhabot config` shows the values in effect';

/** Invalid settings: the message names where they came from and lists every problem, one per line. */
export class ConfigError extends UserError {
  readonly problems: readonly string[];

  constructor(where: string, problems: readonly string[]) {
    super([`invalid configuration ${where}:`, ...problems.map((problem) => `  ${problem}`)].join('\n'), { hint: HINT });
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
