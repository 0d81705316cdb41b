import { dirname, resolve } from 'node:path';
import { type CosmiconfigResult, cosmiconfig, type Loaders } from 'cosmiconfig';
import { UserError } from '../domain/errors.js';
import { homeOf, type PathContext } from './environment.js';
import { parseJsonConfig, parseYamlConfig, refuseCodeConfig } from './parse-config-text.js';
import { resolveUserConfigDir } from './paths.js';

/** A config file's absolute path and parsed content (undefined when the file is empty). */
export interface ConfigFile {
  readonly path: string;
  readonly content: unknown;
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

/** Names looked for in the per-user config directory, so cron finds a config from any working directory. */
export const USER_SEARCH_PLACES = ['config.json', 'config.yaml', 'config.yml'] as const;

const LOADERS: Loaders = {
  '.json': parseJsonConfig,
  '.yaml': parseYamlConfig,
  '.yml': parseYamlConfig,
  noExt: parseYamlConfig,
  // An explicitly named file with another extension (`/etc/pyhabot.conf`) is read as YAML, which also covers JSON.
  default: parseYamlConfig,
  // cosmiconfig would import these; a config file must never run code.
  '.js': refuseCodeConfig,
  '.cjs': refuseCodeConfig,
  '.mjs': refuseCodeConfig,
  '.ts': refuseCodeConfig,
  '.mts': refuseCodeConfig,
  '.cts': refuseCodeConfig,
};

/**
 * An explorer that looks in exactly one directory per `search` call. cosmiconfig's `global` strategy walks
 * the same directories, but then reads its own per-user directory from `process.env` (and
 * ~/Library/Preferences on macOS), which would ignore the environment passed to `loadConfig`.
 */
function createExplorer(searchPlaces: readonly string[]) {
  return cosmiconfig('pyhabot', {
    searchPlaces: [...searchPlaces],
    searchStrategy: 'none',
    packageProp: 'pyhabot',
    loaders: LOADERS,
    cache: false,
    // An all-comments copy of .pyhabotrc.example is still the config file in effect.
    ignoreEmptySearchPlaces: false,
  });
}

function toConfigFile(result: NonNullable<CosmiconfigResult>): ConfigFile {
  return { path: result.filepath, content: result.isEmpty === true ? undefined : (result.config as unknown) };
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

/** Looks for a config file from the working directory upwards, then in the per-user config directory. */
export async function findConfigFile(context: PathContext): Promise<ConfigFile | null> {
  const projectExplorer = createExplorer(PROJECT_SEARCH_PLACES);
  for (const dir of projectDirs(resolve(context.cwd), homeOf(context))) {
    const result = await projectExplorer.search(dir);
    if (result !== null) return toConfigFile(result);
  }
  const userResult = await createExplorer(USER_SEARCH_PLACES).search(resolveUserConfigDir(context));
  return userResult === null ? null : toConfigFile(userResult);
}

/** Reads the one file named by `--config` or `PYHABOT_CONFIG`; `origin` names which, for messages. */
export async function readNamedConfigFile(file: string, origin: string, cwd: string): Promise<ConfigFile> {
  const path = resolve(cwd, file);
  let result: CosmiconfigResult;
  try {
    result = await createExplorer([]).load(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === undefined) throw error;
    const problem =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code})`;
    throw new UserError(`config file ${path} (from ${origin}) ${problem}`, {
      hint: `check the path given to ${origin}, or leave it out to search for .pyhabotrc`,
    });
  }
  if (result === null) {
    throw new UserError(`${path} (from ${origin}) has no "pyhabot" property`, {
      hint: 'put the settings under a "pyhabot" key in package.json, or use a .pyhabotrc file',
    });
  }
  return toConfigFile(result);
}
