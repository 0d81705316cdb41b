import { readFileSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFileError } from '../app/describe-file-error.js';
import { UserError } from '../domain/errors.js';
import type { BotConfigFile } from './databank-2021.js';

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

/** State files are small; anything this large is not one, and reading it whole would only waste memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Read the file to import: `input` itself, or the one state file of the old bot inside the directory `input`. */
export function readImportSource(input: string, cwd: string): ImportSource {
  const path = resolve(cwd, input);
  const stats = statOrThrow(path, input);
  if (!stats.isDirectory()) return { source: input, path, text: readText(path, input, stats.size) };
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
  return { source, path: file, text: readText(file, source, statOrThrow(file, source).size) };
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
    return { path: place.shown, text: readFileSync(place.path, 'utf8') };
  } catch (error) {
    return { path: place.shown, error: describeFileError(error) };
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

function readText(path: string, shown: string, size: number): string {
  if (size > MAX_FILE_BYTES) {
    throw new UserError(`${shown} is ${Math.round(size / 1024 / 1024)} MB, too large to be a PYHABOT state file`, {
      hint: "pass the old bot's databank/viewers.json or persistent_data/watchlist.json",
    });
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${shown}: ${describeFileError(error)}`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
