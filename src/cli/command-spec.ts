import type { AppContext } from '../app/context.js';
import type { ExitCode } from '../domain/exit-codes.js';

/** One option of a command, as commander and the README see it. */
export interface OptionSpec {
  flags: string;
  description: string;
  parse?: (value: string, previous: never) => unknown;
  defaultValue?: unknown;
  choices?: readonly string[];
  /** Options that cannot be combined with this one. */
  conflicts?: string[];
}

/** One argument of a command. */
export interface ArgumentSpec {
  name: string;
  description: string;
  parse?: (value: string) => unknown;
}

/** A command module: `run` gets its parsed arguments and options, returns an exit code and never exits. */
export interface CommandModule<Args extends unknown[] = unknown[], Options = Record<string, unknown>> {
  run: (context: AppContext, args: Args, options: Options) => Promise<ExitCode>;
}

/** One command, declared once; the program, `--help` and the README are built from this table. */
export interface CommandSpec<Args extends unknown[] = unknown[], Options = Record<string, unknown>> {
  name: string;
  summary: string;
  details?: string;
  arguments: ArgumentSpec[];
  options: OptionSpec[];
  /** Command lines shown under "Examples:" in the command's help, each with what it does. */
  examples: Array<[commandLine: string, meaning: string]>;
  /** More help text, printed after the examples (e.g. the notification target formats). */
  extraHelp?: string;
  /** SIGINT/SIGTERM abort the command's signal instead of killing the process; it winds down and exits 130/143. */
  windsDownOnSignal?: boolean;
  load(): Promise<CommandModule<Args, Options>>;
}

/**
 * Declare a command whose module takes exactly these parsed arguments and options, so the module needs no casts;
 * the result joins the untyped table the program is built from.
 */
export function defineCommand<Args extends unknown[], Options>(spec: CommandSpec<Args, Options>): CommandSpec {
  // The argument and option parsers of `spec` produce `Args` and `Options`; the program passes them on unchanged.
  return spec as unknown as CommandSpec;
}
