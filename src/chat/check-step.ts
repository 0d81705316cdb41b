import type { Logger } from 'pino';
import type { ResolvedConfig } from '../config/schema.js';
import { UserError } from '../domain/errors.js';
import type { Db } from '../store/open-db.js';
import { answerChatsOnce } from './answer-chats.js';
import { configuredTransports, isChatConfigured } from './configured-transports.js';
import type { ChatTransport } from './transport.js';

/**
 * The chat step of `check`: when chat control is set up, answer the commands that arrived since the last read,
 * before the watches are read (so a watch added from a chat is checked in the same run). True when a read failed.
 */
export async function answerChatsBeforeCheck(deps: {
  db: Db;
  config: ResolvedConfig;
  logger: Logger;
  now: () => Date;
  signal: AbortSignal;
  note: (line: string) => void;
}): Promise<boolean> {
  if (!isChatConfigured(deps.config)) return false;
  let transports: ChatTransport[];
  try {
    transports = await configuredTransports(deps.config, globalThis.fetch);
  } catch (error) {
    // Chat settings that cannot be used must not stop the watches from being checked.
    if (!(error instanceof UserError)) throw error;
    deps.note(`pyhabot: chat commands were not read: ${error.message}`);
    if (error.hint) deps.note(`hint: ${error.hint}`);
    return true;
  }
  const { failed } = await answerChatsOnce({ ...deps, settings: deps.config }, transports, (transport, error) => {
    deps.note(
      `pyhabot: chat commands from ${transport.name} could not be read: ${transport.mask(error instanceof Error ? error.message : String(error))}`,
    );
  });
  return failed;
}
