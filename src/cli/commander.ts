import { createRequire } from 'node:module';

// commander is loaded through `require`: importing its ESM wrapper costs a few milliseconds more on every start
// (Node parses the CommonJS package to find its named exports), and start-up is most of a short command's time.

const commander = createRequire(import.meta.url)('commander') as typeof import('commander');

/** commander's classes, as `import { … } from 'commander'` would give them. */
export const { Argument, Command, CommanderError, Help, InvalidArgumentError, Option } = commander;
export type Argument = import('commander').Argument;
export type Command = import('commander').Command;
export type Help = import('commander').Help;
export type CommanderError = import('commander').CommanderError;
export type InvalidArgumentError = import('commander').InvalidArgumentError;
export type Option = import('commander').Option;
