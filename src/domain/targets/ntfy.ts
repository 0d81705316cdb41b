import { invalidTarget } from './invalid-target.js';
import { lastFilledIndex, MASK, safeDecode } from './mask.js';
import type { TargetSyntax } from './syntax.js';
import type { TargetOf } from './target.js';
import { prepareWebUrl } from './web-url.js';

const NTFY_TOPIC = /^[A-Za-z0-9_-]{1,64}$/;
const NTFY_DEFAULT_HOST = 'ntfy.sh';

/**
 * ntfy: `ntfy://<topic>`, `ntfy(s)://[credentials@]<host>/<topic>` or `ntfy+<URL>/<topic>`. Whoever knows a topic
 * on a public ntfy server can read it, so the topic is a secret too, in every spelling.
 */
export const ntfyTarget: TargetSyntax<TargetOf<'ntfy'>> = {
  shortSchemes: ['ntfy', 'ntfys'],
  parseShort(raw, scheme, rest) {
    const hint = 'Use ntfy://<topic>, ntfy://<host>/<topic> or ntfys://<host>/<topic>.';
    const slash = rest.indexOf('/');
    const at = rest.lastIndexOf('@', slash === -1 ? undefined : slash);
    const userInfo = at === -1 ? null : rest.slice(0, at);
    const segments = rest.slice(at + 1).split('/');
    // A slash after the topic is harmless; a slash after the host alone means the topic is missing.
    if (segments.length === 3 && segments[2] === '') segments.pop();
    if (segments.length > 2) throw invalidTarget('an ntfy target has at most a host and a topic', hint);
    const [first = '', second] = segments;
    const host = second === undefined ? NTFY_DEFAULT_HOST : first;
    const topic = second ?? first;
    if (!NTFY_TOPIC.test(topic)) throw invalidTarget('an ntfy target needs a topic of letters, digits, _ and -', hint);
    // ntfy.sh only serves https; a plain ntfy:// naming it would meet a redirect that drops the POST.
    const protocol = scheme === 'ntfys' || host.toLowerCase() === NTFY_DEFAULT_HOST ? 'https' : 'http';
    let root: URL;
    try {
      root = new URL(`${protocol}://${host}/`);
    } catch {
      throw invalidTarget('the ntfy host is not a valid host name', hint);
    }
    if (root.pathname !== '/' || root.search !== '' || root.username !== '') {
      throw invalidTarget('the ntfy host is not a valid host name', hint);
    }
    const credentials = userInfo === null ? null : ntfyCredentials(userInfo);
    const shownHost = second === undefined ? '' : `${host}/`;
    const headers: Record<string, string> = credentials === null ? {} : { Authorization: credentials.authorization };
    return {
      raw,
      channel: 'ntfy',
      endpoint: root.href,
      masked: `${scheme}://${credentials?.masked ?? ''}${shownHost}${MASK}`,
      headers,
      secrets: [...(credentials?.secrets ?? []), topic],
      topic,
    };
  },
  ownsHost: () => false,
  parseOwnUrl(raw, url) {
    return ntfyTarget.parseExplicitUrl(raw, url, 'ntfy');
  },
  parseExplicitUrl(raw, url, format) {
    const segments = url.pathname.split('/').filter((segment) => segment !== '');
    const topic = segments.pop() ?? '';
    if (!NTFY_TOPIC.test(topic)) {
      throw invalidTarget('an ntfy+ URL must end in a topic', 'Use ntfy+https://<host>/<topic>.');
    }
    const prepared = prepareWebUrl(url, ntfyTarget.isSecretSegment);
    // JSON publishing goes to the server's root; keeping the parent path supports servers behind a path prefix.
    const root = new URL(prepared.endpoint);
    root.pathname = segments.length === 0 ? '/' : `/${segments.join('/')}/`;
    root.search = '';
    return {
      raw,
      channel: 'ntfy',
      ...prepared,
      endpoint: root.href,
      masked: `${format}+${prepared.masked}`,
      topic,
    };
  },
  // The topic ends the path.
  isSecretSegment: (_segment, index, segments) => (index === lastFilledIndex(segments) ? 0 : undefined),
  maskShortSegment: (_segment, index, segments) => (index === lastFilledIndex(segments) ? 'secret' : undefined),
};

/** `user:password@` becomes basic auth; a lone `token@` is an ntfy access token. */
function ntfyCredentials(userInfo: string): { authorization: string; masked: string; secrets: string[] } {
  const colon = userInfo.indexOf(':');
  if (colon === -1) {
    const token = safeDecode(userInfo);
    return { authorization: `Bearer ${token}`, masked: `${MASK}@`, secrets: [userInfo, token] };
  }
  const user = safeDecode(userInfo.slice(0, colon));
  const password = safeDecode(userInfo.slice(colon + 1));
  const encoded = Buffer.from(`${user}:${password}`).toString('base64');
  return {
    authorization: `Basic ${encoded}`,
    masked: `${userInfo.slice(0, colon)}:${MASK}@`,
    secrets: [userInfo.slice(colon + 1), password, encoded],
  };
}
