import type { AlertItem } from '../../../domain/alert-events.js';
import { truncateText } from '../../../domain/truncate-text.js';
import { describeAlert } from '../../alert-text.js';
import { IDEMPOTENCY_HEADER } from '../../idempotency.js';
import type { RenderedMessage, RenderOptions } from '../../message.js';
import { type DiscordWebhookBody, discordLimits, neutraliseMassMentions } from './render.js';

/** Render an alert as a plain Discord message: a bold title and its detail lines, no embed. */
export function renderDiscordAlert(item: AlertItem, options: RenderOptions): RenderedMessage<DiscordWebhookBody> {
  const text = describeAlert(item.event, options.language);
  const marker = text.tone === 'problem' ? '⚠️' : '✅';
  const content = [`${marker} **${text.title}**`, ...text.lines, ...(text.link === null ? [] : [`<${text.link}>`])];
  return {
    itemIds: [item.id],
    body: {
      content: neutraliseMassMentions(truncateText(content.join('\n'), discordLimits.content)),
      embeds: [],
      allowed_mentions: { parse: [] },
    },
    headers: { [IDEMPOTENCY_HEADER]: item.idempotencyKey },
  };
}
