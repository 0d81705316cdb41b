import type { NotificationItem } from '../../../domain/events.js';
import { truncateText } from '../../../domain/truncate-text.js';
import { type AdSummary, summariseItem } from '../../ad-summary.js';
import { buildHeadline, partSuffix } from '../../headline.js';
import { IDEMPOTENCY_HEADER, messageIdempotencyKey } from '../../idempotency.js';
import type { RenderedMessage, RenderOptions } from '../../message.js';
import { type MessageStrings, messageStrings } from '../../strings.js';

/** Slack's documented Block Kit limits. */
export const slackLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
} as const;

/**
 * Twenty ads (a headline, then a section and a divider each: 41 blocks) stay under the 50-block limit and
 * keep one message short enough to read in a channel.
 */
const ADS_PER_MESSAGE = 20;
/** Raw lengths before escaping; escaping at most quintuples them ("&" → "&amp;"), which keeps every text in limits. */
const TITLE_LENGTH = 200;
const FIELD_VALUE_LENGTH = 300;
/** An escaped link longer than this would not fit a section's 3000 characters next to its title. */
const LINK_LENGTH = 1500;
const FALLBACK_TEXT_LENGTH = 3000;

/** A Block Kit text object; `verbatim` stops Slack from turning names in ad text into mentions or links. */
export interface SlackText {
  type: 'mrkdwn';
  text: string;
  verbatim: true;
}

/** The blocks this renderer uses. */
export type SlackBlock = { type: 'section'; text: SlackText; fields?: SlackText[] } | { type: 'divider' };

/** The body of an incoming-webhook request. */
export interface SlackWebhookBody {
  text: string;
  blocks: SlackBlock[];
  unfurl_links: boolean;
  unfurl_media: boolean;
}

/** Render a watch's pending items as Slack Block Kit messages, splitting long batches. */
export function renderSlack(
  items: readonly NotificationItem[],
  options: RenderOptions,
): RenderedMessage<SlackWebhookBody>[] {
  const words = messageStrings[options.language];
  const batches: NotificationItem[][] = [];
  for (let start = 0; start < items.length; start += ADS_PER_MESSAGE) {
    batches.push(items.slice(start, start + ADS_PER_MESSAGE));
  }
  return batches.map((batch, index) => {
    const summaries = batch.map((item) => summariseItem(item, options.language));
    const headline = escapeSlackText(
      truncateText(buildHeadline(batch, options.language), TITLE_LENGTH) + partSuffix(index, batches.length),
    );
    const blocks: SlackBlock[] = [{ type: 'section', text: mrkdwn(`*${headline}*`) }];
    summaries.forEach((summary, position) => {
      if (position > 0) blocks.push({ type: 'divider' });
      blocks.push(buildAdSection(summary, words));
    });
    return {
      itemIds: batch.map((item) => item.id),
      body: {
        text: buildFallbackText(headline, summaries),
        blocks,
        unfurl_links: options.linkPreview,
        unfurl_media: options.linkPreview,
      },
      headers: { [IDEMPOTENCY_HEADER]: messageIdempotencyKey(batch) },
    };
  });
}

/**
 * Make ad text inert in Slack mrkdwn: escape the three control characters Slack documents, break the
 * formatting marks with zero-width spaces (Slack has no escape for them), and defuse @channel-style mentions.
 */
export function escapeSlackText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, '\u200b$&\u200b')
    .replace(/@(channel|here|everyone)/gi, '@\u200b$1');
}

function mrkdwn(text: string): SlackText {
  return { type: 'mrkdwn', text, verbatim: true };
}

function buildAdSection(summary: AdSummary, words: MessageStrings): SlackBlock {
  const title = escapeSlackText(truncateText(summary.title, TITLE_LENGTH));
  const escapedUrl = summary.url === null ? null : escapeSlackLink(summary.url);
  const link = escapedUrl !== null && escapedUrl.length <= LINK_LENGTH ? escapedUrl : null;
  const fields: SlackText[] = [];
  const addField = (name: string, value: string): void => {
    if (value.trim() === '') return;
    fields.push(mrkdwn(`*${escapeSlackText(name)}*\n${escapeSlackText(truncateText(value, FIELD_VALUE_LENGTH))}`));
  };
  addField(summary.kind === 'new' || summary.kind === 'repost' ? words.price : summary.label, summary.price);
  addField(words.location, summary.location);
  addField(words.seller, summary.seller);
  addField(words.posted, summary.posted);
  const notes = summary.notes.map((note) => `\n${escapeSlackText(truncateText(note, FIELD_VALUE_LENGTH))}`).join('');
  return { type: 'section', text: mrkdwn((link === null ? `*${title}*` : `*<${link}|${title}>*`) + notes), fields };
}

/** Inside `<url|label>` a raw `|` or `>` would end the URL early, so they are percent-encoded. */
function escapeSlackLink(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

function buildFallbackText(headline: string, summaries: AdSummary[]): string {
  let text = headline;
  for (const summary of summaries) {
    const line = `\n• ${escapeSlackText(truncateText(summary.title, TITLE_LENGTH))}`;
    // Whole lines only, so an escape sequence is never cut in half.
    if (text.length + line.length > FALLBACK_TEXT_LENGTH) break;
    text += line;
  }
  return text;
}
