import { type AdFilter, FILTER_KEYS, normalizeFilter } from './ad-filter.js';
import { compileFilter } from './filter-ad.js';
import { PatternError } from './title-pattern.js';

/** A filter read from a file, or every problem found in it (each starting with where it was found). */
export type CheckedFilter = { ok: true; filter: AdFilter } | { ok: false; problems: string[] };

const LIST_KEYS = new Set<string>(['exclude', 'require', 'blockSellers', 'allowSellers', 'cities']);
const PRICE_KEYS = new Set<string>(['minPrice', 'maxPrice', 'minRating']);
const FLAG_KEYS = new Set<string>(['keepUnpriced', 'dropWanted', 'dropIced', 'dropPinned']);
const MAX_FORINTS = 999_999_999;

/** Check a filter as written in a config or export file; `at` names where it was written ("filter"). */
export function validateFilter(value: unknown, at: string): CheckedFilter {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [`${at}: expected a mapping of filter settings`] };
  }
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(value)) {
    const where = `${at}.${key}`;
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      problems.push(`${where}: unknown filter setting; known ones are ${FILTER_KEYS.join(', ')}`);
    } else if (LIST_KEYS.has(key)) {
      const valid = Array.isArray(entry) && entry.every((item) => typeof item === 'string' && item.trim() !== '');
      if (!valid) problems.push(`${where}: expected a list of non-empty strings`);
    } else if (PRICE_KEYS.has(key)) {
      const valid = typeof entry === 'number' && Number.isSafeInteger(entry) && entry >= 0 && entry <= MAX_FORINTS;
      if (!valid) problems.push(`${where}: expected a whole number from 0 to ${MAX_FORINTS}`);
    } else if (FLAG_KEYS.has(key)) {
      if (typeof entry !== 'boolean') problems.push(`${where}: expected true or false`);
    } else if (key === 'sellerKind' && entry !== 'business' && entry !== 'private') {
      problems.push(`${where}: expected business or private`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const filter = normalizeFilter(value as AdFilter);
  try {
    compileFilter(filter, at);
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, problems: [`${at}: ${error.message}`] };
    throw error;
  }
  return { ok: true, filter };
}
