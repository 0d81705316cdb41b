import type { AlertEvent, AlertItem } from '../../../domain/alert-events.js';
import { describeAlert } from '../../alert-text.js';
import { IDEMPOTENCY_HEADER } from '../../idempotency.js';
import type { RenderedMessage, RenderOptions } from '../../message.js';

/**
 * An alert for the generic JSON receiver: the event's own fields (no `ad`), with the same words the chat
 * channels show, so a receiver can forward it without knowing each type.
 */
export type JsonAlertBody = AlertEvent & { idempotencyKey: string; title: string; text: string; sentAt: string };

/** Render an alert as one JSON webhook request, like every event. */
export function renderJsonAlert(item: AlertItem, options: RenderOptions): RenderedMessage<JsonAlertBody> {
  const text = describeAlert(item.event, options.language);
  return {
    itemIds: [item.id],
    body: {
      ...item.event,
      idempotencyKey: item.idempotencyKey,
      title: text.title,
      text: text.lines.join('\n'),
      sentAt: options.now.toISOString(),
    },
    headers: { [IDEMPOTENCY_HEADER]: item.idempotencyKey },
  };
}
