import { CommanderError } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { isVersionRequest, requestedCommand } from '../../src/cli/version-request.js';

const VERSION = '9.8.7';

/** What the real commander program prints to stdout for these arguments, and the error code it ends with. */
async function commanderAnswer(args: string[]): Promise<{ stdout: string; code: string | undefined }> {
  let stdout = '';
  const program = buildProgram(VERSION, async () => {});
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => {
        stdout += text;
      },
      writeErr: () => {},
      outputError: () => {},
    });
  }
  try {
    await program.parseAsync(['node', 'pyhabot', ...args]);
    return { stdout, code: undefined };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { stdout, code: error.code };
  }
}

describe('isVersionRequest', () => {
  it.each([
    [['--version'], true],
    [['-V'], true],
    [['--db', 'x.db', '--config', 'c.yaml', '--version'], true],
    [['--db=x.db', '--log-level=warn', '-V'], true],
    [['-v', '--verbose', '--debug', '--no-color', '--log-level', 'silent', '--version'], true],
    [['--version', 'anything', '--after'], true],
    // `--db` takes the next argument as its value, even `--version`.
    [['--db', '--version'], false],
    [['--log-level', 'loud', '--version'], false],
    [['--log-level=loud', '--version'], false],
    [['--version=1'], false],
    [['--verbose=1', '--version'], false],
    [['-vV'], false],
    [['list', '--version'], false],
    [['--', '--version'], false],
    [['--help', '--version'], false],
    [[], false],
    [['list'], false],
  ])('%j → %s', (args, expected) => {
    expect(isVersionRequest(args)).toBe(expected);
  });

  it('answers yes only where commander prints exactly the version and ends', async () => {
    const token = fc.constantFrom(
      '--version',
      '-V',
      '-vV',
      '--version=1',
      '--db',
      '--db=a.db',
      '--config',
      'c.yaml',
      '--log-level',
      '--log-level=info',
      '--log-level=nope',
      'warn',
      'nope',
      '-v',
      '--verbose',
      '--debug',
      '--no-color',
      '--bogus',
      '-h',
      '--',
      'list',
      'help',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 6 }), async (args) => {
        if (!isVersionRequest(args)) return;
        expect(await commanderAnswer(args)).toEqual({ stdout: `${VERSION}\n`, code: 'commander.version' });
      }),
      { numRuns: 300 },
    );
  });
});

/** What commander does with these arguments: what it printed, its error code, and the command it ran with what. */
async function outcome(args: string[], only: string | undefined): Promise<unknown> {
  let stdout = '';
  let ran: unknown;
  const program = buildProgram(
    VERSION,
    async (spec, commandArgs, options) => {
      ran = { name: spec.name, commandArgs, options, globals: program.opts() };
    },
    only,
  );
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => {
        stdout += text;
      },
      writeErr: () => {},
      outputError: () => {},
    });
  }
  try {
    await program.parseAsync(['node', 'pyhabot', ...args]);
    return { stdout, ran };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { stdout, ran, code: error.code };
  }
}

describe('requestedCommand', () => {
  it.each([
    [['list'], 'list'],
    [['--db', 'list', 'show', '1'], 'show'],
    [['--db=x', '-v', '--no-color', 'status'], 'status'],
    [['--log-level', 'info', 'check'], 'check'],
    [['--bogus', 'list'], undefined],
    [['--no-color=1', 'list'], undefined],
    [['--db'], undefined],
  ])('%j names %s', (args, name) => {
    expect(requestedCommand(args)).toBe(name);
  });

  it('a program built for the named command alone does exactly what the whole program does', async () => {
    const token = fc.constantFrom(
      'list',
      'show',
      'status',
      'lsit',
      'help',
      '1',
      'x',
      '--json',
      '--db',
      '--db=x.db',
      '--config',
      '--log-level',
      'info',
      '-v',
      '--no-color',
      '--help',
      '--version',
      '--bogus',
      '--',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 5 }), async (args) => {
        expect(await outcome(args, requestedCommand(args))).toEqual(await outcome(args, undefined));
      }),
      { numRuns: 300 },
    );
  });
});
