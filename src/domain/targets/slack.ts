import { invalidTarget } from './invalid-target.js';
import { lastFilledIndex, MASK, shorten } from './mask.js';
import type { TargetSyntax } from './syntax.js';
import type { TargetOf } from './target.js';
import { prepareWebUrl } from './web-url.js';

const SLACK_HOST = 'hooks.slack.com';
const SLACK_WEBHOOK_PATH = /^\/services\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/?$/;

/** Slack incoming webhooks: `slack://<T>/<B>/<secret>`, the webhook URL, or `slack+<URL>`; the last part is secret. */
export const slackTarget: TargetSyntax<TargetOf<'slack'>> = {
  shortSchemes: ['slack'],
  parseShort(raw, _scheme, rest) {
    const match = /^([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/?$/.exec(rest);
    if (match === null) {
      throw invalidTarget(
        'a slack:// target needs three parts',
        'Use slack://<T…>/<B…>/<secret>, the three parts after /services/ in the webhook URL.',
      );
    }
    const [, team = '', bot = '', secret = ''] = match;
    return slackWebhook(raw, team, bot, secret, `slack://${shorten(team, 3)}/${shorten(bot, 3)}/${MASK}`);
  },
  ownsHost: (host) => host === SLACK_HOST,
  parseOwnUrl(raw, url) {
    const match = SLACK_WEBHOOK_PATH.exec(url.pathname);
    if (match === null) {
      throw invalidTarget(
        'this Slack URL is not an incoming-webhook URL',
        'It looks like https://hooks.slack.com/services/<T…>/<B…>/<secret>.',
      );
    }
    const [, team = '', bot = '', secret = ''] = match;
    const masked = `${url.protocol}//${url.host}/services/${shorten(team, 3)}/${shorten(bot, 3)}/${MASK}`;
    return slackWebhook(raw, team, bot, secret, masked);
  },
  parseExplicitUrl(raw, url, format) {
    const prepared = prepareWebUrl(url, slackTarget.isSecretSegment);
    return { raw, channel: 'slack', ...prepared, masked: `${format}+${prepared.masked}` };
  },
  // Slack's secret is the last part of the path, on hooks.slack.com or behind any proxy.
  isSecretSegment: (_segment, index, segments) => (index === lastFilledIndex(segments) ? 0 : undefined),
  maskShortSegment: (_segment, index) => (index >= 2 ? 'secret' : 'identifier'),
};

function slackWebhook(raw: string, team: string, bot: string, secret: string, masked: string): TargetOf<'slack'> {
  return {
    raw,
    channel: 'slack',
    endpoint: `https://${SLACK_HOST}/services/${team}/${bot}/${secret}`,
    masked,
    headers: {},
    secrets: [secret],
  };
}
