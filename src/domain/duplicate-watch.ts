import { UserError } from './errors.js';

/** The error for a URL that another watch already has. */
export function duplicateError(id: number, name: string): UserError {
  return new UserError(`this URL is already watched by watch ${id} (${name})`, {
    hint: `see it with \`pyhabot show ${id}\``,
  });
}
