import { exitCodeTable } from '../domain/exit-codes.js';
import { type CommandSpec, commandTable, type OptionSpec } from './command-table.js';
import { Argument, Command, Option } from './commander.js';
import { globalOptions, VERSION_FLAGS } from './global-options.js';

/** What the program does when a command is chosen: run it and remember its exit code. */
export type CommandRunner = (spec: CommandSpec, args: unknown[], options: Record<string, unknown>) => Promise<void>;

/**
 * Build the commander program from the command table; with `only`, just that command, which is all commander
 * needs to run it (help, errors and suggestions for other names need the whole table, so they never pass it).
 */
export function buildProgram(version: string, runCommand: CommandRunner, only?: string): Command {
  const program = new Command('pyhabot')
    .description('Watch HardverApró searches for new ads and price drops.')
    .version(version, VERSION_FLAGS, 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .addHelpText('after', exitCodeHelp());
  for (const option of globalOptions) program.addOption(toOption(option));

  const specs = commandTable.filter((spec) => only === undefined || spec.name === only);
  for (const spec of specs.length > 0 ? specs : commandTable) {
    const command = program
      .command(spec.name)
      .summary(spec.summary)
      .description(spec.details ? `${capitalise(spec.summary)}.\n\n${spec.details}` : `${capitalise(spec.summary)}.`)
      .helpOption('-h, --help', 'show help');
    for (const argument of spec.arguments) {
      const arg = new Argument(argument.name, argument.description);
      if (argument.parse) {
        const parse = argument.parse;
        const variadic = /\.\.\.[>\]]$/.test(argument.name);
        arg.argParser((value: string, previous: unknown): unknown =>
          variadic ? [...((previous as unknown[] | undefined) ?? []), parse(value)] : parse(value),
        );
      }
      command.addArgument(arg);
    }
    for (const option of spec.options) command.addOption(toOption(option));
    command.addHelpText(
      'after',
      `\nGlobal options (--db, --config, --log-level, --verbose, --debug, --no-color): see \`pyhabot --help\`.`,
    );
    command.action(async (...actionArgs: unknown[]) => {
      const self = actionArgs[actionArgs.length - 1] as Command;
      const args = actionArgs.slice(0, spec.arguments.length);
      await runCommand(spec, args, self.opts());
    });
  }
  return program;
}

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.parse) option.argParser(spec.parse as (value: string, previous: unknown) => unknown);
  if (spec.choices) option.choices(spec.choices);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.conflicts) option.conflicts(spec.conflicts);
  return option;
}

function exitCodeHelp(): string {
  const lines = exitCodeTable.map(({ code, meaning }) => `  ${String(code).padEnd(4)}${meaning}`);
  return `\nExit codes:\n${lines.join('\n')}\n`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
