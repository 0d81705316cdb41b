import type { NotificationItem } from '../domain/events.js';
import type { NotificationTarget } from '../domain/notification-target.js';
import type { RenderedMessage, RenderOptions } from './message.js';
import { renderDiscord } from './render-discord.js';
import { renderJson } from './render-json.js';
import { renderNtfy } from './render-ntfy.js';
import { renderSlack } from './render-slack.js';
import { renderTelegram } from './render-telegram.js';

/** Render pending items in the target's format; items of different watches never share a message. */
export function renderForTarget(
  target: NotificationTarget,
  items: readonly NotificationItem[],
  options: RenderOptions,
): RenderedMessage[] {
  return groupByWatch(items).flatMap((group) => renderGroup(target, group, options));
}

function renderGroup(
  target: NotificationTarget,
  items: readonly NotificationItem[],
  options: RenderOptions,
): RenderedMessage[] {
  switch (target.channel) {
    case 'discord':
      return renderDiscord(items, options);
    case 'slack':
      return renderSlack(items, options);
    case 'telegram':
      return renderTelegram(items, options, target.chatId);
    case 'ntfy':
      return renderNtfy(items, options, target.topic);
    case 'json':
      return renderJson(items, options);
  }
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
