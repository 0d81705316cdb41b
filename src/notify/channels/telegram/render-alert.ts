import type { AlertItem } from '../../../domain/alert-events.js';
import { truncateText } from '../../../domain/truncate-text.js';
import { describeAlert } from '../../alert-text.js';
import { IDEMPOTENCY_HEADER } from '../../idempotency.js';
import type { RenderedMessage, RenderOptions } from '../../message.js';
import { escapeTelegramHtml, type TelegramSendMessageBody } from './render.js';

/** Raw length before escaping (at most six times longer after it): far inside Telegram's text limit. */
const ALERT_TEXT_LENGTH = 600;

/** Render an alert as a plain Telegram message: a bold title and its detail lines. */
export function renderTelegramAlert(
  item: AlertItem,
  options: RenderOptions,
  chatId: string,
): RenderedMessage<TelegramSendMessageBody> {
  const text = describeAlert(item.event, options.language);
  const title = escapeTelegramHtml(truncateText(text.title, 200));
  const details = escapeTelegramHtml(truncateText(text.lines.join('\n'), ALERT_TEXT_LENGTH));
  return {
    itemIds: [item.id],
    body: {
      chat_id: chatId,
      text: `<b>${title}</b>\n${details}`,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    },
    headers: { [IDEMPOTENCY_HEADER]: item.idempotencyKey },
  };
}
