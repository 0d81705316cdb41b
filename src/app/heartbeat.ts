import type { Logger } from 'pino';
import type { ResolvedConfig } from '../config/schema.js';
import { UserError } from '../domain/errors.js';
import { ExitCode } from '../domain/exit-codes.js';
import { heartbeatPingFor, heartbeatRequestUrl, maskHeartbeatUrl } from '../domain/heartbeat.js';

/** The longest a heartbeat may hold up the end of a check, whatever deliveryTimeoutMs says. */
const HEARTBEAT_TIMEOUT_MS = 5000;

/**
 * Tell the heartbeat URL, when one is set, how the check ended. One attempt within a short time limit; its
 * failure is logged and never changes the check's exit code. The URL is logged masked.
 */
export async function sendHeartbeat(
  config: Pick<ResolvedConfig, 'heartbeatUrl' | 'userAgent' | 'deliveryTimeoutMs'>,
  exitCode: number,
  logger: Pick<Logger, 'info' | 'warn'>,
): Promise<void> {
  const ping = heartbeatPingFor(exitCode);
  if (config.heartbeatUrl === null || ping === null) return;
  const { pingHeartbeat } = await import('../notify/heartbeat.js');
  const url = heartbeatRequestUrl(config.heartbeatUrl, ping);
  const result = await pingHeartbeat(url, {
    userAgent: config.userAgent,
    timeoutMs: Math.min(config.deliveryTimeoutMs, HEARTBEAT_TIMEOUT_MS),
  });
  const shown = maskHeartbeatUrl(config.heartbeatUrl);
  if (result.ok) logger.info({ url: shown, ping, status: result.status }, 'heartbeat sent');
  else
    logger.warn({ url: shown, ping, error: result.error.replaceAll(config.heartbeatUrl, shown) }, 'heartbeat not sent');
}

/** The exit code a check that threw ends with, as the heartbeat judges it (see `heartbeatPingFor`). */
export function exitCodeOfError(error: unknown): number {
  return error instanceof UserError ? error.exitCode : ExitCode.internal;
}
