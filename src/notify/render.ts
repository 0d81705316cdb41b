import type { NotificationItem } from '../domain/events.js';
import type { WebTarget } from '../domain/targets/target.js';
import { channelFor } from './channels/registry.js';
import type { RenderedMessage, RenderOptions } from './message.js';

/**
 * Render a target's pending items in its format, as few messages as its channel allows: the items of all
 * watches travel together, and each headline names every watch its items came from.
 */
export function renderForTarget(
  target: WebTarget,
  items: readonly NotificationItem[],
  options: RenderOptions,
): RenderedMessage[] {
  return items.length === 0 ? [] : channelFor(target).render(items, options, target);
}
