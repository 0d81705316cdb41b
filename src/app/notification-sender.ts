import type { Logger } from 'pino';
import type { ResolvedConfig } from '../config/schema.js';
import type { DeliveryOutcome } from '../domain/delivery.js';
import { maskSecretsInText, maskTarget, parseTarget } from '../domain/targets/parse-target.js';
import type { Db } from '../store/open-db.js';
import type { SendBatch } from './deliver-outbox.js';
import { feedHistoryReader } from './feed-history.js';

/** The check run's way to send a batch, built from the config; loads the notification code only when called. */
export async function createNotificationSender(options: {
  config: ResolvedConfig;
  logger: Logger;
  userAgent: string;
  /** Where a feed file target's entries are read from. */
  db?: Db;
}): Promise<{ send: SendBatch; mask: (target: string) => string }> {
  const [{ sendNotifications }, { webhookSecretFor }] = await Promise.all([
    import('../notify/index.js'),
    import('../config/webhook-secret.js'),
  ]);
  const { config, logger } = options;
  const feedHistory = options.db === undefined ? undefined : feedHistoryReader(options.db);
  const send: SendBatch = async (raw, items, onOutcome, signal) => {
    let target: ReturnType<typeof parseTarget>;
    try {
      target = parseTarget(raw);
    } catch (error) {
      // A target stored before its syntax was checked (or edited by hand) can never be delivered to.
      const message = error instanceof Error ? error.message : String(error);
      onOutcome({
        itemIds: items.map((item) => item.id),
        result: { status: 'dead', error: maskSecretsInText(message, [raw]) },
      });
      return;
    }
    const secret = webhookSecretFor(config, raw);
    const started = Date.now();
    const outcomes = await sendNotifications(target, items, {
      language: config.language,
      linkPreview: config.telegramLinkPreview,
      telegramListAfter: config.telegramListAfter,
      userAgent: options.userAgent,
      timeoutMs: config.deliveryTimeoutMs,
      retryAfterMaxMs: config.retryAfterMaxMs,
      signal,
      onOutcome,
      ...(feedHistory === undefined ? {} : { feedHistory }),
      ...(secret === undefined || secret === null ? {} : { secret }),
    });
    const ms = Date.now() - started;
    const failed = outcomes.filter((outcome) => outcome.result.status !== 'delivered');
    const delivered = countItems(outcomes) - countItems(failed);
    if (failed.length === 0 && delivered === items.length) {
      logger.info({ target: target.masked, notifications: delivered, ms }, 'delivered batch');
      return;
    }
    const lastFailure = failed.at(-1)?.result;
    logger.warn(
      {
        target: target.masked,
        delivered,
        failed: countItems(failed),
        notSent: items.length - countItems(outcomes),
        ms,
        ...(lastFailure !== undefined && 'error' in lastFailure ? { error: lastFailure.error } : {}),
      },
      'batch not delivered in full',
    );
  };
  return { send, mask: maskTarget };
}

function countItems(outcomes: readonly DeliveryOutcome[]): number {
  return outcomes.reduce((total, outcome) => total + outcome.itemIds.length, 0);
}
