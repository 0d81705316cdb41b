import { isAlertItem, type OutboxItem } from '../domain/alert-events.js';
import type { NotificationItem } from '../domain/events.js';
import type { WebTarget } from '../domain/targets/target.js';
import { channelFor } from './channels/registry.js';
import type { RenderedMessage, RenderOptions } from './message.js';

/**
 * Render a target's pending items in its format, as few messages as its channel allows: the items of all
 * watches travel together, each headline names every watch its items came from, and each alert is a plain
 * message of its own, sent before the ads.
 */
export function renderForTarget(
  target: WebTarget,
  items: readonly OutboxItem[],
  options: RenderOptions,
): RenderedMessage[] {
  const channel = channelFor(target);
  const alerts = items.filter(isAlertItem).map((item) => channel.renderAlert(item, options, target));
  const ads = items.filter((item): item is NotificationItem => !isAlertItem(item));
  return ads.length === 0 ? alerts : [...alerts, ...channel.render(ads, options, target)];
}
