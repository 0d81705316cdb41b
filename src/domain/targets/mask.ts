import type { MaskedText } from './target.js';

/** What a hidden secret is shown as, everywhere pyhabot shows one. */
export const MASK = '****';

/** Secrets shorter than this are masked inside their target but not hunted for in free text, which they would garble. */
export const MIN_SECRET_LENGTH = 4;

const SECRET_QUERY_NAME = /token|key|secret|sig|pass|auth|code|credential/i;

/** Long strings mixing letters and digits are treated as secrets: over-masking a URL costs nothing, leaking one does. */
export function looksLikeToken(value: string): boolean {
  return value.length >= 16 && /[A-Za-z]/.test(value) && /\d/.test(value) && /^[A-Za-z0-9._~:+=%-]+$/.test(value);
}

/** Keep the first characters of an identifier, enough to tell two targets apart. */
export function shorten(value: string, keep: number): string {
  return value.length > keep ? `${value.slice(0, keep)}…` : value;
}

/** Percent-decode, or keep the text as it is when it is not valid percent-encoding. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Mask query values whose name sounds secret or whose value looks like a token. */
export function maskQuery(query: URLSearchParams): { text: string; secrets: string[] } {
  const secrets: string[] = [];
  const parts: string[] = [];
  for (const [name, value] of query) {
    if (value !== '' && (SECRET_QUERY_NAME.test(name) || looksLikeToken(value))) {
      secrets.push(value, encodeURIComponent(value));
      parts.push(`${encodeURIComponent(name)}=${MASK}`);
    } else {
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    }
  }
  return { text: parts.join('&'), secrets };
}

/** Mask every token-shaped run of characters in free text. */
export function maskTokenShapes(text: string): MaskedText {
  const secrets: string[] = [];
  const masked = text.replace(/[A-Za-z0-9._~:+=%-]{16,}/g, (candidate) => {
    if (!looksLikeToken(candidate) && !/\d+:[A-Za-z0-9_-]{16,}/.test(candidate)) return candidate;
    secrets.push(candidate);
    return MASK;
  });
  return { masked, secrets };
}

/** The index of the last non-empty path segment, where most services keep their secret; -1 when there is none. */
export function lastFilledIndex(segments: readonly string[]): number {
  for (let index = segments.length - 1; index >= 0; index -= 1) if (segments[index] !== '') return index;
  return -1;
}
