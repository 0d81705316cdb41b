import type { Checked, ValueContext, ValueType } from './value-types.js';

/** What a mapping validator answers: the value it built, or every problem with its key path. */
export type MappingCheck<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * A setting that is a mapping in a file and JSON text in an environment variable, or null for none; both forms
 * go through the same validator, so a file and a variable are refused with the same words.
 */
export function jsonMapping<T>(
  expected: string,
  jsonExample: string,
  validate: (value: unknown, at: string) => MappingCheck<T>,
): ValueType<T | null> {
  const check = (value: unknown, context: ValueContext): Checked<T | null> =>
    value === null ? { ok: true, value: null } : validate(value, context.at);
  return {
    expected,
    fromFile: check,
    fromText(text, context) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { ok: false, problems: [`${context.at}: expected JSON, e.g. ${jsonExample}`] };
      }
      return check(parsed, context);
    },
  };
}
