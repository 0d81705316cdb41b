import { invalidTarget } from './invalid-target.js';
import { MASK } from './mask.js';
import type { TargetSyntax } from './syntax.js';
import type { TargetOf } from './target.js';
import { prepareWebUrl } from './web-url.js';

const TELEGRAM_TOKEN = /^\d+:[A-Za-z0-9_-]+$/;
const TELEGRAM_CHAT = /^(?:-?\d+|@[A-Za-z][A-Za-z0-9_]{3,})$/;

/** Telegram bots: `tgram://<bot token>/<chat id>` or `telegram+<URL>?chat_id=…`; the bot token is secret. */
export const telegramTarget: TargetSyntax<TargetOf<'telegram'>> = {
  shortSchemes: ['tgram'],
  parseShort(raw, _scheme, rest) {
    const [token = '', chatId = '', ...extra] = rest.replace(/\/$/, '').split('/');
    const hint = 'Use tgram://<bot token>/<chat id>, e.g. tgram://123456:ABC-DEF…/-1001234567890.';
    if (chatId === '' || extra.length > 0) {
      throw invalidTarget('a tgram:// target needs a bot token and a chat id', hint);
    }
    if (!TELEGRAM_TOKEN.test(token)) throw invalidTarget('the bot token is not of the form <digits>:<letters>', hint);
    if (!TELEGRAM_CHAT.test(chatId)) throw invalidTarget('the chat id is not a number or an @channel name', hint);
    return {
      raw,
      channel: 'telegram',
      endpoint: `https://api.telegram.org/bot${token}/sendMessage`,
      masked: `tgram://${MASK}/${chatId}`,
      headers: {},
      // The part after the colon alone is just as secret.
      secrets: [token, token.slice(token.indexOf(':') + 1)],
      chatId,
    };
  },
  // A plain api.telegram.org URL carries no chat id, so it stays a JSON webhook as it always was.
  ownsHost: () => false,
  parseOwnUrl(raw, url) {
    return telegramTarget.parseExplicitUrl(raw, url, 'telegram');
  },
  parseExplicitUrl(raw, url, format) {
    const chatId = url.searchParams.get('chat_id') ?? '';
    if (!TELEGRAM_CHAT.test(chatId)) {
      throw invalidTarget(
        'a telegram+ URL needs ?chat_id=<chat id>',
        'Use telegram+https://<host>/bot<token>/sendMessage?chat_id=<chat id>.',
      );
    }
    const prepared = prepareWebUrl(url, telegramTarget.isSecretSegment);
    return { raw, channel: 'telegram', ...prepared, masked: `${format}+${prepared.masked}`, chatId };
  },
  // The bot token sits in the `bot<token>` segment of the Bot API path.
  isSecretSegment: (segment) => (/^bot./.test(segment) ? 'bot'.length : undefined),
  maskShortSegment: (_segment, index) => (index === 0 ? 'secret' : undefined),
};
