import type { NotificationItem } from '../../../domain/events.js';
import { truncateText } from '../../../domain/truncate-text.js';
import { type AdSummary, summariseItem } from '../../ad-summary.js';
import { buildHeadline, partSuffix } from '../../headline.js';
import { IDEMPOTENCY_HEADER, messageIdempotencyKey } from '../../idempotency.js';
import type { RenderedMessage, RenderOptions } from '../../message.js';

/** Telegram's limit for one message's text, counted after entities are parsed. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/**
 * Counting the HTML source (tags included) in UTF-16 code units already overestimates what Telegram counts;
 * the margin keeps a split safe even if Telegram counts differently than documented.
 */
export const TELEGRAM_TEXT_BUDGET = 4000;
/** Room always reserved for the part suffix: " (99/99)". */
const SUFFIX_RESERVE = 8;
const TITLE_LENGTH = 256;
/** A longer link is shown as plain bold text rather than crowd the message. */
const HREF_LENGTH = 1000;
const BLOCK_SEPARATOR = '\n\n';

/** The body of a `sendMessage` request. */
export interface TelegramSendMessageBody {
  chat_id: string;
  text: string;
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: boolean };
}

/** Render a watch's pending items as Telegram HTML messages, each below the text limit and never splitting an ad. */
export function renderTelegram(
  items: readonly NotificationItem[],
  options: RenderOptions,
  chatId: string,
): RenderedMessage<TelegramSendMessageBody>[] {
  const headline = escapeTelegramHtml(truncateText(buildHeadline(items, options.language), TITLE_LENGTH));
  // A batch has at most one part per item, so " (n/n)" for n items is the longest suffix it can need.
  const suffixReserve = Math.max(SUFFIX_RESERVE, partSuffix(items.length - 1, items.length).length);
  const budget = TELEGRAM_TEXT_BUDGET - `<b>${headline}</b>`.length - suffixReserve - BLOCK_SEPARATOR.length;
  const batches: { items: NotificationItem[]; blocks: string[]; length: number }[] = [];
  for (const item of items) {
    const block = buildFittingAdBlock(summariseItem(item, options.language), budget);
    const current = batches.at(-1);
    const grown =
      current === undefined ? Number.POSITIVE_INFINITY : current.length + BLOCK_SEPARATOR.length + block.length;
    if (current !== undefined && grown <= budget) {
      current.items.push(item);
      current.blocks.push(block);
      current.length = grown;
    } else {
      batches.push({ items: [item], blocks: [block], length: block.length });
    }
  }
  return batches.map((batch, index) => ({
    itemIds: batch.items.map((item) => item.id),
    body: {
      chat_id: chatId,
      text: [`<b>${headline}</b>${partSuffix(index, batches.length)}`, ...batch.blocks].join(BLOCK_SEPARATOR),
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: !options.linkPreview },
    },
    headers: { [IDEMPOTENCY_HEADER]: messageIdempotencyKey(batch.items) },
  }));
}

/** Escape text for Telegram's HTML parse mode, attribute values included. */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Real ads fit at once; text made of nothing but "&" and quotes is cut shorter until the ad fits one message. */
function buildFittingAdBlock(summary: AdSummary, budget: number): string {
  let block = buildAdBlock(summary, TITLE_LENGTH);
  for (let textLength = TITLE_LENGTH / 2; block.length > budget && textLength >= 8; textLength /= 2) {
    block = buildAdBlock(summary, textLength);
  }
  return block;
}

function buildAdBlock(summary: AdSummary, textLength: number): string {
  // Cut before escaping, so an entity is never cut in half.
  const cut = (text: string): string => escapeTelegramHtml(truncateText(text, textLength));
  const href = summary.url === null ? null : escapeTelegramHtml(summary.url);
  const title = cut(summary.title);
  const titleLine = href === null || href.length > HREF_LENGTH ? `<b>${title}</b>` : `<a href="${href}">${title}</a>`;
  const priceLine = `${escapeTelegramHtml(summary.label)}: <b>${cut(summary.price)}</b>`;
  const notes = summary.notes.map((note) => `<i>${cut(note)}</i>`);
  const details = [summary.location, summary.seller, summary.posted].filter((detail) => detail.trim() !== '').map(cut);
  return [titleLine, priceLine, ...notes, ...(details.length > 0 ? [details.join(' · ')] : [])].join('\n');
}
