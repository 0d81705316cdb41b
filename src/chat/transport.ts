/** One message a chat service delivered, as far as chat control needs it. */
export interface ChatMessage {
  /** The read position just past this message; stored once the message is handled. */
  position: string;
  /** Where the answer goes: Telegram's chat id, Discord's channel id. */
  chatId: string;
  /** Who sent it, as the allow list names senders: Telegram's chat id, Discord's user id. */
  senderId: string;
  /** The message's own id, which the answer replies to. */
  messageId: string;
  /** The text, or null for an update that carries none (a sticker, an edit, a bot's own message). */
  text: string | null;
}

/** A chat service: reads messages after a position, says who may command, answers. */
export interface ChatTransport {
  readonly name: 'telegram' | 'discord';
  /** Whether a read may wait for new messages (Telegram's long poll) instead of being repeated at an interval. */
  readonly longPolls: boolean;
  /** Said (once) when an allowed sender's message arrives without text: the service withholds it. */
  readonly emptyTextHint?: string;
  /** Messages after `cursor` (or, with none stored, from where a first read starts), oldest first. */
  read(
    cursor: string | undefined,
    options: { waitSeconds: number; signal: AbortSignal; now: Date },
  ): Promise<ChatMessage[]>;
  /** True when a message at `position` was handled already, judged by the stored cursor. */
  isHandled(position: string, cursor: string | undefined): boolean;
  /** True when the sender may command pyhabot. */
  isAllowed(message: ChatMessage): boolean;
  /** The notification target that reaches the message's chat, for the watches it adds; null when there is none. */
  originTarget(message: ChatMessage, signal: AbortSignal): Promise<{ target: string | null; note?: string }>;
  /** Answer a message with these plain-text lines (escaped and cut to fit here); only its own timeout stops it. */
  reply(message: ChatMessage, lines: readonly string[]): Promise<void>;
  /** Hide the transport's secrets in a text that is about to be logged. */
  mask(text: string): string;
}
