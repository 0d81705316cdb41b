import type { ResolvedConfig } from '../config/schema.js';
import { sleep } from '../domain/sleep.js';
import { answerChat, type ChatReadResult, type ChatStepDependencies } from './answer-chat.js';
import { ChatApiError } from './chat-api.js';
import type { ChatTransport } from './transport.js';

/** Seconds a Telegram read waits for a message before it is repeated: well under any proxy's idle timeout. */
const LONG_POLL_SECONDS = 25;
/** The first pause after a failed read, doubled up to the longest. */
const FIRST_BACKOFF_MS = 2_000;
const LONGEST_BACKOFF_MS = 5 * 60_000;
/** The least time between two long polls. */
const MIN_LONG_POLL_MS = 1_000;

/** A chat service's read failing: reported, never thrown, so one service cannot stop another or a check. */
export type ChatFailureReport = (transport: ChatTransport, error: unknown) => void;

/** Read every chat service once, without waiting; the results by service, and whether any read failed. */
export async function answerChatsOnce(
  deps: ChatStepDependencies,
  transports: readonly ChatTransport[],
  onFailure: ChatFailureReport,
): Promise<{ results: Map<string, ChatReadResult>; failed: boolean }> {
  const results = new Map<string, ChatReadResult>();
  let failed = false;
  for (const transport of transports) {
    try {
      results.set(transport.name, await answerChat(deps, transport, { waitSeconds: 0 }));
    } catch (error) {
      if (deps.signal.aborted) break;
      failed = true;
      onFailure(transport, error);
    }
  }
  return { results, failed };
}

/**
 * Answer every chat service until the signal aborts: Telegram by long polling, Discord by reading at the
 * configured interval; a failing read is reported and tried again after a growing pause.
 */
export async function listenToChats(
  deps: ChatStepDependencies,
  transports: readonly ChatTransport[],
  options: { pollIntervalMs: ResolvedConfig['chat.pollIntervalMs']; onFailure: ChatFailureReport },
): Promise<void> {
  await Promise.all(
    transports.map(async (transport) => {
      let backoffMs = FIRST_BACKOFF_MS;
      while (!deps.signal.aborted) {
        try {
          const started = Date.now();
          const { read } = await answerChat(deps, transport, {
            waitSeconds: transport.longPolls ? LONG_POLL_SECONDS : 0,
          });
          backoffMs = FIRST_BACKOFF_MS;
          if (!transport.longPolls) await pause(options.pollIntervalMs, deps.signal);
          // A long poll that comes back empty at once (a proxy in the way) must not become a busy loop.
          else if (read === 0 && Date.now() - started < MIN_LONG_POLL_MS) await pause(MIN_LONG_POLL_MS, deps.signal);
        } catch (error) {
          if (deps.signal.aborted) break;
          if (error instanceof ChatApiError && error.status === 409) {
            // Telegram ends a long poll when another reader (a `check`) asks at the same time: not a failure.
            deps.logger.info({ transport: transport.name }, 'another reader took the chat updates; reading again');
            await pause(MIN_LONG_POLL_MS, deps.signal);
            continue;
          }
          options.onFailure(transport, error);
          await pause(backoffMs, deps.signal);
          backoffMs = Math.min(backoffMs * 2, LONGEST_BACKOFF_MS);
        }
      }
    }),
  );
}

/** A pause that ends early, without an error, when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, signal).catch(() => undefined);
}
