import { createHash } from 'node:crypto';
import type { NotificationItem } from '../domain/events.js';

/** The header receivers and proxies use to drop a message they have already accepted. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** One key for a message: the item's own key, or a stable digest of all keys when it carries several. */
export function messageIdempotencyKey(items: readonly NotificationItem[]): string {
  const [first, ...rest] = items;
  if (first !== undefined && rest.length === 0) return first.idempotencyKey;
  const keys = items.map((item) => item.idempotencyKey).join('\n');
  return `batch-${createHash('sha256').update(keys).digest('hex').slice(0, 32)}`;
}
