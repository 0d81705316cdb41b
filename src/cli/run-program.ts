import { homedir } from 'node:os';
import type { GlobalOptions } from '../app/context.js';
import { createContext } from '../app/create-context.js';
import { ExitCode } from '../domain/exit-codes.js';
import { CommanderError } from './commander.js';
import { buildProgram } from './program.js';
import { createTerminalOutput, outputWidth, plainStyles, shouldColor, supportsUnicode } from './terminal-output.js';
import { requestedCommand } from './version-request.js';

/** Parse the arguments with commander and run the chosen command; sets `process.exitCode`. */
export async function runProgram(argv: string[], version: string): Promise<void> {
  const debug = argv.includes('--debug');
  const stderrLine = (text: string): void => {
    process.stderr.write(`${text}\n`);
  };
  const program = buildProgram(
    version,
    async (spec, args, options) => {
      const globals = program.opts() as GlobalOptions & { color: boolean };
      const color = shouldColor({ flag: globals.color, env: process.env, isTTY: process.stdout.isTTY === true });
      const output = createTerminalOutput({
        styles: color ? (await import('./colour-styles.js')).createColourStyles() : plainStyles,
        stdout: process.stdout,
        stderr: process.stderr,
        width: outputWidth(process.env, process.stdout),
        unicode: supportsUnicode(process.env, process.platform),
      });
      const abort = new AbortController();
      const { context, dispose } = createContext({
        version,
        env: process.env,
        cwd: process.cwd(),
        homedir: homedir(),
        globals: {
          ...(globals.db === undefined ? {} : { db: globals.db }),
          ...(globals.config === undefined ? {} : { config: globals.config }),
          ...(globals.logLevel === undefined ? {} : { logLevel: globals.logLevel }),
          verbose: globals.verbose === true,
          debug: globals.debug === true,
        },
        output,
        signal: abort.signal,
      });
      let received: NodeJS.Signals | undefined;
      const onSignal = (signal: NodeJS.Signals): void => {
        received = signal;
        abort.abort(new Error(`received ${signal}`));
      };
      if (spec.windsDownOnSignal) {
        // once(): a second Ctrl-C falls back to the default and ends the process at once.
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
      }
      try {
        const module = await spec.load();
        process.exitCode = await module.run(context, args, options);
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        dispose();
      }
      if (received) process.exitCode = received === 'SIGINT' ? ExitCode.interrupted : ExitCode.terminated;
    },
    requestedCommand(argv.slice(2)),
  );
  // Subcommands copy these settings only when created after them, so set them on every command.
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
      outputError: () => {
        // Reported below, in the same shape as every other error.
      },
    });
  }
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = commanderExitCode(error, stderrLine);
      return;
    }
    // Loaded only when something failed: a run that succeeds never needs it.
    const { reportError } = await import('./report-error.js');
    process.exitCode = reportError(error, { debug, write: stderrLine });
  }
}

function commanderExitCode(error: CommanderError, write: (text: string) => void): number {
  if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return ExitCode.ok;
  if (error.code === 'commander.executeSubCommandAsync') return ExitCode.ok;
  // Commander puts its "(Did you mean …?)" on a second line: that becomes the hint.
  const [, text = error.message, suggestion] = /^([\s\S]*?)\n\(Did you mean (.+)\?\)$/.exec(error.message) ?? [];
  // Commander quotes the raw argument; a newline or another control character in it would break the one-line
  // message, so such characters are shown escaped.
  const message = text.replace(/^error: /, '').replace(/\p{Cc}/gu, (char) => JSON.stringify(char).slice(1, -1));
  write(`pyhabot: ${message}`);
  write(
    suggestion === undefined
      ? 'hint: run `pyhabot --help` or `pyhabot <command> --help`'
      : `hint: did you mean ${suggestion}? \`pyhabot --help\` lists every command and option`,
  );
  return ExitCode.usage;
}
