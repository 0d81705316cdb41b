import { discordTarget } from './discord.js';
import { fileTarget } from './file.js';
import { jsonTarget } from './json.js';
import { ntfyTarget } from './ntfy.js';
import { slackTarget } from './slack.js';
import type { TargetSyntax } from './syntax.js';
import type { Channel, TargetOf } from './target.js';
import { telegramTarget } from './telegram.js';

/** Every channel's target syntax; the key is also the format name of `<format>+<URL>`. */
export const targetSyntaxes = {
  discord: discordTarget,
  slack: slackTarget,
  telegram: telegramTarget,
  ntfy: ntfyTarget,
  json: jsonTarget,
  file: fileTarget,
} satisfies { [C in Channel]: TargetSyntax<TargetOf<C>> };

const allSyntaxes: readonly TargetSyntax[] = Object.values(targetSyntaxes);

/** The channel a `<format>+` prefix names, if any. */
export function channelNamed(format: string): Channel | undefined {
  return Object.hasOwn(targetSyntaxes, format) ? (format as Channel) : undefined;
}

/** The syntax whose short form uses this scheme, if any. */
export function syntaxForScheme(scheme: string): TargetSyntax | undefined {
  return allSyntaxes.find((syntax) => syntax.shortSchemes.includes(scheme));
}

/** The service that owns a plain http(s) URL's host; every other host is a JSON webhook. */
export function syntaxForHost(host: string): TargetSyntax {
  return allSyntaxes.find((syntax) => syntax.ownsHost(host)) ?? jsonTarget;
}
