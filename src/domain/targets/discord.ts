import { invalidTarget } from './invalid-target.js';
import { lastFilledIndex, MASK, maskQuery, shorten } from './mask.js';
import type { TargetSyntax } from './syntax.js';
import type { TargetOf } from './target.js';
import { prepareWebUrl } from './web-url.js';

const DISCORD_HOST = /^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/;
const DISCORD_WEBHOOK_PATH = /^(\/api(?:\/v\d+)?\/webhooks\/)(\d+)\/([A-Za-z0-9_-]+)\/?$/;

/** Discord webhooks: `discord://<id>/<token>`, the webhook URL itself, or `discord+<URL>`; the token is secret. */
export const discordTarget: TargetSyntax<TargetOf<'discord'>> = {
  shortSchemes: ['discord'],
  parseShort(raw, _scheme, rest) {
    const match = /^(\d+)\/([A-Za-z0-9_-]+)\/?$/.exec(rest);
    if (match === null) {
      throw invalidTarget(
        'a discord:// target needs a webhook id and token',
        'Use discord://<webhook id>/<webhook token>, or the https://discord.com/api/webhooks/… URL itself.',
      );
    }
    const [, id = '', token = ''] = match;
    return {
      raw,
      channel: 'discord',
      endpoint: discordEndpoint(`https://discord.com/api/webhooks/${id}/${token}`, new URLSearchParams()),
      masked: `discord://${shorten(id, 4)}/${MASK}`,
      headers: {},
      secrets: [token],
    };
  },
  ownsHost: (host) => DISCORD_HOST.test(host),
  parseOwnUrl(raw, url) {
    const match = DISCORD_WEBHOOK_PATH.exec(url.pathname);
    if (match === null) {
      throw invalidTarget(
        'this Discord URL is not a webhook URL',
        'Copy it from Discord (channel settings → Integrations → Webhooks): https://discord.com/api/webhooks/<id>/<token>.',
      );
    }
    const [, prefix = '', id = '', token = ''] = match;
    const host = url.hostname.toLowerCase();
    const query = new URLSearchParams(url.search);
    const maskedQuery = query.size > 0 ? `?${maskQuery(query).text}` : '';
    return {
      raw,
      channel: 'discord',
      endpoint: discordEndpoint(`https://${host}${prefix}${id}/${token}`, query),
      masked: `${url.protocol}//${url.host}${prefix}${shorten(id, 4)}/${MASK}${maskedQuery}`,
      headers: {},
      secrets: [token],
    };
  },
  parseExplicitUrl(raw, url, format) {
    const prepared = prepareWebUrl(url, discordTarget.isSecretSegment);
    return { raw, channel: 'discord', ...prepared, masked: `${format}+${prepared.masked}` };
  },
  // The token ends a webhook URL, whatever sits in front of it.
  isSecretSegment: (_segment, index, segments) => (index === lastFilledIndex(segments) ? 0 : undefined),
  maskShortSegment: (_segment, index) => (index === 1 ? 'secret' : undefined),
};

/** `wait=true` makes Discord validate and answer for the message; without it a rejected message can vanish silently. */
function discordEndpoint(base: string, query: URLSearchParams): string {
  const url = new URL(base);
  for (const [name, value] of query) url.searchParams.set(name, value);
  url.searchParams.set('wait', 'true');
  return url.href;
}
