import type { Logger } from 'pino';
import type { ResolvedConfig } from '../config/schema.js';
import { maskSecretsInText, maskTarget, parseTarget } from '../domain/targets/parse-target.js';
import type { SendBatch } from './deliver-outbox.js';

/** The check run's way to send a batch, built from the config; loads the notification code only when called. */
export async function createNotificationSender(options: {
  config: ResolvedConfig;
  logger: Logger;
  signal: AbortSignal;
  userAgent: string;
}): Promise<{ send: SendBatch; mask: (target: string) => string }> {
  const [{ sendNotifications }, { webhookSecretFor }] = await Promise.all([
    import('../notify/index.js'),
    import('../config/webhook-secret.js'),
  ]);
  const { config, logger } = options;
  const send: SendBatch = async (raw, items, onOutcome) => {
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
    await sendNotifications(target, items, {
      language: config.language,
      linkPreview: config.telegramLinkPreview,
      userAgent: options.userAgent,
      timeoutMs: config.deliveryTimeoutMs,
      retryAfterMaxMs: config.retryAfterMaxMs,
      signal: options.signal,
      onOutcome,
      ...(secret === undefined || secret === null ? {} : { secret }),
    });
    logger.info({ target: target.masked, notifications: items.length, ms: Date.now() - started }, 'delivered batch');
  };
  return { send, mask: maskTarget };
}
