import { sep } from 'node:path';
import { MASK } from '../domain/targets/mask.js';
import { maskTarget as maskTargetPrecisely } from '../domain/targets/parse-target.js';
import type { LoadedConfig, Source } from './load-config.js';
import { type KeyName, keyDefinition, keyNames } from './schema.js';
import { isPlainObject } from './value-types.js';

/** One line of `pyhabot config`. */
export interface ConfigRow {
  readonly key: KeyName;
  /** The value as text, secrets masked. */
  readonly value: string;
  /** Where the value came from: `default`, `file ~/.pyhabotrc`, `env PYHABOT_DB`, `flag --db`. */
  readonly source: string;
  readonly description: string;
}

/** `pyhabot config --json`: values keep their JSON types, secrets masked. */
export interface ConfigJson {
  readonly configFile: string | null;
  readonly values: Record<KeyName, { readonly value: unknown; readonly source: Source }>;
}

/** The settings in effect, as rows for people and as an object for machines. */
export interface ConfigDescription {
  readonly rows: ConfigRow[];
  readonly json: ConfigJson;
}

/** Turns a notification target into text that is safe to show. */
type MaskTarget = (raw: string) => string;

/** How `describeConfig` masks targets and shortens paths. */
export interface DescribeConfigOptions {
  /** Masks one notification target; the notification module knows each target kind's secret parts. */
  readonly maskTarget?: MaskTarget;
  /** Shortens paths under this directory to `~/…` in rows. */
  readonly homedir?: string;
}

/** Adds ` #2`, ` #3` … to a masked key that another entry already masked to, so no entry is lost from view. */
function uniqueKey(key: string, taken: Record<string, unknown>): string {
  let candidate = key;
  for (let n = 2; Object.hasOwn(taken, candidate); n++) candidate = `${key} #${n}`;
  return candidate;
}

/**
 * Masks a secret by its shape: a string entirely, a list as notification targets, a mapping as
 * targets to secrets (`webhookSecrets`). null stays null, so "not set" remains visible.
 */
function maskSecret(value: unknown, maskTarget: MaskTarget): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? maskTarget(item) : MASK));
  if (isPlainObject(value)) {
    const masked: Record<string, string> = {};
    for (const key of Object.keys(value)) masked[uniqueKey(maskTarget(key), masked)] = MASK;
    return masked;
  }
  return MASK;
}

function formatValue(value: unknown): string {
  if (value === null) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? '(none)' : flattenEntries(entries).join(', ');
  }
  return String(value);
}

/** "key: value" for each entry; a nested mapping (the rules' `lifecycle`) shows as "lifecycle.gone: true". */
function flattenEntries(entries: Array<[string, unknown]>, prefix = ''): string[] {
  return entries.flatMap(([key, item]) =>
    isPlainObject(item)
      ? flattenEntries(Object.entries(item), `${prefix}${key}.`)
      : [`${prefix}${key}: ${String(item)}`],
  );
}

function shortenPath(path: string, homedir: string | undefined): string {
  if (homedir === undefined || homedir === '') return path;
  const home = homedir.endsWith(sep) ? homedir.slice(0, -1) : homedir;
  return path.startsWith(home + sep) ? `~${path.slice(home.length)}` : path;
}

/** How a source is shown to people. */
export function formatSource(source: Source, homedir?: string): string {
  switch (source.kind) {
    case 'default':
      return 'default';
    case 'file':
      return `file ${shortenPath(source.path, homedir)}`;
    case 'env':
      return `env ${source.variable}`;
    case 'flag':
      return `flag ${source.flag}`;
  }
}

/** Describes the settings in effect for `pyhabot config`; secrets never appear in clear. */
export function describeConfig(loaded: LoadedConfig, options: DescribeConfigOptions = {}): ConfigDescription {
  const maskTarget = options.maskTarget ?? maskTargetPrecisely;
  const rows: ConfigRow[] = [];
  const values = {} as ConfigJson['values'];
  for (const key of keyNames) {
    const definition = keyDefinition(key);
    const value = definition.secret ? maskSecret(loaded.config[key], maskTarget) : loaded.config[key];
    const source = loaded.sources[key];
    rows.push({
      key,
      value: formatValue(value),
      source: formatSource(source, options.homedir),
      description: definition.description,
    });
    values[key] = { value, source };
  }
  return { rows, json: { configFile: loaded.configFile, values } };
}
