import type { ChannelAdapter } from '../adapter.js';
import { renderTelegram } from './render.js';
import { renderTelegramAlert } from './render-alert.js';
import { telegramProtocol } from './responses.js';

/** Up to this many ads a run sends one Telegram message each; more go as one list (split into parts if long). */
export const TELEGRAM_LIST_AFTER = 5;

/** Everything pyhabot needs to send to a Telegram chat through the Bot API. */
export const telegramChannel: ChannelAdapter<'telegram'> = {
  render: (items, options, target) =>
    items.length > (options.telegramListAfter ?? TELEGRAM_LIST_AFTER)
      ? renderTelegram(items, options, target.chatId)
      : items.flatMap((item) => renderTelegram([item], options, target.chatId)),
  renderAlert: (item, options, target) => renderTelegramAlert(item, options, target.chatId),
  protocol: telegramProtocol,
  signsBodies: false,
};
