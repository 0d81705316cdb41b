import { isAlertItem, type OutboxItem } from '../domain/alert-events.js';
import type { NotificationItem } from '../domain/events.js';
import type { NotificationTarget } from '../domain/targets/target.js';
import { channelFor } from './channels/registry.js';
import type { RenderedMessage, RenderOptions } from './message.js';

/**
 * Render pending items in the target's format; items of different watches never share a message, and each
 * alert is a plain message of its own, sent before the ads.
 */
export function renderForTarget(
  target: NotificationTarget,
  items: readonly OutboxItem[],
  options: RenderOptions,
): RenderedMessage[] {
  const channel = channelFor(target);
  const alerts = items.filter(isAlertItem).map((item) => channel.renderAlert(item, options, target));
  const ads = items.filter((item): item is NotificationItem => !isAlertItem(item));
  return [...alerts, ...groupByWatch(ads).flatMap((group) => channel.render(group, options, target))];
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
