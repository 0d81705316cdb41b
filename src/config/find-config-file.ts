import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UserError } from '../domain/errors.js';
import { homeOf, type PathContext } from './environment.js';
import { CODE_EXTENSIONS, codeConfigError, isCodeFileName, parseJsonConfig } from './parse-config-text.js';
import { resolveUserConfigDir } from './paths.js';
import { describeUnreadable, readSmallFile } from './read-small-file.js';

// Config files are found and read with plain file reads. cosmiconfig was used before, but every explorer it
// creates first searches the process's working directory for a "meta config" of its own and loads it with its
// default loaders, which import `.config/config.js` and friends: code would run before pyhabot could refuse it,
// and no option turns that search off.

/** A config file's absolute path and parsed content (undefined when the file is empty). */
export interface ConfigFile {
  readonly path: string;
  readonly content: unknown;
  /** The file's text, to point problems at a line. */
  readonly text: string;
}

/** Names looked for in the working directory and each parent, in this order. */
export const PROJECT_SEARCH_PLACES = [
  'package.json',
  '.pyhabotrc',
  '.pyhabotrc.json',
  '.pyhabotrc.yaml',
  '.pyhabotrc.yml',
  'pyhabot.config.json',
] as const;

/** The package.json property that holds pyhabot's settings. */
const PACKAGE_PROP = 'pyhabot';

/** Names looked for in the per-user config directory, so cron finds a config from any working directory. */
export const USER_SEARCH_PLACES = ['config.json', 'config.yaml', 'config.yml'] as const;

/** Names that would be config files if code were allowed: found, they are reported rather than passed over. */
const PROJECT_CODE_PLACES = ['.pyhabotrc', 'pyhabot.config'].flatMap((stem) =>
  CODE_EXTENSIONS.map((ext) => stem + ext),
);
const USER_CODE_PLACES = CODE_EXTENSIONS.map((ext) => `config${ext}`);

/** Parses a config file's text by its name; js-yaml is loaded only for a YAML file. */
async function parseConfigText(path: string, text: string): Promise<unknown> {
  if (text.trim() === '') return undefined;
  if (extname(path) === '.json') return parseJsonConfig(path, text);
  const yaml = await import('./parse-yaml-config.js');
  return yaml.parseYamlConfig(path, text);
}

/** The working directory and its parents, stopping after the home directory or at the filesystem root. */
function* projectDirs(cwd: string, home: string): Generator<string> {
  let dir = cwd;
  const stop = resolve(home);
  while (true) {
    yield dir;
    const parent = dirname(dir);
    if (dir === stop || parent === dir) return;
    dir = parent;
  }
}

/** The names in a directory; an absent or unreadable directory holds nothing to find. */
async function namesIn(dir: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(dir));
  } catch {
    return new Set();
  }
}

/**
 * Reads one search place. null means "not a config here, keep looking": missing, a directory, or a
 * package.json without a "pyhabot" property. A file that cannot be read safely is an error.
 */
async function readSearchPlace(path: string): Promise<ConfigFile | null> {
  const reading = await readSmallFile(path);
  if (reading.kind === 'missing' || reading.kind === 'directory') return null;
  if (reading.kind !== 'text') {
    throw new UserError(`config file ${path} ${describeUnreadable(reading)}`, {
      hint: `move ${path} away, or point --config / PYHABOT_CONFIG at the file to use`,
    });
  }
  const content = await parseConfigText(path, reading.text);
  if (basename(path) !== 'package.json' || content === undefined) return { path, content, text: reading.text };
  const settings = (content as Record<string, unknown>)[PACKAGE_PROP];
  return settings == null ? null : { path, content: settings, text: reading.text };
}

/** The first config file among `places` in `dir`; a code config there is refused first. */
async function searchDir(
  dir: string,
  places: readonly string[],
  codePlaces: readonly string[],
): Promise<ConfigFile | null> {
  const names = await namesIn(dir);
  if (names.size === 0) return null;
  const code = codePlaces.find((name) => names.has(name));
  if (code !== undefined) throw codeConfigError(join(dir, code));
  for (const place of places) {
    if (!names.has(place)) continue;
    const found = await readSearchPlace(join(dir, place));
    if (found !== null) return found;
  }
  return null;
}

/**
 * Looks for a config file from the working directory upwards, then in the per-user config directory. Each
 * directory is listed once, so a run without a config file costs one directory read per level.
 */
export async function findConfigFile(context: PathContext): Promise<ConfigFile | null> {
  for (const dir of projectDirs(resolve(context.cwd), homeOf(context))) {
    const found = await searchDir(dir, PROJECT_SEARCH_PLACES, PROJECT_CODE_PLACES);
    if (found !== null) return found;
  }
  return searchDir(resolveUserConfigDir(context), USER_SEARCH_PLACES, USER_CODE_PLACES);
}

/** Reads the one file named by `--config` or `PYHABOT_CONFIG`; `origin` names which, for messages. */
export async function readNamedConfigFile(file: string, origin: string, cwd: string): Promise<ConfigFile> {
  const path = resolve(cwd, file);
  if (isCodeFileName(path)) throw codeConfigError(path);
  // The one device allowed: `--config /dev/null` is the usual way to say "no settings from a file".
  if (path === '/dev/null') return { path, content: undefined, text: '' };
  const reading = await readSmallFile(path);
  if (reading.kind !== 'text') {
    throw new UserError(`config file ${path} (from ${origin}) ${describeUnreadable(reading)}`, {
      hint: `give ${origin} a JSON or YAML file, or leave it out to search for .pyhabotrc`,
    });
  }
  const content = await parseConfigText(path, reading.text);
  if (basename(path) !== 'package.json' || content === undefined) return { path, content, text: reading.text };
  const settings = (content as Record<string, unknown>)[PACKAGE_PROP];
  if (settings == null) {
    throw new UserError(`${path} (from ${origin}) has no "pyhabot" property`, {
      hint: 'put the settings under a "pyhabot" key in package.json, or use a .pyhabotrc file',
    });
  }
  return { path, content: settings, text: reading.text };
}
