import type { Db } from './open-db.js';
import { prepared } from './prepared.js';

/** Where a chat transport stopped reading (Telegram's next update offset, Discord's last message id), if anywhere. */
export function getChatCursor(db: Db, transport: string): string | undefined {
  const row = prepared(db, 'SELECT position FROM chat_cursors WHERE transport = ?').get(transport) as
    | { position: string }
    | undefined;
  return row?.position;
}

/** Remember where a chat transport stopped reading; call in the transaction that applied what it read. */
export function setChatCursor(db: Db, transport: string, position: string, now: Date): void {
  prepared(
    db,
    `INSERT INTO chat_cursors (transport, position, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (transport) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
  ).run(transport, position, now.toISOString());
}

/** Record a sender that may not command pyhabot; true the first time this sender is seen, false after. */
export function noteChatStranger(db: Db, transport: string, sender: string, now: Date): boolean {
  const result = prepared(
    db,
    'INSERT INTO chat_strangers (transport, sender, first_seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  ).run(transport, sender, now.toISOString());
  return result.changes > 0;
}
