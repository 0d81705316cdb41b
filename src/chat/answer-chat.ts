import type { Logger } from 'pino';
import { type ChatCommand, parseChatCommand } from '../domain/chat-command.js';
import { UserError } from '../domain/errors.js';
import { getChatCursor, noteChatStranger, setChatCursor } from '../store/chat-repo.js';
import type { Db } from '../store/open-db.js';
import { isStoreFailure } from '../store/store-error.js';
import { type ChatCommandSettings, runChatCommand } from './run-chat-command.js';
import type { ChatTransport } from './transport.js';

const warnedEmptyText = new WeakSet<ChatTransport>();

/** What answering a chat needs. */
export interface ChatStepDependencies {
  db: Db;
  settings: ChatCommandSettings;
  logger: Logger;
  now: () => Date;
  signal: AbortSignal;
}

/** What one read of one chat service came to. */
export interface ChatReadResult {
  /** Commands from allowed senders that were run (or refused with an error). */
  answered: number;
  /** Messages from senders who may not command pyhabot. */
  ignored: number;
  /** Messages read, handled here or by another reader. */
  read: number;
}

/**
 * Read one chat service once and handle what arrived: each message's effect and the new read position are
 * written in one transaction, so a crash never runs a command twice or skips one; the answer is sent after
 * the commit (at most once: a crash between the two loses the answer, never the command).
 */
export async function answerChat(
  deps: ChatStepDependencies,
  transport: ChatTransport,
  options: { waitSeconds: number },
): Promise<ChatReadResult> {
  const { db, logger } = deps;
  const result: ChatReadResult = { answered: 0, ignored: 0, read: 0 };
  const messages = await transport.read(getChatCursor(db, transport.name), {
    waitSeconds: options.waitSeconds,
    signal: deps.signal,
    now: deps.now(),
  });
  result.read = messages.length;
  for (const message of messages) {
    // A stop leaves the rest unread: the next run reads them again from the stored position.
    if (deps.signal.aborted) break;
    const command = message.text === null ? null : parseChatCommand(message.text);
    const allowed = transport.isAllowed(message);
    if (allowed && message.text === '' && transport.emptyTextHint !== undefined && !warnedEmptyText.has(transport)) {
      warnedEmptyText.add(transport);
      logger.warn({ transport: transport.name }, transport.emptyTextHint);
    }
    const origin =
      allowed && command?.kind === 'add' ? await transport.originTarget(message, deps.signal) : { target: null };
    const handled = db
      .transaction(() => {
        // Another reader (a `check` beside `pyhabot chat`) may have handled it since this one read it.
        if (transport.isHandled(message.position, getChatCursor(db, transport.name))) return { skipped: true } as const;
        const now = deps.now();
        let lines: string[] | null = null;
        let stranger = false;
        if (!allowed) stranger = message.text !== null && noteChatStranger(db, transport.name, message.senderId, now);
        else if (command !== null) lines = answerCommand(deps, command, origin, now);
        setChatCursor(db, transport.name, message.position, now);
        return { skipped: false, lines, stranger } as const;
      })
      .immediate();
    if (handled.skipped) continue;
    if (!allowed && message.text !== null) result.ignored += 1;
    if (handled.stranger) {
      logger.warn(
        { transport: transport.name, sender: message.senderId },
        `ignored a ${transport.name} message from ${message.senderId}, who is not allowed to command pyhabot (said once per sender)`,
      );
    }
    if (handled.lines === null) continue;
    result.answered += 1;
    const lines = origin.note === undefined ? handled.lines : [...handled.lines, origin.note];
    // Not cut short by a stop: the command is done, and its answer is on its way.
    await transport.reply(message, lines).catch((error: unknown) => {
      logger.warn(
        { transport: transport.name, error: transport.mask(String(error)) },
        'a chat answer could not be sent; the command was carried out',
      );
    });
  }
  return result;
}

/** The answer to one command; its writes happen in a savepoint that a refused command rolls back. */
function answerCommand(
  deps: ChatStepDependencies,
  command: ChatCommand,
  origin: { target: string | null },
  now: Date,
): string[] {
  if (command.kind === 'invalid') return errorLines(command.message, command.hint);
  try {
    return deps.db.transaction(() => runChatCommand(deps.db, command, { settings: deps.settings, origin, now }))();
  } catch (error) {
    if (error instanceof UserError) return errorLines(error.message.split('\n')[0] ?? '', error.hint);
    // The database failing is worth another try on the next read: the whole message is left unread.
    if (isStoreFailure(error)) throw error;
    deps.logger.error({ err: error }, 'a chat command failed');
    return errorLines('internal error; the log of pyhabot has the details', undefined);
  }
}

/** The same two lines the command line prints for an error. */
function errorLines(message: string, hint: string | undefined): string[] {
  return [`pyhabot: ${message}`, ...(hint === undefined ? [] : [`hint: ${hint}`])];
}
