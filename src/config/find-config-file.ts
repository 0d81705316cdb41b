import { dirname, resolve } from 'node:path';
import type { CosmiconfigResult, PublicExplorer } from 'cosmiconfig';
import { UserError } from '../domain/errors.js';
import { mayHoldConfig, mayHoldCosmiconfigMetaConfig } from './candidate-files.js';
import { homeOf, type PathContext } from './environment.js';
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

/** The package.json property that holds pyhabot's settings. */
const PACKAGE_PROP = 'pyhabot';

/** Names looked for in the per-user config directory, so cron finds a config from any working directory. */
export const USER_SEARCH_PLACES = ['config.json', 'config.yaml', 'config.yml'] as const;

/** cosmiconfig is loaded only when there is a file for it to read. */
function loadCosmiconfig(): Promise<typeof import('./cosmiconfig-explorer.js')> {
  return import('./cosmiconfig-explorer.js');
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
  const dirs = [...projectDirs(resolve(context.cwd), homeOf(context))];
  const userDir = resolveUserConfigDir(context);
  // cosmiconfig reads its meta config from the process's working directory, whatever cwd was passed in. When
  // one may exist it can add search places, so every directory goes to cosmiconfig, as without the look below.
  const [metaConfig, userDirMayHold, ...dirsMayHold] = await Promise.all([
    mayHoldCosmiconfigMetaConfig(process.cwd()),
    mayHoldConfig(userDir, USER_SEARCH_PLACES, PACKAGE_PROP),
    ...dirs.map((dir) => mayHoldConfig(dir, PROJECT_SEARCH_PLACES, PACKAGE_PROP)),
  ]);
  let projectExplorer: PublicExplorer | undefined;
  for (const [index, dir] of dirs.entries()) {
    if (!metaConfig && !dirsMayHold[index]) continue;
    projectExplorer ??= (await loadCosmiconfig()).createExplorer(PROJECT_SEARCH_PLACES);
    const result = await projectExplorer.search(dir);
    if (result !== null) return toConfigFile(result);
  }
  if (!metaConfig && !userDirMayHold) return null;
  const userResult = await (await loadCosmiconfig()).createExplorer(USER_SEARCH_PLACES).search(userDir);
  return userResult === null ? null : toConfigFile(userResult);
}

/** Reads the one file named by `--config` or `PYHABOT_CONFIG`; `origin` names which, for messages. */
export async function readNamedConfigFile(file: string, origin: string, cwd: string): Promise<ConfigFile> {
  const path = resolve(cwd, file);
  const { createExplorer } = await loadCosmiconfig();
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
