import { exitCodeTable } from '../domain/exit-codes.js';
import type { CommandSpec, OptionSpec } from './command-spec.js';
import { commandTable } from './command-table.js';
import { Argument, Command, Help, Option } from './commander.js';
import { globalOptions, VERSION_FLAGS } from './global-options.js';

/** What the program does when a command is chosen: run it and remember its exit code. */
export type CommandRunner = (spec: CommandSpec, args: unknown[], options: Record<string, unknown>) => Promise<void>;

const HELP_WIDTH = 80;

/**
 * Build the commander program from the command table; with `only`, just that command, which is all commander
 * needs to run it (help, errors and suggestions for other names need the whole table, so they never pass it).
 */
export function buildProgram(version: string, runCommand: CommandRunner, only?: string): Command {
  const program = new Command('pyhabot')
    // Help is laid out for 80 columns everywhere: commander would follow a wide terminal, but it cannot wrap its
    // columns in a narrow one, and the text added below is laid out for 80. Commands created below copy this.
    .configureHelp({ helpWidth: HELP_WIDTH })
    .description('Watch HardverApró searches for new ads and price drops.')
    .version(version, VERSION_FLAGS, 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
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
    command.addHelpText('after', commandHelpFooter(spec));
    command.action(async (...actionArgs: unknown[]) => {
      const self = actionArgs[actionArgs.length - 1] as Command;
      const args = actionArgs.slice(0, spec.arguments.length);
      await runCommand(spec, args, self.opts());
    });
  }
  addHelpCommand(program);
  return program;
}

/** `help [command]`, which, unlike commander's own, refuses a command that does not exist (exit 2). */
function addHelpCommand(program: Command): void {
  program
    .command('help')
    .argument('[command]', 'the command to explain')
    .description('show help for a command')
    .helpOption(false)
    .action((name: string | undefined) => {
      if (name === undefined || name === 'help') program.help();
      const command = program.commands.find((candidate) => candidate.name() === name);
      if (command === undefined) {
        program.error(`there is no command ${JSON.stringify(name)}`, { exitCode: 2, code: 'pyhabot.unknownHelpTopic' });
      }
      command.help();
    });
}

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.parse) option.argParser(spec.parse as (value: string, previous: unknown) => unknown);
  if (spec.choices) option.choices(spec.choices);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.conflicts) option.conflicts(spec.conflicts);
  return option;
}

// Text added after commander's own help is not wrapped by commander; it is laid out here.

function helpLayout(): Help {
  const help = new Help();
  help.helpWidth = HELP_WIDTH;
  return help;
}

function exitCodeHelp(): string {
  const help = helpLayout();
  const lines = exitCodeTable.map(({ code, meaning }) => help.formatItem(String(code), 3, meaning, help));
  return `\nExit codes:\n${lines.join('\n')}\n`;
}

/** Examples, extra notes and the pointer to the global options, under a command's own help. */
export function commandHelpFooter(spec: CommandSpec): string {
  const help = helpLayout();
  const examples = spec.examples.map(
    ([commandLine, meaning]) => `  ${commandLine}\n${indent(help.boxWrap(meaning, HELP_WIDTH - 6), 6)}`,
  );
  const globals = help.boxWrap(
    'Global options (--db, --config, --log-level, --verbose, --debug, --no-color): see `pyhabot --help`.',
    HELP_WIDTH,
  );
  const parts = [`Examples:\n${examples.join('\n')}`, ...(spec.extraHelp ? [spec.extraHelp] : []), globals];
  return `\n${parts.join('\n\n')}\n`;
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
