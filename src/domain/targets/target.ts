import type { FeedFormat } from '../feed-format.js';

/** The services a notification can go to, and the feed file kept up to date on this machine. */
export type Channel = 'discord' | 'slack' | 'telegram' | 'ntfy' | 'json' | 'file';

/** What every parsed target carries. */
export interface TargetBase {
  /** The target as the user wrote it (trimmed). Contains secrets: never show it. */
  raw: string;
  /** The URL requests go to (for a feed file, its path). */
  endpoint: string;
  /** The target with its secrets replaced, safe to print and log. */
  masked: string;
  /** Headers every request needs, e.g. credentials that were written into the target. */
  headers: Readonly<Record<string, string>>;
  /** Substrings of `raw` that must never appear in output. */
  secrets: readonly string[];
}

/** A notification target parsed from its one-string form. */
export type NotificationTarget =
  | (TargetBase & { channel: 'discord' })
  | (TargetBase & { channel: 'slack' })
  | (TargetBase & { channel: 'telegram'; chatId: string })
  | (TargetBase & { channel: 'ntfy'; topic: string })
  | (TargetBase & { channel: 'json' })
  | (TargetBase & { channel: 'file'; path: string; format: FeedFormat });

/** A target that is sent requests over HTTP (every channel but the feed file). */
export type WebTarget = Exclude<NotificationTarget, { channel: 'file' }>;

/** The parsed target of one channel. */
export type TargetOf<C extends Channel> = Extract<NotificationTarget, { channel: C }>;

/** A text with its secrets hidden, and the secrets it hid. */
export interface MaskedText {
  masked: string;
  secrets: string[];
}
