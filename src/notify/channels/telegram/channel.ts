import type { ChannelAdapter } from '../adapter.js';
import { renderTelegram } from './render.js';
import { renderTelegramAlert } from './render-alert.js';
import { telegramProtocol } from './responses.js';

/** Everything pyhabot needs to send to a Telegram chat through the Bot API. */
export const telegramChannel: ChannelAdapter<'telegram'> = {
  render: (items, options, target) => renderTelegram(items, options, target.chatId),
  renderAlert: (item, options, target) => renderTelegramAlert(item, options, target.chatId),
  protocol: telegramProtocol,
  signsBodies: false,
};
