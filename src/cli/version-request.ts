import type { OptionSpec } from './command-table.js';
import { globalOptions, VERSION_FLAGS } from './global-options.js';

/** How a global option reads its value, for the options that can never fail or print on their own. */
interface HarmlessOption {
  takesValue: boolean;
  choices?: readonly string[] | undefined;
}

function flagNames(flags: string): string[] {
  return flags.split(/[ ,|]+/).filter((part) => part.startsWith('-'));
}

/**
 * Global options that commander only records: an option that parses its value, takes an optional value or
 * conflicts with another can fail or behave differently, so it is left to commander.
 */
function harmlessOptions(options: readonly OptionSpec[]): Map<string, HarmlessOption> {
  const byName = new Map<string, HarmlessOption>();
  for (const option of options) {
    if (option.parse !== undefined || option.conflicts !== undefined || option.flags.includes('[')) continue;
    const harmless = { takesValue: option.flags.includes('<'), choices: option.choices };
    for (const name of flagNames(option.flags)) byName.set(name, harmless);
  }
  return byName;
}

const HARMLESS = harmlessOptions(globalOptions);
const VERSION_NAMES = flagNames(VERSION_FLAGS);

/** `--db=x` is `--db` with the value `x`; only long flags take a value after `=`. */
function splitInlineValue(arg: string): { name: string; value?: string } {
  const equals = arg.indexOf('=');
  if (!arg.startsWith('--') || equals < 0) return { name: arg };
  return { name: arg.slice(0, equals), value: arg.slice(equals + 1) };
}

/**
 * Whether these arguments (without node and the script) ask for the version before anything that could fail:
 * commander handles options in order and stops at `--version`, so the answer is the version whatever follows.
 * Anything unusual before it answers false and is left to commander, which then prints the same or an error.
 */
export function isVersionRequest(args: readonly string[]): boolean {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (VERSION_NAMES.includes(arg)) return true;
    const { name, value: inlineValue } = splitInlineValue(arg);
    const option = HARMLESS.get(name);
    if (option === undefined) return false;
    if (!option.takesValue) {
      if (inlineValue !== undefined) return false;
      continue;
    }
    // Like commander, the next argument is the value even when it looks like an option (`--db --version`).
    const value = inlineValue ?? args[++index];
    if (value === undefined) return false;
    if (option.choices !== undefined && !option.choices.includes(value)) return false;
  }
  return false;
}

/**
 * The command these arguments name, when only harmless global options come before it; undefined when unsure.
 * Commander then needs that command alone, which is quicker to build than the whole table.
 */
export function requestedCommand(args: readonly string[]): string | undefined {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (!arg.startsWith('-')) return arg;
    const { name, value: inlineValue } = splitInlineValue(arg);
    const option = HARMLESS.get(name);
    if (option === undefined || (!option.takesValue && inlineValue !== undefined)) return undefined;
    if (option.takesValue && inlineValue === undefined) index += 1;
  }
  return undefined;
}
