import type { Language } from './strings.js';

/** What rendering needs besides the items: pure inputs, the clock included. */
export interface RenderOptions {
  language: Language;
  /** Whether services that unfurl links should show a preview card. */
  linkPreview: boolean;
  now: Date;
  /** Telegram sends one message per ad up to this many ads, and a list of them all above it. Default 5. */
  telegramListAfter?: number;
}

/** One request body for a service, and the outbox rows it carries. */
export interface RenderedMessage<Body = unknown> {
  itemIds: number[];
  /** JSON-serialisable; serialised exactly once, just before sending. */
  body: Body;
  headers?: Record<string, string>;
}
