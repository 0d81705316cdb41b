import { neutraliseMassMentions } from '../notify/channels/discord/render.js';
import { ChatApiError, type ChatApiOptions, callChatApi, isRecord, maskToken } from './chat-api.js';
import { fitLines } from './fit-lines.js';
import type { ChatMessage, ChatTransport } from './transport.js';

/** Discord's limit for a message's content. */
const DISCORD_CONTENT_LIMIT = 2000;
const DISCORD_EPOCH_MS = 1_420_070_400_000n;
/** A first read, with no position stored yet, answers what was written this long before it. */
const FIRST_READ_LOOKBACK_MS = 10 * 60_000;
const DEFAULT_API_BASE = 'https://discord.com/api/v10';
const WEBHOOK_NAME = 'pyhabot';

/** Chat control through a Discord bot: reads one channel's new messages through the REST API, answers there. */
export function createDiscordTransport(settings: {
  apiBase: string;
  channel: string;
  allowedUsers: readonly string[];
  api: ChatApiOptions;
}): ChatTransport {
  const { api, apiBase, channel } = settings;
  const headers = { authorization: `Bot ${api.token}` };
  const allowed = new Set(settings.allowedUsers);
  return {
    name: 'discord',
    longPolls: false,
    emptyTextHint:
      'Discord sent a message without its text: switch on the Message Content intent of the bot (Developer Portal → Bot → Privileged Gateway Intents)',
    async read(cursor, { signal, now }) {
      const after = cursor ?? snowflakeAt(now.getTime() - FIRST_READ_LOOKBACK_MS);
      const body = await callChatApi(
        `${apiBase}/channels/${channel}/messages?after=${after}&limit=100`,
        { method: 'GET', headers, signal },
        api,
      );
      const messages = (Array.isArray(body) ? body : []).flatMap((entry): ChatMessage[] => {
        if (!isRecord(entry) || typeof entry.id !== 'string' || !/^\d+$/.test(entry.id)) return [];
        const author = isRecord(entry.author) ? entry.author : {};
        const fromBot = author.bot === true;
        const content = typeof entry.content === 'string' ? entry.content : '';
        return [
          {
            position: entry.id,
            chatId: channel,
            senderId: typeof author.id === 'string' ? author.id : '',
            messageId: entry.id,
            // A bot's messages (pyhabot's own answers among them) are never commands.
            text: fromBot ? null : content,
          },
        ];
      });
      // Discord lists the newest first.
      messages.sort((a, b) => compareIds(a.position, b.position));
      return messages;
    },
    isHandled(position, cursor) {
      return cursor !== undefined && compareIds(position, cursor) <= 0;
    },
    isAllowed(message) {
      return allowed.has(message.senderId);
    },
    async originTarget(_message, signal) {
      try {
        const webhook = await channelWebhook(apiBase, channel, headers, api, signal);
        const base = apiBase === DEFAULT_API_BASE ? 'https://discord.com/api' : `discord+${apiBase}`;
        return { target: `${base}/webhooks/${webhook.id}/${webhook.token}` };
      } catch (error) {
        if (!(error instanceof ChatApiError)) throw error;
        return {
          target: null,
          note: "Give the bot the Manage Webhooks permission in this channel, so new watches notify it; until then they use the config's notify targets.",
        };
      }
    },
    async reply(message, lines) {
      await callChatApi(
        `${apiBase}/channels/${channel}/messages`,
        {
          method: 'POST',
          headers,
          body: {
            content: fitLines(lines, DISCORD_CONTENT_LIMIT - 50, escapeDiscordMarkdown),
            // Nobody is ever pinged by an answer, whatever a watch name says.
            allowed_mentions: { parse: [] },
            message_reference: { message_id: message.messageId, fail_if_not_exists: false },
          },
        },
        api,
      );
    },
    mask: (text) => maskToken(text, api.token),
  };
}

/** The channel's webhook named pyhabot, made on first use; needs the Manage Webhooks permission. */
async function channelWebhook(
  apiBase: string,
  channel: string,
  headers: Record<string, string>,
  api: ChatApiOptions,
  signal: AbortSignal,
): Promise<{ id: string; token: string }> {
  const url = `${apiBase}/channels/${channel}/webhooks`;
  const usable = (entry: unknown): { id: string; token: string } | undefined =>
    isRecord(entry) && typeof entry.id === 'string' && typeof entry.token === 'string'
      ? { id: entry.id, token: entry.token }
      : undefined;
  const existing = await callChatApi(url, { method: 'GET', headers, signal }, api);
  for (const entry of Array.isArray(existing) ? existing : []) {
    const webhook = isRecord(entry) && entry.name === WEBHOOK_NAME ? usable(entry) : undefined;
    if (webhook) return webhook;
  }
  const created = usable(
    await callChatApi(url, { method: 'POST', headers, body: { name: WEBHOOK_NAME }, signal }, api),
  );
  if (created === undefined) throw new ChatApiError('Discord made a webhook without a token');
  return created;
}

/** The smallest Discord id of a moment: reading "after" it reads what was written since. */
export function snowflakeAt(ms: number): string {
  return String((BigInt(Math.max(0, Math.floor(ms))) - DISCORD_EPOCH_MS) << 22n);
}

function compareIds(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** Escape Discord markdown, so a watch name or URL is shown as written, and break mass mentions. */
export function escapeDiscordMarkdown(text: string): string {
  const escaped = text.replace(/[\\*_~`|]/g, (char) => `\\${char}`).replace(/^([>#-])/, '\\$1');
  return neutraliseMassMentions(escaped);
}
