import { MAX_RULE_FORINTS, parseMinimumChange, plainDecimal } from './minimum-change.js';
import { DIGEST_CHOICES } from './quiet-hours.js';
import type { LifecycleRules, MinimumChange, WatchRules } from './watch-rules.js';

/** Rules read from a file, or every problem found in them (each starting with where it was found). */
export type CheckedRules = { ok: true; rules: WatchRules } | { ok: false; problems: string[] };

const RULE_KEYS = ['priceChanges', 'minDrop', 'below', 'lifecycle', 'reposts'] as const;
/** A watch also chooses its own digest; the config file sets digests per target instead (`digests`). */
const WATCH_RULE_KEYS = [...RULE_KEYS, 'digest'] as const;
const LIFECYCLE_KEYS = ['reactivated', 'reappeared', 'gone'] as const;
const PRICE_CHANGES = ['drops', 'all', 'none'] as const;
const REPOSTS = ['notify', 'label', 'skip'] as const;

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Check notification rules as written in a config file; `at` names where they were written ("rules"). */
export function validateRules(value: unknown, at: string): CheckedRules {
  return checkRules(value, at, RULE_KEYS);
}

/**
 * Check one watch's own rules as an export file writes them: the config file's rules plus the watch's digest
 * choice; `at` names where they were written ("watches.0.rules").
 */
export function validateWatchRules(value: unknown, at: string): CheckedRules {
  return checkRules(value, at, WATCH_RULE_KEYS);
}

function checkRules(value: unknown, at: string, known: readonly string[]): CheckedRules {
  if (!isMapping(value)) return { ok: false, problems: [`${at}: expected a mapping of notification rules`] };
  const problems: string[] = [];
  const rules: WatchRules = {};
  for (const [key, entry] of Object.entries(value)) {
    const where = `${at}.${key}`;
    switch (key) {
      case 'priceChanges':
        if ((PRICE_CHANGES as readonly unknown[]).includes(entry))
          rules.priceChanges = entry as WatchRules['priceChanges'];
        else problems.push(`${where}: expected ${PRICE_CHANGES.join(', ')}`);
        break;
      case 'reposts':
        if ((REPOSTS as readonly unknown[]).includes(entry)) rules.reposts = entry as WatchRules['reposts'];
        else problems.push(`${where}: expected ${REPOSTS.join(', ')}`);
        break;
      case 'minDrop': {
        const checked = readMinimumChange(entry, where);
        if (typeof checked === 'string') problems.push(checked);
        else rules.minDrop = checked;
        break;
      }
      case 'below':
        if (entry === null) rules.below = null;
        else if (Number.isSafeInteger(entry) && (entry as number) > 0 && (entry as number) <= MAX_RULE_FORINTS) {
          rules.below = entry as number;
        } else problems.push(`${where}: expected a whole number of forints from 1 to ${MAX_RULE_FORINTS}, or null`);
        break;
      case 'lifecycle': {
        const checked = readLifecycle(entry, where);
        if (Array.isArray(checked)) problems.push(...checked);
        else rules.lifecycle = checked;
        break;
      }
      case 'digest':
        if (!known.includes(key)) problems.push(unknownRule(where, known));
        else if ((DIGEST_CHOICES as readonly unknown[]).includes(entry)) rules.digest = entry as WatchRules['digest'];
        else problems.push(`${where}: expected ${DIGEST_CHOICES.join(', ')}`);
        break;
      default:
        problems.push(unknownRule(where, known));
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}

function unknownRule(where: string, known: readonly string[]): string {
  return `${where}: unknown rule; known ones are ${known.join(', ')}`;
}

/** A minimum change in any of its written forms ("5%", 2000, { percent: 5 }, null), or the problem with it. */
function readMinimumChange(entry: unknown, where: string): MinimumChange | null | string {
  if (entry === null) return null;
  let text: string | null = null;
  if (typeof entry === 'string') text = entry;
  else if (typeof entry === 'number') text = String(entry);
  else if (isMapping(entry) && Object.keys(entry).length === 1) {
    if (typeof entry.percent === 'number') text = `${plainDecimal(entry.percent)}%`;
    if (typeof entry.forints === 'number') text = String(entry.forints);
  }
  if (text === null) return `${where}: expected a share such as "5%" or an amount in forints such as 2000, or null`;
  const parsed = parseMinimumChange(text);
  return parsed.ok ? parsed.value : `${where}: ${parsed.problem}`;
}

function readLifecycle(entry: unknown, where: string): LifecycleRules | string[] {
  if (!isMapping(entry)) return [`${where}: expected a mapping of ${LIFECYCLE_KEYS.join(', ')} to true or false`];
  const problems: string[] = [];
  const lifecycle: LifecycleRules = {};
  for (const [key, value] of Object.entries(entry)) {
    if (!(LIFECYCLE_KEYS as readonly string[]).includes(key)) {
      problems.push(`${where}.${key}: unknown event; known ones are ${LIFECYCLE_KEYS.join(', ')}`);
    } else if (typeof value !== 'boolean') problems.push(`${where}.${key}: expected true or false`);
    else lifecycle[key as keyof LifecycleRules] = value;
  }
  return problems.length > 0 ? problems : lifecycle;
}
