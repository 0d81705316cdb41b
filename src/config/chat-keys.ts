import { apiBaseUrl, idList, optionalId } from './chat-values.js';
import { defineKey } from './key-definition.js';
import { integer, oneOf, optionalString } from './value-types.js';

/** How the Python PYHABOT's INTEGRATION variable is read: which chat services take commands. */
export const CHAT_INTEGRATIONS = ['auto', 'terminal', 'telegram', 'discord'] as const;
export type ChatIntegration = (typeof CHAT_INTEGRATIONS)[number];

/** Chat control's settings, a section of the config file (`chat:`), in the order they are documented. */
export const chatKeys = {
  'chat.integration': defineKey({
    type: oneOf(CHAT_INTEGRATIONS),
    default: () => 'auto' as const,
    description:
      'Which chat services take commands: auto (every one with a token), telegram or discord (only that one), terminal (none)',
    secret: false,
    env: ['PYHABOT_CHAT_INTEGRATION', 'INTEGRATION'],
  }),
  'chat.telegram.token': defineKey({
    type: optionalString(),
    default: () => null,
    description: 'Telegram bot token that reads chat commands (from @BotFather); null means no Telegram chat control',
    secret: true,
    env: ['PYHABOT_CHAT_TELEGRAM_TOKEN', 'TELEGRAM_TOKEN'],
  }),
  'chat.telegram.allowedChats': defineKey({
    type: idList(),
    default: () => [],
    description: 'Telegram chat ids whose commands are obeyed; everyone else is ignored',
    secret: false,
    env: ['PYHABOT_CHAT_TELEGRAM_ALLOWED_CHATS'],
  }),
  'chat.telegram.apiBase': defineKey({
    type: apiBaseUrl(),
    default: () => 'https://api.telegram.org',
    description: 'Base URL of the Telegram Bot API (a self-hosted Bot API server)',
    secret: false,
    env: ['PYHABOT_CHAT_TELEGRAM_API_BASE'],
  }),
  'chat.discord.token': defineKey({
    type: optionalString(),
    default: () => null,
    description: 'Discord bot token that reads chat commands; null means no Discord chat control',
    secret: true,
    env: ['PYHABOT_CHAT_DISCORD_TOKEN', 'DISCORD_TOKEN'],
  }),
  'chat.discord.channel': defineKey({
    type: optionalId(),
    default: () => null,
    description: 'Id of the Discord channel the bot reads commands from',
    secret: false,
    env: ['PYHABOT_CHAT_DISCORD_CHANNEL'],
  }),
  'chat.discord.allowedUsers': defineKey({
    type: idList(),
    default: () => [],
    description: 'Discord user ids whose commands are obeyed; everyone else is ignored',
    secret: false,
    env: ['PYHABOT_CHAT_DISCORD_ALLOWED_USERS'],
  }),
  'chat.discord.apiBase': defineKey({
    type: apiBaseUrl(),
    default: () => 'https://discord.com/api/v10',
    description: 'Base URL of the Discord REST API',
    secret: false,
    env: ['PYHABOT_CHAT_DISCORD_API_BASE'],
  }),
  'chat.pollIntervalMs': defineKey({
    type: integer({ min: 1000 }),
    default: () => 15000,
    description: '`pyhabot chat`: pause between two reads of the Discord channel, in milliseconds',
    secret: false,
    env: ['PYHABOT_CHAT_POLL_INTERVAL_MS'],
  }),
};
