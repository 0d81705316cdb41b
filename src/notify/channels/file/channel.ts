import type { DeliveryOutcome, DeliveryResult } from '../../../domain/delivery.js';
import { describeFileError } from '../../../domain/describe-file-error.js';
import type { NotificationItem } from '../../../domain/events.js';
import type { TargetOf } from '../../../domain/targets/target.js';
import type { FileChannelAdapter, FileDeliveryOptions } from '../adapter.js';
import { feedHeaderFor } from './feed-header.js';
import { writeFileAtomically } from './write-atomically.js';

/** A feed file: each delivery rewrites the whole file from the recorded events, so it is the same however often. */
export const fileChannel: FileChannelAdapter = { deliver: deliverFeedFile };

async function deliverFeedFile(
  target: TargetOf<'file'>,
  items: readonly NotificationItem[],
  options: FileDeliveryOptions,
): Promise<DeliveryOutcome[]> {
  const history = options.history?.(target.raw) ?? [];
  const recorded = new Set(history.map((item) => item.idempotencyKey));
  // Items not recorded (notify-test's samples) join the history instead of replacing it.
  const entries = [...history, ...items.filter((item) => !recorded.has(item.idempotencyKey))];
  // The feed library is loaded by the first feed written, not by every run that sends notifications.
  const { renderFeed } = await import('./render.js');
  const text = renderFeed(entries, feedHeaderFor(entries, { ...options, format: target.format, id: feedIdOf(target) }));
  let result: DeliveryResult;
  try {
    await writeFileAtomically(target.path, text);
    result = { status: 'delivered' };
  } catch (error) {
    // Worth another try: the user may create the directory or fix its permissions before the next check.
    const reason = describeFileError(error, 'its directory does not exist');
    result = { status: 'retry', error: `cannot write the feed file ${target.path}: ${reason}` };
  }
  return [{ itemIds: items.map((item) => item.id), result }];
}

function feedIdOf(target: TargetOf<'file'>): string {
  return `urn:pyhabot:feed:${encodeURI(target.path)}`;
}
