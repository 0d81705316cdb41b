import type { NotificationItem } from '../../../domain/events.js';
import { truncateText } from '../../../domain/truncate-text.js';
import { type AdSummary, type ItemKind, isHttpUrl, summariseItem } from '../../ad-summary.js';
import { buildHeadline } from '../../headline.js';
import { IDEMPOTENCY_HEADER, messageIdempotencyKey } from '../../idempotency.js';
import type { RenderedMessage, RenderOptions } from '../../message.js';
import { messageStrings } from '../../strings.js';

/** Up to this many ads become one notification each; more become a single summary, so a phone is not flooded. */
export const NTFY_SINGLE_AD_LIMIT = 5;
/** How many titles a summary lists before "… and 7 more". */
const SUMMARY_TITLES = 5;
const TITLE_LENGTH = 200;
/** Short enough that a message stays far below ntfy's 4096-byte limit, above which it becomes an attachment. */
const LINE_LENGTH = 150;

/** A JSON publish request to an ntfy server's root. */
export interface NtfyPublishBody {
  topic: string;
  title: string;
  message: string;
  tags: string[];
  click?: string;
}

/** Emoji short codes ntfy shows in front of the title. */
const kindTags: Record<ItemKind, string> = {
  new: 'new',
  drop: 'chart_with_downwards_trend',
  rise: 'chart_with_upwards_trend',
  change: 'label',
  reactivated: 'sunny',
  reappeared: 'leftwards_arrow_with_hook',
  gone: 'wastebasket',
  repost: 'recycle',
};

/**
 * Render a target's pending items as ntfy publish requests: one per ad, or one summary for a large batch or a
 * digest (a digest exists so the phone buzzes once).
 */
export function renderNtfy(
  items: readonly NotificationItem[],
  options: RenderOptions,
  topic: string,
): RenderedMessage<NtfyPublishBody>[] {
  const digest = items.length > 1 && items.some((item) => item.digest === true);
  if (items.length > NTFY_SINGLE_AD_LIMIT || digest) {
    return [
      {
        itemIds: items.map((item) => item.id),
        body: buildSummary(items, options, topic),
        headers: { [IDEMPOTENCY_HEADER]: messageIdempotencyKey(items) },
      },
    ];
  }
  return items.map((item) => ({
    itemIds: [item.id],
    body: buildSingle(summariseItem(item, options.language), options, topic),
    headers: { [IDEMPOTENCY_HEADER]: item.idempotencyKey },
  }));
}

function buildSingle(summary: AdSummary, options: RenderOptions, topic: string): NtfyPublishBody {
  const words = messageStrings[options.language];
  const lines = [
    `${summary.label}: ${summary.price}`,
    ...summary.notes,
    summary.location,
    summary.seller,
    summary.posted,
    `${words.watch}: ${summary.watch.name}`,
  ].filter((line) => line.trim() !== '');
  const body: NtfyPublishBody = {
    topic,
    title: truncateText(summary.title, TITLE_LENGTH),
    message: lines.map((line) => truncateText(line, LINE_LENGTH)).join('\n'),
    tags: [kindTags[summary.kind]],
  };
  if (summary.url !== null) body.click = summary.url;
  return body;
}

function buildSummary(items: readonly NotificationItem[], options: RenderOptions, topic: string): NtfyPublishBody {
  const words = messageStrings[options.language];
  const summaries = items.map((item) => summariseItem(item, options.language));
  const listed = summaries
    .slice(0, SUMMARY_TITLES)
    .map((summary) => truncateText(`• ${summary.title} — ${summary.price}`, LINE_LENGTH));
  const remaining = summaries.length - listed.length;
  const body: NtfyPublishBody = {
    topic,
    title: truncateText(buildHeadline(items, options.language), TITLE_LENGTH),
    message: [...listed, ...(remaining > 0 ? [words.andMore(remaining)] : [])].join('\n'),
    tags: [...new Set(summaries.map((summary) => kindTags[summary.kind]))],
  };
  const watchUrl = items[0]?.event.watch.url;
  if (isHttpUrl(watchUrl)) body.click = watchUrl;
  return body;
}
