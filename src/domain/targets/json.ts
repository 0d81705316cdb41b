import type { TargetSyntax } from './syntax.js';
import type { TargetOf } from './target.js';
import { parseWebUrl, prepareWebUrl } from './web-url.js';

/** Generic JSON webhooks: any other http(s) URL, `json(s)://<host>/<path>` or `json+<URL>`. */
export const jsonTarget: TargetSyntax<TargetOf<'json'>> = {
  shortSchemes: ['json', 'jsons'],
  parseShort(raw, scheme, rest) {
    const url = parseWebUrl(`${scheme === 'jsons' ? 'https' : 'http'}://${rest}`);
    const prepared = prepareWebUrl(url);
    return { raw, channel: 'json', ...prepared, masked: prepared.masked.replace(/^https?:/, `${scheme}:`) };
  },
  ownsHost: () => false,
  parseOwnUrl(raw, url) {
    return { raw, channel: 'json', ...prepareWebUrl(url) };
  },
  parseExplicitUrl(raw, url, format) {
    const prepared = prepareWebUrl(url);
    return { raw, channel: 'json', ...prepared, masked: `${format}+${prepared.masked}` };
  },
  // A receiver's path is the user's own; only credentials and token-shaped parts are hidden.
  isSecretSegment: () => undefined,
  maskShortSegment: () => undefined,
};
