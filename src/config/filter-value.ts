import type { AdFilter } from '../domain/ad-filter.js';
import { validateFilter } from '../domain/validate-filter.js';
import type { Checked, ValueContext, ValueType } from './value-types.js';

function check(value: unknown, context: ValueContext): Checked<AdFilter | null> {
  if (value === null) return { ok: true, value: null };
  const checked = validateFilter(value, context.at);
  return checked.ok ? { ok: true, value: checked.filter } : { ok: false, problems: checked.problems };
}

/** The global ad filter: a mapping in a file, JSON text in an environment variable; null when there is none. */
export function adFilter(): ValueType<AdFilter | null> {
  return {
    expected: 'a mapping of filter settings or null',
    fromFile: check,
    fromText(text, context) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { ok: false, problems: [`${context.at}: expected the filter as JSON, e.g. {"exclude":["hibás"]}`] };
      }
      return check(parsed, context);
    },
  };
}
