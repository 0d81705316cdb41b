import type { AdFilter } from '../domain/ad-filter.js';
import { validateFilter } from '../domain/validate-filter.js';
import { jsonMapping } from './json-mapping-value.js';
import type { ValueType } from './value-types.js';

/** The global ad filter: a mapping in a file, JSON text in an environment variable; null when there is none. */
export function adFilter(): ValueType<AdFilter | null> {
  return jsonMapping('a mapping of filter settings or null', '{"exclude":["hibás"]}', (value, at) => {
    const checked = validateFilter(value, at);
    return checked.ok ? { ok: true, value: checked.filter } : { ok: false, problems: checked.problems };
  });
}
