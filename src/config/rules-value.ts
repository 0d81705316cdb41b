import { validateRules } from '../domain/validate-rules.js';
import type { WatchRules } from '../domain/watch-rules.js';
import { jsonMapping } from './json-mapping-value.js';
import type { ValueType } from './value-types.js';

/** The global notification rules: a mapping in a file, JSON text in an environment variable; null for none. */
export function notificationRules(): ValueType<WatchRules | null> {
  return jsonMapping(
    'a mapping of notification rules or null',
    '{"priceChanges":"all","minDrop":"5%"}',
    (value, at) => {
      const checked = validateRules(value, at);
      return checked.ok ? { ok: true, value: checked.rules } : { ok: false, problems: checked.problems };
    },
  );
}
