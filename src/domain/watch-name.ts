import { UserError } from './errors.js';
import { truncateText } from './truncate-text.js';

const MAX_NAME_LENGTH = 200;

/** Check a user-given watch name: one line of visible text. */
export function validateWatchName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '')
    throw new UserError('the watch name is empty', { hint: 'pass --name "some text", or leave it out' });
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new UserError(`the watch name is ${trimmed.length} characters long; at most ${MAX_NAME_LENGTH} are accepted`);
  }
  // Control characters (C1 included) would corrupt terminal output; bidi overrides make a name read as another.
  if (/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(trimmed)) {
    throw new UserError('the watch name contains control characters', {
      hint: 'use visible text only: no escape sequences, control or text-direction characters',
    });
  }
  return trimmed;
}

/** A valid name made from text the user did not type (a search text, a category path): cut to fit, made one line. */
export function fitWatchName(derived: string): string {
  // A control character in a search text becomes a space.
  const oneLine = derived
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  return truncateText(oneLine, MAX_NAME_LENGTH) || 'search';
}
