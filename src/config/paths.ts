import { isAbsolute, join, resolve } from 'node:path';
import { homeOf, type PathContext, readEnv } from './environment.js';

const APP_DIR = 'pyhabot';
const DB_FILE = 'pyhabot.db';

/** A base directory from an XDG variable; the specification says relative values are to be ignored. */
function xdgBase(context: PathContext, variable: string, fallback: string[]): string {
  const value = readEnv(context.env, variable);
  return value !== undefined && isAbsolute(value) ? value : join(homeOf(context), ...fallback);
}

/**
 * Where pyhabot keeps its data: `$PERSISTENT_DATA_PATH` (the variable the earlier Python bot's
 * container used, so existing volumes keep working), else `$XDG_DATA_HOME/pyhabot`, else `~/.local/share/pyhabot`.
 */
export function resolveDataDir(context: PathContext): string {
  const persistent = readEnv(context.env, 'PERSISTENT_DATA_PATH');
  if (persistent !== undefined) return resolve(context.cwd, persistent);
  return join(xdgBase(context, 'XDG_DATA_HOME', ['.local', 'share']), APP_DIR);
}

/** The database path used when neither a flag, the environment nor a config file names one. */
export function defaultDbPath(context: PathContext): string {
  return join(resolveDataDir(context), DB_FILE);
}

/** The per-user config directory searched last: `$XDG_CONFIG_HOME/pyhabot`, else `~/.config/pyhabot`. */
export function resolveUserConfigDir(context: PathContext): string {
  return join(xdgBase(context, 'XDG_CONFIG_HOME', ['.config']), APP_DIR);
}

/** The variable the default data directory was taken from, so `pyhabot config` can name it; undefined for ~. */
export function dataDirVariable(context: PathContext): string | undefined {
  if (readEnv(context.env, 'PERSISTENT_DATA_PATH') !== undefined) return 'PERSISTENT_DATA_PATH';
  const xdg = readEnv(context.env, 'XDG_DATA_HOME');
  return xdg !== undefined && isAbsolute(xdg) ? 'XDG_DATA_HOME' : undefined;
}
