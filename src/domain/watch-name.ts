import { UserError } from './errors.js';

const MAX_NAME_LENGTH = 200;

/** Check a user-given watch name: one line of visible text. */
export function validateWatchName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '')
    throw new UserError('the watch name is empty', { hint: 'pass --name "some text", or leave it out' });
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new UserError(`the watch name is ${trimmed.length} characters long; at most ${MAX_NAME_LENGTH} are accepted`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters would corrupt terminal output
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new UserError('the watch name contains control characters');
  return trimmed;
}
