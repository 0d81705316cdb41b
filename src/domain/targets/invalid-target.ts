import { UserError } from '../errors.js';

const TARGET_FORMS_HINT =
  'Use discord://<id>/<token>, slack://<T>/<B>/<secret>, tgram://<bot token>/<chat id>, ntfy://<topic>, ' +
  'an http(s):// webhook URL, or <format>+<http(s) URL> with format discord, slack, telegram, ntfy or json, ' +
  'or file+<absolute path ending in .xml, .atom, .rss or .json> for a feed file.';

/** The error for a target pyhabot cannot use; never quotes the target, which may hold a secret. */
export function invalidTarget(problem: string, hint: string = TARGET_FORMS_HINT): UserError {
  return new UserError(`Invalid notification target: ${problem}.`, { hint });
}
