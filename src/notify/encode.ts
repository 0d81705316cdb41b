import { createHmac } from 'node:crypto';
import type { RenderedMessage } from './message.js';

/** The header carrying the body's HMAC, so a receiver can tell our requests from forgeries. */
export const SIGNATURE_HEADER = 'X-Pyhabot-Signature';

/** A message as bytes on the wire: the body serialised once, and every header that goes with it. */
export interface EncodedMessage {
  body: string;
  headers: Record<string, string>;
}

/** Options that shape the request but not the message. */
export interface EncodeOptions {
  userAgent: string;
  /** Headers the target itself needs (credentials). */
  targetHeaders: Readonly<Record<string, string>>;
  /** When set, the body is signed with HMAC-SHA256. */
  secret?: string | undefined;
}

/** Serialise a rendered message exactly once and sign those same bytes. */
export function encodeMessage(message: RenderedMessage, options: EncodeOptions): EncodedMessage {
  const body = JSON.stringify(message.body);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': options.userAgent,
    ...message.headers,
    ...options.targetHeaders,
  };
  if (options.secret !== undefined && options.secret !== '') {
    headers[SIGNATURE_HEADER] = signBody(body, options.secret);
  }
  return { body, headers };
}

/** `sha256=<hex>`: HMAC-SHA256 of the body's UTF-8 bytes keyed with the secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
