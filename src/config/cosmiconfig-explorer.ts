import { cosmiconfig, type Loaders, type PublicExplorer } from 'cosmiconfig';
import { parseJsonConfig, refuseCodeConfig } from './parse-config-text.js';

// The only cosmiconfig import; find-config-file.ts loads this module only when there is a file to read.

/** js-yaml is loaded on the first YAML file, not for JSON ones; cosmiconfig awaits its loaders. */
async function parseYamlConfig(filepath: string, content: string): Promise<unknown> {
  const yaml = await import('./parse-yaml-config.js');
  return yaml.parseYamlConfig(filepath, content);
}

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
export function createExplorer(searchPlaces: readonly string[]): PublicExplorer {
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
