import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { describeFileError } from '../domain/describe-file-error.js';

const CHUNK_BYTES = 1024 * 1024;

/** A file that was not read, with a short reason fit to follow "cannot read <file>: ". */
export class FileRefused extends Error {
  override readonly name = 'FileRefused';
}

/**
 * Read a regular file's text, at most `maxBytes` of it. A named pipe would wait for a writer forever, and a device
 * such as /dev/zero never ends: the opened file's type is checked (opening never waits for a writer), and reading
 * stops one chunk past the cap, so a file that grows while it is read is refused too.
 */
export function readRegularFile(path: string, maxBytes: number): string {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new FileRefused(describeFileError(error));
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new FileRefused(`it is ${describeKind(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw tooLarge(maxBytes);
    // The size is only a hint: the file may grow while it is read, so the cap applies to what is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const read = readSync(descriptor, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) return Buffer.concat(chunks, total).toString('utf8');
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge(maxBytes);
    }
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(describeFileError(error));
  } finally {
    closeSync(descriptor);
  }
}

function tooLarge(maxBytes: number): FileRefused {
  const size =
    maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} kB`;
  return new FileRefused(`it is larger than ${size}`);
}

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}
