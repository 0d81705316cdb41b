import { invalidTarget } from './invalid-target.js';
import { looksLikeToken, MASK, maskQuery, safeDecode, shorten } from './mask.js';
import type { MaskedText, TargetBase } from './target.js';

/**
 * A format's own rule for the secret path segments of its URLs, on top of what every URL hides: how many leading
 * characters of the segment may be shown, or undefined when it holds no secret.
 */
export type SecretSegmentRule = (segment: string, index: number, segments: readonly string[]) => number | undefined;

/** The URL part of a target: where requests go, the headers they need, and how it is shown. */
export type PreparedUrl = Pick<TargetBase, 'endpoint' | 'headers' | 'masked' | 'secrets'>;

/** Read an http(s) URL with a host; throws the invalid-target error otherwise. */
export function parseWebUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidTarget('it is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidTarget('it is not an http(s) URL');
  if (url.hostname === '') throw invalidTarget('the URL has no host');
  return url;
}

/** Move credentials out of the URL into a header (fetch refuses URLs that carry them) and mask the rest. */
export function prepareWebUrl(url: URL, isSecretSegment?: SecretSegmentRule): PreparedUrl {
  const headers: Record<string, string> = {};
  const extraSecrets: string[] = [];
  if (url.username !== '' || url.password !== '') {
    const encoded = Buffer.from(`${safeDecode(url.username)}:${safeDecode(url.password)}`).toString('base64');
    headers.Authorization = `Basic ${encoded}`;
    extraSecrets.push(encoded);
  }
  const clean = new URL(url.href);
  clean.username = '';
  clean.password = '';
  clean.hash = '';
  const { masked, secrets } = maskWebUrl(url, isSecretSegment);
  return { endpoint: clean.href, headers, masked, secrets: [...secrets, ...extraSecrets] };
}

/**
 * Mask credentials, webhook tokens, bot tokens, token-shaped path segments and secret-looking query values in a
 * URL, then whatever the format's own rule calls secret.
 */
export function maskWebUrl(url: URL, isSecretSegment?: SecretSegmentRule): MaskedText {
  const secrets: string[] = [];
  const keep = (secret: string): string => {
    secrets.push(secret, safeDecode(secret));
    return MASK;
  };
  let userInfo = '';
  if (url.password !== '') userInfo = `${url.username}:${keep(url.password)}@`;
  else if (url.username !== '') userInfo = `${keep(url.username)}@`;

  const segments = url.pathname.split('/');
  const slackLike = segments[1] === 'services' && segments.length >= 5;
  const maskedSegments = segments.map((segment, index) => {
    const previous = segments[index - 1];
    if (previous === 'webhooks' && /^\d+$/.test(segment)) return shorten(segment, 4);
    if (segments[index - 2] === 'webhooks' && /^\d+$/.test(previous ?? '') && segment !== '') return keep(segment);
    if (slackLike && (index === 2 || index === 3)) return shorten(segment, 3);
    if (slackLike && index === 4 && segment !== '') return keep(segment);
    if (/^bot\d+:[A-Za-z0-9_-]+$/.test(segment)) {
      // The part after the colon alone is just as secret.
      secrets.push(segment.slice(segment.indexOf(':') + 1));
      return `bot${keep(segment.slice(3))}`;
    }
    if (looksLikeToken(segment)) return keep(segment);
    const shown = segment === '' ? undefined : isSecretSegment?.(segment, index, segments);
    return shown === undefined ? segment : `${segment.slice(0, shown)}${keep(segment.slice(shown))}`;
  });
  const query = maskQuery(url.searchParams);
  secrets.push(...query.secrets);
  const search = query.text === '' ? '' : `?${query.text}`;
  return { masked: `${url.protocol}//${userInfo}${url.host}${maskedSegments.join('/')}${search}`, secrets };
}
