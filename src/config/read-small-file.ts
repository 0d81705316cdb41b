import { constants, type FileHandle, open } from 'node:fs/promises';

/** The largest settings file read; a real config is a few kilobytes. */
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

/** What reading a settings file gave: its text, or why there is none. */
export type SmallFileReading =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'directory' }
  /** A FIFO, socket or device: reading could hang or never end. */
  | { readonly kind: 'special' }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'unreadable'; readonly code: string };

const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR']);

async function readCapped(handle: FileHandle): Promise<SmallFileReading> {
  // The size from stat can be 0 for files that still have content (/proc), so the cap is applied while reading.
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= MAX_SETTINGS_FILE_BYTES) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  if (total > MAX_SETTINGS_FILE_BYTES) return { kind: 'too-large' };
  return { kind: 'text', text: Buffer.concat(chunks, total).toString('utf8') };
}

/**
 * Reads a settings file only when it is a regular file of at most MAX_SETTINGS_FILE_BYTES. It is opened
 * non-blocking and checked before reading, so a FIFO or a device named as a config file never hangs pyhabot.
 */
export async function readSmallFile(path: string): Promise<SmallFileReading> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (MISSING_CODES.has(code)) return { kind: 'missing' };
    if (code === 'EISDIR') return { kind: 'directory' };
    return { kind: 'unreadable', code };
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { kind: 'directory' };
    if (!stats.isFile()) return { kind: 'special' };
    if (stats.size > MAX_SETTINGS_FILE_BYTES) return { kind: 'too-large' };
    return await readCapped(handle);
  } catch (error) {
    return { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    await handle.close();
  }
}

/** Why a settings file could not be read, completing "<path> …". */
export function describeUnreadable(reading: Exclude<SmallFileReading, { kind: 'text' }>): string {
  switch (reading.kind) {
    case 'missing':
      return 'does not exist';
    case 'directory':
      return 'is a directory';
    case 'special':
      return 'is not a regular file (a device, FIFO or socket)';
    case 'too-large':
      return `is larger than ${MAX_SETTINGS_FILE_BYTES / 1024 / 1024} MiB`;
    case 'unreadable':
      return `cannot be read (${reading.code})`;
  }
}
