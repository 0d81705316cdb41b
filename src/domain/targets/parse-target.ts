import { fileTarget } from './file.js';
import { invalidTarget } from './invalid-target.js';
import { MASK, MIN_SECRET_LENGTH, maskTokenShapes, shorten } from './mask.js';
import { channelNamed, syntaxForHost, syntaxForScheme, targetSyntaxes } from './registry.js';
import type { MaskedText, NotificationTarget } from './target.js';
import { maskWebUrl, parseWebUrl } from './web-url.js';

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is;

/** Read a target string; throws a UserError (never quoting a secret) when it is not a target pyhabot can use. */
export function parseTarget(raw: string): NotificationTarget {
  const text = raw.trim();
  if (text === '') throw invalidTarget('it is empty');
  if (/\s/.test(text)) {
    throw invalidTarget('it contains whitespace', 'Remove spaces and line breaks; quote the target in a shell.');
  }
  // A feed file's path follows the `+` directly: it has no scheme:// of its own.
  if (/^file\+/i.test(text)) return fileTarget.parsePath(text, text.slice('file+'.length));
  const match = SCHEME.exec(text);
  if (match === null) throw invalidTarget('it does not start with scheme://');
  const scheme = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  if (scheme.includes('+')) return parseExplicitTarget(text, scheme, rest);
  if (scheme === 'http' || scheme === 'https') {
    const url = parseWebUrl(text);
    return syntaxForHost(url.hostname.toLowerCase()).parseOwnUrl(text, url);
  }
  const syntax = syntaxForScheme(scheme);
  if (syntax === undefined) throw invalidTarget(`the scheme "${scheme}" is not supported`);
  return syntax.parseShort(text, scheme, rest);
}

/** Show a target with its secrets masked; never throws, and masks what it can in strings that do not parse. */
export function maskTarget(raw: string): string {
  return maskAnyTarget(raw.trim()).masked;
}

/** Replace every secret of the given targets (and the targets themselves) wherever they occur in a text. */
export function maskSecretsInText(text: string, targets: readonly string[]): string {
  const replacements: [string, string][] = [];
  for (const raw of targets) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const { masked, secrets } = maskAnyTarget(trimmed);
    replacements.push([trimmed, masked]);
    for (const secret of secrets) {
      if (secret.length < MIN_SECRET_LENGTH) continue;
      replacements.push([secret, MASK]);
      replacements.push([encodeURIComponent(secret), MASK]);
    }
  }
  // Longest first, so a whole target is replaced before the secrets inside it.
  replacements.sort(([a], [b]) => b.length - a.length);
  let result = text;
  for (const [secret, replacement] of replacements) result = result.replaceAll(secret, replacement);
  return result;
}

function maskAnyTarget(text: string): { masked: string; secrets: readonly string[] } {
  try {
    return parseTarget(text);
  } catch {
    return maskLoosely(text);
  }
}

function parseExplicitTarget(raw: string, scheme: string, rest: string): NotificationTarget {
  const plus = scheme.indexOf('+');
  const format = scheme.slice(0, plus);
  const urlScheme = scheme.slice(plus + 1);
  const channel = channelNamed(format);
  if (channel === undefined) {
    throw invalidTarget(`the format "${format}" is unknown`, `Formats: ${Object.keys(targetSyntaxes).join(', ')}.`);
  }
  if (urlScheme !== 'http' && urlScheme !== 'https') {
    throw invalidTarget(`"${format}+" must be followed by an http:// or https:// URL`);
  }
  return targetSyntaxes[channel].parseExplicitUrl(raw, parseWebUrl(`${urlScheme}://${rest}`), format);
}

/** Best effort for strings that do not parse: mask where each format keeps its secrets, and anything token-shaped. */
function maskLoosely(text: string): MaskedText {
  const match = SCHEME.exec(text);
  if (match === null) return maskTokenShapes(text);
  const scheme = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  const plus = scheme.indexOf('+');
  const urlScheme = scheme.slice(plus + 1);
  // A named format keeps its masking rule even when what follows the `+` is not an http(s) URL.
  if (plus !== -1 || urlScheme === 'http' || urlScheme === 'https') {
    try {
      const url = new URL(`${urlScheme}://${rest}`);
      const channel = plus === -1 ? undefined : channelNamed(scheme.slice(0, plus));
      const { masked, secrets } = maskWebUrl(url, channel && targetSyntaxes[channel].isSecretSegment);
      return { masked: `${scheme.slice(0, plus + 1)}${masked}`, secrets };
    } catch {
      // Not even a URL: fall through to segment-wise masking.
    }
  }
  const syntax = syntaxForScheme(scheme);
  const secrets: string[] = [];
  const keep = (secret: string): string => {
    secrets.push(secret);
    return MASK;
  };
  const segments = rest.split('/');
  const masked = segments.map((segment, index) => {
    if (segment === '') return segment;
    const at = index === 0 ? segment.lastIndexOf('@') : -1;
    if (at !== -1) {
      const colon = segment.indexOf(':');
      const user = colon !== -1 && colon < at ? `${segment.slice(0, colon)}:` : '';
      keep(segment.slice(user.length, at));
      return `${user}${MASK}@${segment.slice(at + 1)}`;
    }
    const verdict = syntax?.maskShortSegment(segment, index, segments);
    if (verdict === 'secret') return keep(segment);
    if (verdict === 'identifier') return shorten(segment, 3);
    if (/^\d{8,}$/.test(segment)) return shorten(segment, 4);
    const shaped = maskTokenShapes(segment);
    secrets.push(...shaped.secrets);
    return shaped.masked;
  });
  return { masked: `${match[1]}://${masked.join('/')}`, secrets };
}
