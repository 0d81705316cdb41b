import type { AlertItem } from '../../../domain/alert-events.js';
import { truncateText } from '../../../domain/truncate-text.js';
import { isHttpUrl } from '../../ad-summary.js';
import { describeAlert } from '../../alert-text.js';
import { IDEMPOTENCY_HEADER } from '../../idempotency.js';
import type { RenderedMessage, RenderOptions } from '../../message.js';
import type { NtfyPublishBody } from './render.js';

/** Render an alert as one ntfy notification, tagged as a warning or an all-clear. */
export function renderNtfyAlert(
  item: AlertItem,
  options: RenderOptions,
  topic: string,
): RenderedMessage<NtfyPublishBody> {
  const text = describeAlert(item.event, options.language);
  const body: NtfyPublishBody = {
    topic,
    title: truncateText(text.title, 200),
    message: truncateText(text.lines.join('\n'), 1000),
    tags: [text.tone === 'problem' ? 'warning' : 'white_check_mark'],
  };
  if (isHttpUrl(text.link)) body.click = text.link;
  return { itemIds: [item.id], body, headers: { [IDEMPOTENCY_HEADER]: item.idempotencyKey } };
}
