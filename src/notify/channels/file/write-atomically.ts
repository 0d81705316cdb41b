import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Mode of a feed file pyhabot creates: a web server or another user's reader may read it. */
export const FEED_FILE_MODE = 0o644;

/**
 * Replace a file's content in one step: write a temporary file beside it, then rename it over the file, so a
 * reader or web server never sees half a feed. A new file gets mode 644; an existing one keeps its mode.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const mode = existing === undefined ? FEED_FILE_MODE : existing.mode & 0o7777;
  // In the same directory, so the rename never crosses file systems.
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx', mode, flush: true });
    // The umask may have narrowed the mode the file was created with.
    await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
