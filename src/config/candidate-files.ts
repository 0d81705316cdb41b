import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

// A cheap look before cosmiconfig is loaded: most runs have no config file to find, and loading cosmiconfig
// just to be told so is a noticeable part of a short command's start-up. Each answer is "cosmiconfig would
// find nothing here and report nothing" or "maybe", and a "maybe" hands the directory to cosmiconfig, which
// then decides exactly as it always did. Doubtful cases are therefore always "maybe".

/**
 * Where cosmiconfig looks, in the process's working directory, for a "meta config" that can add search places
 * or change how files are read (its `metaSearchPlaces`, not exported by the package).
 */
const COSMICONFIG_META_PLACES = [
  'package.json',
  'package.yaml',
  '.config/config.json',
  '.config/config.yaml',
  '.config/config.yml',
  '.config/config.js',
  '.config/config.ts',
  '.config/config.cjs',
  '.config/config.mjs',
] as const;

/**
 * The failures cosmiconfig passes over when it reads a search place, as if the file were not there (a stat
 * that is refused means reading would be refused too).
 */
const SKIPPED_CODES = new Set(['ENOENT', 'ENOTDIR', 'EACCES']);

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Whether a package.json may give cosmiconfig a config under `property`. cosmiconfig takes an empty file as an
 * empty config, reports a syntax error, and skips the file when the property is missing or null.
 */
async function packageJsonMayHold(path: string, property: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return true;
  }
  if (text.trim() === '') return true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return true;
  }
  return typeof parsed !== 'object' || parsed === null || (parsed as Record<string, unknown>)[property] != null;
}

/** `packageProp` is given for package.json, whose content decides whether it counts. */
async function placeMayHold(path: string, packageProp: string | undefined): Promise<boolean> {
  try {
    // Reading a directory fails with EISDIR, which cosmiconfig passes over too.
    if ((await stat(path)).isDirectory()) return false;
  } catch (error) {
    const code = errorCode(error);
    return code === undefined || !SKIPPED_CODES.has(code);
  }
  return packageProp === undefined ? true : packageJsonMayHold(path, packageProp);
}

/**
 * False only when a cosmiconfig search of `dir` alone for `searchPlaces` would certainly find nothing and
 * report nothing; `packageProp` is the package.json property it would read.
 */
export async function mayHoldConfig(
  dir: string,
  searchPlaces: readonly string[],
  packageProp: string,
): Promise<boolean> {
  try {
    // cosmiconfig passes over a directory that is missing or not a directory, and reports any other failure.
    if (!(await stat(dir)).isDirectory()) return false;
  } catch (error) {
    return errorCode(error) !== 'ENOENT';
  }
  const found = await Promise.all(
    searchPlaces.map((place) => placeMayHold(join(dir, place), place === 'package.json' ? packageProp : undefined)),
  );
  return found.includes(true);
}

/** False only when cosmiconfig would certainly find no meta config in `dir` (its working directory). */
export function mayHoldCosmiconfigMetaConfig(dir: string): Promise<boolean> {
  return mayHoldConfig(dir, COSMICONFIG_META_PLACES, 'cosmiconfig');
}
