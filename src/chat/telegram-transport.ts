import { escapeTelegramHtml, TELEGRAM_TEXT_BUDGET } from '../notify/channels/telegram/render.js';
import { type ChatApiOptions, callChatApi, isRecord, maskToken } from './chat-api.js';
import { fitLines } from './fit-lines.js';
import type { ChatMessage, ChatTransport } from './transport.js';

const DEFAULT_API_BASE = 'https://api.telegram.org';

/** Chat control through a Telegram bot: getUpdates with a stored offset, answers with sendMessage. */
export function createTelegramTransport(settings: {
  apiBase: string;
  allowedChats: readonly string[];
  api: ChatApiOptions;
}): ChatTransport {
  const { api, apiBase } = settings;
  const method = (name: string) => `${apiBase}/bot${api.token}/${name}`;
  const allowed = new Set(settings.allowedChats);
  return {
    name: 'telegram',
    longPolls: true,
    async read(cursor, { waitSeconds, signal }) {
      const query = new URLSearchParams({ timeout: String(waitSeconds), allowed_updates: '["message"]' });
      if (cursor !== undefined) query.set('offset', cursor);
      const body = await callChatApi(
        `${method('getUpdates')}?${query}`,
        { method: 'GET', signal },
        {
          ...api,
          extraWaitMs: waitSeconds * 1000,
        },
      );
      const updates = isRecord(body) && Array.isArray(body.result) ? body.result : [];
      return updates.flatMap((update): ChatMessage[] => {
        if (!isRecord(update) || !Number.isSafeInteger(update.update_id)) return [];
        return [toMessage(update, update.update_id as number)];
      });
    },
    isHandled(position, cursor) {
      return cursor !== undefined && Number(position) <= Number(cursor);
    },
    isAllowed(message) {
      return allowed.has(message.senderId);
    },
    async originTarget(message) {
      // tgram:// always means api.telegram.org; another API server needs the URL form of the same target.
      if (apiBase === DEFAULT_API_BASE) return { target: `tgram://${api.token}/${message.chatId}` };
      return { target: `telegram+${apiBase}/bot${api.token}/sendMessage?chat_id=${message.chatId}` };
    },
    async reply(message, lines) {
      await callChatApi(
        method('sendMessage'),
        {
          method: 'POST',
          body: {
            chat_id: message.chatId,
            text: fitLines(lines, TELEGRAM_TEXT_BUDGET, escapeTelegramHtml),
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            reply_parameters: { message_id: Number(message.messageId), allow_sending_without_reply: true },
          },
        },
        api,
      );
    },
    mask: (text) => maskToken(text, api.token),
  };
}

function toMessage(update: Record<string, unknown>, updateId: number): ChatMessage {
  const message = isRecord(update.message) ? update.message : {};
  const chat = isRecord(message.chat) ? message.chat : {};
  const chatId = typeof chat.id === 'number' || typeof chat.id === 'string' ? String(chat.id) : '';
  return {
    position: String(updateId + 1),
    chatId,
    // Commands are allowed per chat: in a group, every member of an allowed chat may command.
    senderId: chatId,
    messageId: typeof message.message_id === 'number' ? String(message.message_id) : '0',
    text: typeof message.text === 'string' && chatId !== '' ? message.text : null,
  };
}
