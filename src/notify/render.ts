import type { NotificationItem } from '../domain/events.js';
import type { WebTarget } from '../domain/targets/target.js';
import { channelFor } from './channels/registry.js';
import type { RenderedMessage, RenderOptions } from './message.js';

/** Render pending items in the target's format; items of different watches never share a message. */
export function renderForTarget(
  target: WebTarget,
  items: readonly NotificationItem[],
  options: RenderOptions,
): RenderedMessage[] {
  const channel = channelFor(target);
  return groupByWatch(items).flatMap((group) => channel.render(group, options, target));
}

function groupByWatch(items: readonly NotificationItem[]): NotificationItem[][] {
  const groups = new Map<number, NotificationItem[]>();
  for (const item of items) {
    const group = groups.get(item.event.watch.id);
    if (group === undefined) groups.set(item.event.watch.id, [item]);
    else group.push(item);
  }
  return [...groups.values()];
}
