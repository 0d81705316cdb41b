import { type Stats, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFileError } from '../domain/describe-file-error.js';
import { UserError } from '../domain/errors.js';
import type { BotConfigFile } from './databank-2021.js';
import { FileRefused, readRegularFile } from './read-regular-file.js';

/** The file an import reads, and its text. */
export interface ImportSource {
  /** The path as shown to the user (as given, plus the file found in a directory). */
  source: string;
  /** The absolute path. */
  path: string;
  text: string;
}

/** Where the Python PYHABOT keeps its state, relative to its working directory, in the order looked for. */
export const STATE_FILE_PLACES = [
  'databank/viewers.json',
  'viewers.json',
  'persistent_data/watchlist.json',
  'watchlist.json',
] as const;

/**
 * State files and exports are small (a fork that saw ten thousand ads keeps about 5 MB); reading and planning a file
 * costs many times its size in memory, so anything larger is refused before it is read.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** The 2021 bot's config.json holds a handful of settings. */
const MAX_BOT_CONFIG_BYTES = 1024 * 1024;

/** Read the file to import: `input` itself, or the one state file of the old bot inside the directory `input`. */
export function readImportSource(input: string, cwd: string): ImportSource {
  const path = resolve(cwd, input);
  const stats = statOrThrow(path, input);
  if (!stats.isDirectory()) return { source: input, path, text: readText(path, input) };
  const found = STATE_FILE_PLACES.filter((place) => isFile(join(path, place)));
  const [only, ...others] = found;
  if (only === undefined) {
    throw new UserError(`no PYHABOT state file in the directory ${input}`, {
      hint: `looked for ${STATE_FILE_PLACES.join(', ')}; pass the file itself`,
    });
  }
  if (others.length > 0) {
    throw new UserError(`the directory ${input} holds more than one PYHABOT state file: ${found.join(', ')}`, {
      hint: 'pass the one to import',
    });
  }
  const file = join(path, only);
  const source = join(input, only);
  return { source, path: file, text: readText(file, source) };
}

/** The 2021 bot's config.json beside its `databank` directory (or beside viewers.json), if there is one. */
export function readBotConfig(source: ImportSource): BotConfigFile | undefined {
  const directory = dirname(source.path);
  const shownDirectory = dirname(source.source);
  const places = [{ path: join(directory, 'config.json'), shown: join(shownDirectory, 'config.json') }];
  if (basename(directory) === 'databank') {
    places.push({ path: join(directory, '..', 'config.json'), shown: join(shownDirectory, '..', 'config.json') });
  }
  const place = places.find((candidate) => isFile(candidate.path));
  if (place === undefined) return undefined;
  try {
    return { path: place.shown, text: readRegularFile(place.path, MAX_BOT_CONFIG_BYTES) };
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    return { path: place.shown, error: error.message };
  }
}

function statOrThrow(path: string, shown: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw new UserError(`cannot read ${shown}: ${describeFileError(error)}`, {
      hint: "pass the old bot's state file, or the directory holding it",
    });
  }
}

function readText(path: string, shown: string): string {
  try {
    return readRegularFile(path, MAX_FILE_BYTES);
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    throw new UserError(`cannot read ${shown}: ${error.message}`, {
      hint: "pass the old bot's databank/viewers.json or persistent_data/watchlist.json, or a `pyhabot export` file",
    });
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
