/** The most of a receiver's reply pyhabot reads: far more than any service's explanation, never a flood. */
export const REPLY_BYTE_LIMIT = 256 * 1024;

/** A reply body as far as it was read. */
export interface ReplyText {
  text: string;
  /** Whether the receiver sent more than was read. */
  truncated: boolean;
}

/** Read at most `limit` bytes of a reply as UTF-8, then stop the download so an endless reply cannot fill memory. */
export async function readReplyCapped(response: Response, limit: number = REPLY_BYTE_LIMIT): Promise<ReplyText> {
  if (response.body === null) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > limit) {
        chunks.push(value.subarray(0, limit - size));
        truncated = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    // Cancelling closes the connection; merely stopping to read would leave the receiver sending.
    if (truncated) await reader.cancel().catch(() => undefined);
    else reader.releaseLock();
  }
  return { text: new TextDecoder().decode(Buffer.concat(chunks)), truncated };
}
