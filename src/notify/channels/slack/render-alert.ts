import type { AlertItem } from '../../../domain/alert-events.js';
import { truncateText } from '../../../domain/truncate-text.js';
import { describeAlert } from '../../alert-text.js';
import { IDEMPOTENCY_HEADER } from '../../idempotency.js';
import type { RenderedMessage, RenderOptions } from '../../message.js';
import { escapeSlackText, type SlackWebhookBody } from './render.js';

/** Raw length before escaping, which at most quintuples it: stays under a section's 3000 characters. */
const ALERT_TEXT_LENGTH = 550;

/** Render an alert as a plain Slack message: one section with a bold title and its detail lines. */
export function renderSlackAlert(item: AlertItem, options: RenderOptions): RenderedMessage<SlackWebhookBody> {
  const text = describeAlert(item.event, options.language);
  const title = escapeSlackText(truncateText(text.title, 200));
  const details = escapeSlackText(truncateText(text.lines.join('\n'), ALERT_TEXT_LENGTH));
  return {
    itemIds: [item.id],
    body: {
      text: title,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${details}`, verbatim: true } }],
      unfurl_links: false,
      unfurl_media: false,
    },
    headers: { [IDEMPOTENCY_HEADER]: item.idempotencyKey },
  };
}
