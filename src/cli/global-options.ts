import type { OptionSpec } from './command-table.js';

// This file imports nothing at run time, so `pyhabot --version` can read it without loading commander.

/** The flags that print pyhabot's version. */
export const VERSION_FLAGS = '-V, --version';

/** Options shared by every command. */
export const globalOptions: OptionSpec[] = [
  {
    flags: '--db <path>',
    description: 'SQLite database file (default: $PYHABOT_DB, else pyhabot.db in the data directory)',
  },
  { flags: '--config <file>', description: 'read this config file instead of searching for one' },
  {
    flags: '--log-level <level>',
    description: 'log level for the JSON logs on stderr',
    choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
  },
  { flags: '-v, --verbose', description: 'log more (level info)' },
  { flags: '--debug', description: 'print stack traces for every error, log at debug level' },
  { flags: '--no-color', description: 'never colour the output (also NO_COLOR)' },
];
