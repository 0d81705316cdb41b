import type { AppContext } from '../app/context.js';
import type { ChatStepDependencies } from '../chat/answer-chat.js';
import type { ChatFailureReport } from '../chat/answer-chats.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';

/** `pyhabot chat [--once]`: answer chat commands from Telegram and Discord, once or until stopped. */
export async function run(context: AppContext, _args: [], options: { once?: boolean }): Promise<ExitCode> {
  const { config } = await context.config();
  const { configuredTransports } = await import('../chat/configured-transports.js');
  const transports = await configuredTransports(config, globalThis.fetch);
  if (transports.length === 0) {
    throw new UserError('chat control is not set up', {
      hint: 'set TELEGRAM_TOKEN and chat.telegram.allowedChats, or DISCORD_TOKEN, chat.discord.channel and chat.discord.allowedUsers (README "Chat control")',
    });
  }
  const db = await context.db('write');
  const logger = await context.logger();
  const deps: ChatStepDependencies = { db, settings: config, logger, now: context.now, signal: context.signal };
  const onFailure: ChatFailureReport = (transport, error) => {
    context.output.note(
      `pyhabot: ${transport.name}: ${transport.mask(error instanceof Error ? error.message : String(error))}`,
    );
  };
  const { answerChatsOnce, listenToChats } = await import('../chat/answer-chats.js');
  if (!options.once) {
    logger.info({ transports: transports.map((transport) => transport.name) }, 'listening for chat commands');
    await listenToChats(deps, transports, { pollIntervalMs: config['chat.pollIntervalMs'], onFailure });
    return ExitCode.ok;
  }
  const { results, failed } = await answerChatsOnce(deps, transports, onFailure);
  for (const [name, result] of results) {
    context.output.line(`${name}: ${result.answered} answered, ${result.ignored} ignored`);
  }
  return failed ? ExitCode.partialFailure : ExitCode.ok;
}
