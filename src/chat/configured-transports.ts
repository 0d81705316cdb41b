import type { ResolvedConfig } from '../config/schema.js';
import { UserError } from '../domain/errors.js';
import type { ChatApiOptions } from './chat-api.js';
import { createTelegramTransport } from './telegram-transport.js';
import type { ChatTransport } from './transport.js';

/** The settings chat control reads. */
export type ChatSettings = Pick<
  ResolvedConfig,
  | 'chat.integration'
  | 'chat.telegram.token'
  | 'chat.telegram.allowedChats'
  | 'chat.telegram.apiBase'
  | 'chat.discord.token'
  | 'chat.discord.channel'
  | 'chat.discord.allowedUsers'
  | 'chat.discord.apiBase'
  | 'deliveryTimeoutMs'
  | 'retryAfterMaxMs'
>;

/** True when some chat service is set up to take commands. */
export function isChatConfigured(config: ChatSettings): boolean {
  const integration = config['chat.integration'];
  if (integration === 'terminal') return false;
  const telegram = config['chat.telegram.token'] !== null && integration !== 'discord';
  const discord = config['chat.discord.token'] !== null && integration !== 'telegram';
  return telegram || discord;
}

/**
 * The chat services to read, as the settings (and the Python PYHABOT's INTEGRATION) choose them; a UserError when
 * one is chosen but cannot be used.
 */
export async function configuredTransports(config: ChatSettings, fetchImpl: typeof fetch): Promise<ChatTransport[]> {
  const integration = config['chat.integration'];
  if (integration === 'terminal') return [];
  const api = (token: string): ChatApiOptions => ({
    token,
    fetch: fetchImpl,
    timeoutMs: config.deliveryTimeoutMs,
    retryAfterMaxMs: config.retryAfterMaxMs,
  });
  const transports: ChatTransport[] = [];
  const telegramToken = config['chat.telegram.token'];
  if (integration === 'telegram' && telegramToken === null) {
    throw new UserError('INTEGRATION is telegram but no Telegram bot token is set', {
      hint: 'set TELEGRAM_TOKEN (or chat.telegram.token in the config file)',
    });
  }
  if (telegramToken !== null && integration !== 'discord') {
    transports.push(
      createTelegramTransport({
        apiBase: config['chat.telegram.apiBase'],
        allowedChats: config['chat.telegram.allowedChats'],
        api: api(telegramToken),
      }),
    );
  }
  const discordToken = config['chat.discord.token'];
  if (integration === 'discord' && discordToken === null) {
    throw new UserError('INTEGRATION is discord but no Discord bot token is set', {
      hint: 'set DISCORD_TOKEN (or chat.discord.token in the config file)',
    });
  }
  if (discordToken !== null && integration !== 'telegram') {
    const channel = config['chat.discord.channel'];
    if (channel === null) {
      throw new UserError('a Discord bot token is set but no channel to read commands from', {
        hint: 'set chat.discord.channel (or PYHABOT_CHAT_DISCORD_CHANNEL) to the channel id',
      });
    }
    const { createDiscordTransport } = await import('./discord-transport.js');
    transports.push(
      createDiscordTransport({
        apiBase: config['chat.discord.apiBase'],
        channel,
        allowedUsers: config['chat.discord.allowedUsers'],
        api: api(discordToken),
      }),
    );
  }
  return transports;
}
