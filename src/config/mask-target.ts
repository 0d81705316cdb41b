/** What a hidden secret is shown as. */
export const MASK = '****';

/** Turns a notification target into text that is safe to show; the notification module provides a precise one. */
export type MaskTarget = (raw: string) => string;

const SCHEME = /^([a-z][a-z0-9+.-]*):(\/\/)?/i;
// Only names that look like real DNS hosts or IP addresses are kept: URL styles such as
// `tgram://<bot token>/<chat>` or `discord://<id>/<token>` put secrets where the host would be.
const HOSTNAME = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+|localhost|\[[0-9a-f:.]+\])(?::\d+)?$/i;

/**
 * Keeps the scheme and, when it is clearly a hostname, the host; everything after becomes `****`.
 * Userinfo (`user:password@`) is always dropped.
 */
export function maskTargetConservatively(raw: string): string {
  const scheme = SCHEME.exec(raw);
  if (scheme === null) return MASK;
  const rest = raw.slice(scheme[0].length);
  if (scheme[2] === undefined) return rest === '' ? raw : `${scheme[0]}${MASK}`;
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (!HOSTNAME.test(host)) return `${scheme[0]}${MASK}`;
  const hidesSomething = host !== authority || !/^[/?#]*$/.test(rest.slice(authority.length));
  return hidesSomething ? `${scheme[0]}${host}/${MASK}` : `${scheme[0]}${host}`;
}
