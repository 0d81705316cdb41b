import { validateRules } from '../domain/validate-rules.js';
import type { WatchRules } from '../domain/watch-rules.js';
import type { Checked, ValueContext, ValueType } from './value-types.js';

function check(value: unknown, context: ValueContext): Checked<WatchRules | null> {
  if (value === null) return { ok: true, value: null };
  const checked = validateRules(value, context.at);
  return checked.ok ? { ok: true, value: checked.rules } : { ok: false, problems: checked.problems };
}

/** The global notification rules: a mapping in a file, JSON text in an environment variable; null for none. */
export function notificationRules(): ValueType<WatchRules | null> {
  return {
    expected: 'a mapping of notification rules or null',
    fromFile: check,
    fromText(text, context) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return {
          ok: false,
          problems: [`${context.at}: expected the rules as JSON, e.g. {"priceChanges":"all","minDrop":"5%"}`],
        };
      }
      return check(parsed, context);
    },
  };
}
