import { isAbsolute, join, resolve } from 'node:path';
import { describeValue } from '../domain/describe-value.js';

/** Where a value was written and whether it may be echoed back in a problem. */
export interface ValueContext {
  /** Prefix of every problem: a key path (`notify[2]`), a variable (`PYHABOT_DB`) or a flag (`--db`). */
  readonly at: string;
  /** Secret values are described by their kind only, never quoted. */
  readonly secret: boolean;
}

/** A valid value, or every problem found in it. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] };

/** Directories a relative path in a value is anchored to. */
export interface AnchorBase {
  /** The config file's directory for file values, the working directory otherwise. */
  readonly dir: string;
  readonly home: string;
}

/** How one kind of setting is validated in a file and parsed from text (environment variables, flags). */
export interface ValueType<T> {
  /** Completes "expected …" in problems about file values. */
  readonly expected: string;
  /** Validates a value as it came out of a JSON or YAML file. */
  fromFile(value: unknown, context: ValueContext): Checked<T>;
  /** Parses the text of an environment variable or a flag; undefined when the value cannot come from text. */
  readonly fromText: ((text: string, context: ValueContext) => Checked<T>) | undefined;
  /** Makes a value independent of where it was written, e.g. resolves a relative path. */
  anchor?(value: T, base: AnchorBase): T;
}

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });

/** A single problem in the form `at: expected …, got …`. */
function mismatch(context: ValueContext, expected: string, got: unknown): Checked<never> {
  return {
    ok: false,
    problems: [`${context.at}: expected ${expected}, got ${describeValue(got, { quote: !context.secret })}`],
  };
}

function describeRange(min: number, max: number | undefined): string {
  return max === undefined ? `an integer >= ${min}` : `an integer ${min}-${max}`;
}

/** A whole number within bounds; text must be plain decimal digits. */
export function integer(bounds: { min: number; max?: number }): ValueType<number> {
  const expected = describeRange(bounds.min, bounds.max);
  const inRange = (value: number) => value >= bounds.min && (bounds.max === undefined || value <= bounds.max);
  return {
    expected,
    fromFile(value, context) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || !inRange(value)) {
        return mismatch(context, expected, value);
      }
      return ok(value);
    },
    fromText(text, context) {
      const trimmed = text.trim();
      const value = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
      if (!Number.isSafeInteger(value) || !inRange(value)) return mismatch(context, expected, text);
      return ok(value);
    },
  };
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

/** true or false; text accepts 1/0, true/false, yes/no and on/off in any case. */
export function boolean(): ValueType<boolean> {
  return {
    expected: 'true or false',
    fromFile(value, context) {
      return typeof value === 'boolean' ? ok(value) : mismatch(context, 'true or false', value);
    },
    fromText(text, context) {
      const word = text.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return ok(true);
      if (FALSE_WORDS.has(word)) return ok(false);
      return mismatch(context, 'one of true/false, yes/no, on/off, 1/0', text);
    },
  };
}

/** One of a fixed list of words; text is matched without regard to case (LOG_LEVEL=INFO is common). */
export function oneOf<const T extends string>(choices: readonly T[]): ValueType<T> {
  return choiceOf(choices, (text) => text.toLowerCase());
}

/** One of a fixed list of numbers; text must be plain decimal digits. */
export function oneOfNumbers<const T extends number>(choices: readonly T[]): ValueType<T> {
  return choiceOf(choices, (text) => (/^\d+$/.test(text) ? Number(text) : Number.NaN));
}

/** One of `choices`, compared strictly, so a file's 512 is never the word "512"; `readText` reads trimmed text. */
function choiceOf<T extends string | number>(choices: readonly T[], readText: (text: string) => unknown): ValueType<T> {
  const expected = `one of ${choices.join(', ')}`;
  const isChoice = (value: unknown): value is T => (choices as readonly unknown[]).includes(value);
  return {
    expected,
    fromFile(value, context) {
      return isChoice(value) ? ok(value) : mismatch(context, expected, value);
    },
    fromText(text, context) {
      const value = readText(text.trim());
      return isChoice(value) ? ok(value) : mismatch(context, expected, text);
    },
  };
}

function checkNonEmptyString(value: unknown, context: ValueContext): Checked<string> {
  if (typeof value !== 'string') return mismatch(context, 'a string', value);
  if (value.trim() === '') return mismatch(context, 'a non-empty string', value);
  return ok(value);
}

/** A string with at least one non-blank character. */
export function nonEmptyString(): ValueType<string> {
  return { expected: 'a non-empty string', fromFile: checkNonEmptyString, fromText: checkNonEmptyString };
}

/** A non-empty string or null (null means "not set"). */
export function optionalString(): ValueType<string | null> {
  return {
    expected: 'a non-empty string or null',
    fromFile(value, context) {
      return value === null ? ok(null) : checkNonEmptyString(value, context);
    },
    fromText: checkNonEmptyString,
  };
}

function checkHttpUrl(value: unknown, context: ValueContext): Checked<string> {
  const checked = checkNonEmptyString(value, context);
  if (!checked.ok) return checked;
  const text = checked.value.trim();
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    return mismatch(context, 'an http:// or https:// URL', value);
  }
  return ok(text);
}

/** An absolute http(s) URL or null (null means "not set"). */
export function httpUrl(): ValueType<string | null> {
  return {
    expected: 'an http:// or https:// URL or null',
    fromFile(value, context) {
      return value === null ? ok(null) : checkHttpUrl(value, context);
    },
    fromText: checkHttpUrl,
  };
}

/** Expands a leading `~` to the home directory, then resolves against the base directory. */
function anchorPath(value: string, base: AnchorBase): string {
  if (value === '~') return base.home;
  if (value.startsWith('~/')) return join(base.home, value.slice(2));
  return isAbsolute(value) ? value : resolve(base.dir, value);
}

/** A filesystem path; relative paths are anchored to where they were written. */
export function path(): ValueType<string> {
  return { ...nonEmptyString(), expected: 'a path', anchor: anchorPath };
}

/**
 * Splits a list given as text: at whitespace, and at a comma only where the next item starts with a scheme
 * (`a://x,b://y`), so a comma inside a URL (`?tags=a,b`) stays part of it.
 */
export function splitListText(text: string): string[] {
  return text.split(/\s+|,(?=\s*(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|$))/).filter((item) => item !== '');
}

/** Checks one list item; returns the problem (without the item's position), or undefined when it is fine. */
export type ItemCheck = (item: string) => string | undefined;

/** Checks every item, naming each bad one by its position in the list (`notify[2]`, `PYHABOT_NOTIFY[1]`). */
function checkItems(items: string[], context: ValueContext, checkItem: ItemCheck | undefined): Checked<string[]> {
  if (checkItem === undefined) return ok(items);
  const problems: string[] = [];
  items.forEach((item, index) => {
    const problem = checkItem(item);
    if (problem !== undefined) problems.push(`${context.at}[${index}]: ${problem}`);
  });
  return problems.length > 0 ? { ok: false, problems } : ok(items);
}

/** A list of non-empty strings, each checked by `checkItem` when given; text is split by `splitListText`. */
export function stringList(checkItem?: ItemCheck): ValueType<string[]> {
  return {
    expected: 'a list of strings',
    fromFile(value, context) {
      if (!Array.isArray(value)) return mismatch(context, 'a list of strings', value);
      const problems: string[] = [];
      const items: string[] = [];
      value.forEach((item: unknown, index) => {
        const checked = checkNonEmptyString(item, { ...context, at: `${context.at}[${index}]` });
        if (checked.ok) items.push(checked.value);
        else problems.push(...checked.problems);
      });
      return problems.length > 0 ? { ok: false, problems } : checkItems(items, context, checkItem);
    },
    fromText(text, context) {
      return checkItems(splitListText(text), context, checkItem);
    },
  };
}

/** True for a JSON/YAML mapping (not a list, not null, not a date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * A mapping from strings to non-empty strings, only ever written in a file.
 * `describeKey` renders an entry's key in problems, so keys that hold secrets can be masked.
 */
export function stringMap(describeKey: (key: string) => string): ValueType<Record<string, string>> {
  const expected = 'a mapping of strings to strings';
  return {
    expected,
    fromFile(value, context) {
      if (!isPlainObject(value)) return mismatch(context, expected, value);
      const problems: string[] = [];
      const entries: Record<string, string> = {};
      for (const [key, item] of Object.entries(value)) {
        const checked = checkNonEmptyString(item, {
          ...context,
          at: `${context.at}[${JSON.stringify(describeKey(key))}]`,
        });
        if (checked.ok) entries[key] = checked.value;
        else problems.push(...checked.problems);
      }
      return problems.length > 0 ? { ok: false, problems } : ok(entries);
    },
    fromText: undefined,
  };
}
