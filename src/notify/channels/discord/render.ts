import type { NotificationItem } from '../../../domain/events.js';
import { truncateText } from '../../../domain/truncate-text.js';
import { type AdSummary, type ItemKind, summariseItem } from '../../ad-summary.js';
import { buildHeadline, partSuffix } from '../../headline.js';
import { IDEMPOTENCY_HEADER, messageIdempotencyKey } from '../../idempotency.js';
import type { RenderedMessage, RenderOptions } from '../../message.js';
import { type MessageStrings, messageStrings } from '../../strings.js';

/** Discord's documented limits for webhook messages and their embeds. */
export const discordLimits = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  footer: 2048,
  authorName: 256,
  /** Titles, descriptions, field names and values, footers and author names of all embeds together. */
  embedTextPerMessage: 6000,
} as const;

/** Far below the limit: the content line is a headline, and the embeds carry the detail. */
const CONTENT_LENGTH = 200;
/** Watch names are short; a long one should not crowd out the ads in the 6000-character budget. */
const FOOTER_LENGTH = 256;

/** One embed field. */
export interface DiscordEmbedField {
  name: string;
  value: string;
  inline: boolean;
}

/** One ad as a Discord embed. */
export interface DiscordEmbed {
  title: string;
  url?: string;
  color: number;
  author: { name: string };
  fields: DiscordEmbedField[];
  timestamp?: string;
  thumbnail?: { url: string };
  footer?: { text: string };
  /** The history lines: re-post, price context. */
  description?: string;
}

/** The body of an "execute webhook" request. */
export interface DiscordWebhookBody {
  content: string;
  embeds: DiscordEmbed[];
  /** Empty: no text in a message, whatever a seller typed into a title, may ping anyone. */
  allowed_mentions: { parse: [] };
}

const embedColours: Record<ItemKind, number> = {
  new: 0x57f287,
  drop: 0x3498db,
  rise: 0xe67e22,
  change: 0xfee75c,
  reactivated: 0x1abc9c,
  reappeared: 0x9b59b6,
  gone: 0x95a5a6,
  repost: 0xe91e63,
};

/** Render a watch's pending items as Discord webhook messages of at most ten embeds each. */
export function renderDiscord(
  items: readonly NotificationItem[],
  options: RenderOptions,
): RenderedMessage<DiscordWebhookBody>[] {
  const words = messageStrings[options.language];
  const batches = packEmbeds(
    items.map((item) => ({ item, embed: buildEmbed(summariseItem(item, options.language), words) })),
  );
  return batches.map((batch, index) => {
    const batchItems = batch.map((entry) => entry.item);
    // The watch name gives way to the part number, which says a message is one of several.
    const suffix = partSuffix(index, batches.length);
    const headline = truncateText(buildHeadline(batchItems, options.language), CONTENT_LENGTH - suffix.length) + suffix;
    return {
      itemIds: batchItems.map((item) => item.id),
      body: {
        content: neutraliseMassMentions(headline),
        embeds: batch.map((entry) => entry.embed),
        allowed_mentions: { parse: [] },
      },
      headers: { [IDEMPOTENCY_HEADER]: messageIdempotencyKey(batchItems) },
    };
  });
}

/** Count the embed text Discord holds against its 6000-character message limit. */
export function measureEmbedText(embed: DiscordEmbed): number {
  const fieldText = embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (
    embed.title.length +
    embed.author.name.length +
    (embed.footer?.text.length ?? 0) +
    (embed.description?.length ?? 0) +
    fieldText
  );
}

/** Break `@everyone` and `@here` with a zero-width space so they read the same but can never ping. */
export function neutraliseMassMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1');
}

function buildEmbed(summary: AdSummary, words: MessageStrings): DiscordEmbed {
  const fields: DiscordEmbedField[] = [];
  const addField = (name: string, value: string): void => {
    // Discord rejects the whole message when a field value is empty.
    if (value.trim() === '') return;
    fields.push({
      name: truncateText(name, discordLimits.fieldName),
      value: truncateText(value, discordLimits.fieldValue),
      inline: true,
    });
  };
  addField(summary.kind === 'new' || summary.kind === 'repost' ? words.price : summary.label, summary.price);
  addField(words.location, summary.location);
  addField(words.seller, summary.seller);

  const embed: DiscordEmbed = {
    title: truncateText(summary.title, discordLimits.title),
    color: embedColours[summary.kind],
    author: { name: truncateText(summary.label, discordLimits.authorName) },
    fields,
  };
  if (summary.notes.length > 0) {
    embed.description = truncateText(neutraliseMassMentions(summary.notes.join('\n')), discordLimits.description);
  }
  if (summary.url !== null) embed.url = summary.url;
  if (summary.postedAtIso !== null) embed.timestamp = summary.postedAtIso;
  if (summary.image !== null) embed.thumbnail = { url: summary.image };
  const watchName = summary.watch.name.trim();
  if (watchName !== '') embed.footer = { text: truncateText(watchName, FOOTER_LENGTH) };
  return embed;
}

function packEmbeds<Entry extends { embed: DiscordEmbed }>(entries: Entry[]): Entry[][] {
  const batches: Entry[][] = [];
  let current: Entry[] = [];
  let currentSize = 0;
  for (const entry of entries) {
    const size = measureEmbedText(entry.embed);
    const full =
      current.length >= discordLimits.embedsPerMessage || currentSize + size > discordLimits.embedTextPerMessage;
    if (full && current.length > 0) {
      batches.push(current);
      current = [];
      currentSize = 0;
    }
    current.push(entry);
    currentSize += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
