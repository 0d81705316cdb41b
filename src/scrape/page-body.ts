import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { ScrapeError } from '../domain/errors.js';
import { formatBytes } from './describe-failure.js';

/** The charset a `Content-Type` header names, lower-case; utf-8 when it names none. */
export function charsetOf(contentType: string | undefined): string {
  const match = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

/** A page's bytes as text: decompressed as `Content-Encoding` says, within `maxBodyBytes`, in the charset named. */
export function readPageBody(
  bytes: Buffer,
  headers: { 'content-encoding'?: string | undefined; 'content-type'?: string | undefined },
  url: URL,
  maxBodyBytes: number,
): string {
  return decodeText(decompress(bytes, headers['content-encoding'], url, maxBodyBytes), headers['content-type']);
}

/** The error for a page over the body limit; `what` says how it was found out ("is larger", "declares 9 MiB, more"). */
export function tooLarge(url: URL, what: string, maxBodyBytes: number): ScrapeError {
  return new ScrapeError('too_large', `page from ${url.host} ${what} than the ${formatBytes(maxBodyBytes)} limit`, {
    url: url.href,
  });
}

// Inflates at most `maxBodyBytes`: zlib stops there instead of building the whole output.
function decompress(bytes: Buffer, encoding: string | undefined, url: URL, maxBodyBytes: number): Buffer {
  const limit = { maxOutputLength: Math.max(1, maxBodyBytes) };
  try {
    switch (encoding?.trim().toLowerCase()) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(bytes, limit);
      case 'br':
        return brotliDecompressSync(bytes, limit);
      case 'deflate':
        // Servers send "deflate" both with and without the zlib wrapper; its first byte tells them apart.
        return hasZlibHeader(bytes) ? inflateSync(bytes, limit) : inflateRawSync(bytes, limit);
      default:
        if (bytes.length > maxBodyBytes) throw new RangeError('too large');
        return bytes;
    }
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(url, 'is larger', maxBodyBytes);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScrapeError(
      'network',
      `page from ${url.host} arrived damaged and could not be decompressed (${reason})`,
      {
        url: url.href,
      },
    );
  }
}

function hasZlibHeader(bytes: Buffer): boolean {
  const [method = 0, flags = 0] = bytes;
  return (method & 0x0f) === 8 && ((method << 8) | flags) % 31 === 0;
}

function decodeText(bytes: Buffer, contentType: string | undefined): string {
  try {
    return new TextDecoder(charsetOf(contentType)).decode(bytes);
  } catch {
    // An unknown charset label: the site itself serves UTF-8.
    return new TextDecoder('utf-8').decode(bytes);
  }
}
