import type { OptionSpec } from './command-spec.js';

/** `--json`, which every command that prints data takes. */
export const jsonOption: OptionSpec = { flags: '--json', description: 'print JSON instead of text' };
