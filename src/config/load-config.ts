import { dirname } from 'node:path';
import { describeValue } from '../domain/describe-value.js';
import { type Env, homeOf, type PathContext, readEnv } from './environment.js';
import { type ConfigFile, findConfigFile, readNamedConfigFile } from './find-config-file.js';
import { dataDirVariable } from './paths.js';
import { readEnvSetting } from './read-env-setting.js';
import { type DefaultContext, type KeyName, keyDefinition, keyNames, type ResolvedConfig } from './schema.js';
import { suggestKey } from './suggest-key.js';
import { loadTargetRules } from './target-rules.js';
import { type AnchorBase, type Checked, isPlainObject } from './value-types.js';

/** Where a setting's value came from. */
export type Source =
  | { readonly kind: 'default' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'env'; readonly variable: string }
  | { readonly kind: 'flag'; readonly flag: string };

/** Settings given as command-line flags; undefined means the flag was not given. */
export interface ConfigFlags {
  readonly db?: string | undefined;
  readonly logLevel?: string | undefined;
}

/** Everything the configuration depends on; nothing is read from `process` directly. */
export interface LoadConfigOptions {
  readonly env: Env;
  readonly cwd: string;
  readonly homedir: string;
  /** pyhabot's version, for the default User-Agent. */
  readonly version: string;
  /** `--config`: load exactly this file instead of searching. */
  readonly configFile?: string | undefined;
  readonly flags?: ConfigFlags | undefined;
}

/** The resolved settings, where each one came from, and the config file that was read (if any). */
export interface LoadedConfig {
  readonly config: ResolvedConfig;
  readonly sources: Readonly<Record<KeyName, Source>>;
  readonly configFile: string | null;
  /** Things worth a word on stderr that do not stop the run, e.g. an unknown PYHABOT_ variable. */
  readonly warnings: readonly string[];
}

/** A value one layer offers for a setting. */
interface Candidate {
  readonly value: unknown;
  readonly source: Source;
}

/** The values one layer (file, environment, flags) sets, and what is wrong in it. */
interface Layer {
  readonly candidates: Partial<Record<KeyName, Candidate>>;
  readonly problems: string[];
  /** Completes "invalid configuration …" when this layer has problems. */
  readonly where: string;
  /** Says what to edit when this layer has problems. */
  fix: string;
}

function isKeyName(name: string): name is KeyName {
  return (keyNames as readonly string[]).includes(name);
}

/** Checks a value and makes relative paths absolute; adds it to the layer or records its problems. */
function offer(layer: Layer, key: KeyName, checked: Checked<unknown>, source: Source, base: AnchorBase): void {
  if (!checked.ok) {
    layer.problems.push(...checked.problems);
    return;
  }
  const anchor = keyDefinition(key).type.anchor;
  layer.candidates[key] = { value: anchor === undefined ? checked.value : anchor(checked.value, base), source };
}

/** The 1-based lines where `keys` are written in a config file's text, for the hint. */
function linesOf(text: string, keys: readonly string[]): number[] {
  const lines = text.split('\n');
  const found = new Set<number>();
  for (const key of keys) {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`^\\s*(?:[{,]\\s*)?["']?${escaped}["']?\\s*:`);
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) found.add(index + 1);
  }
  return [...found].sort((a, b) => a - b);
}

/** "fix /path/.pyhabotrc (line 3, 7)": the file and, where they can be found, the lines of the bad keys. */
function fileFix(file: ConfigFile, badKeys: readonly string[]): string {
  const lines = linesOf(file.text, badKeys);
  const where = lines.length === 0 ? '' : ` (${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')})`;
  return `fix ${file.path}${where}`;
}

/**
 * The file's entries with sections opened: `chat: {telegram: {token: …}}` gives `chat.telegram.token`, as does the
 * key written out in full. A mapping is opened only where it is a section of dotted settings, never a value.
 */
function flattenSections(content: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  for (const [name, value] of Object.entries(content)) {
    const full = `${prefix}${name}`;
    const isSection = !isKeyName(full) && isPlainObject(value) && keyNames.some((key) => key.startsWith(`${full}.`));
    if (isSection) entries.push(...flattenSections(value, `${full}.`));
    else entries.push([full, value]);
  }
  return entries;
}

function readFileLayer(file: ConfigFile | null, home: string): Layer {
  const layer: Layer = {
    candidates: {},
    problems: [],
    where: file === null ? '' : `in ${file.path}`,
    fix: file === null ? '' : `fix ${file.path}`,
  };
  if (file === null || file.content === undefined) return layer;
  if (!isPlainObject(file.content)) {
    layer.problems.push(
      `the top level must be a mapping of keys to values, got ${describeValue(file.content, { quote: false })}`,
    );
    return layer;
  }
  const source: Source = { kind: 'file', path: file.path };
  const base = { dir: dirname(file.path), home };
  const badKeys: string[] = [];
  for (const [name, value] of flattenSections(file.content)) {
    const before = layer.problems.length;
    if (isKeyName(name)) {
      const definition = keyDefinition(name);
      offer(layer, name, definition.type.fromFile(value, { at: name, secret: definition.secret }), source, base);
    } else {
      const suggestion = suggestKey(name, keyNames);
      layer.problems.push(`unknown key "${name}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`);
    }
    if (layer.problems.length > before) badKeys.push(name);
  }
  layer.fix = fileFix(file, badKeys);
  return layer;
}

async function readEnvLayer(context: PathContext): Promise<Layer> {
  const layer: Layer = {
    candidates: {},
    problems: [],
    where: 'in the environment',
    fix: 'fix or unset the variables named above',
  };
  const base = { dir: context.cwd, home: homeOf(context) };
  for (const key of keyNames) {
    const definition = keyDefinition(key);
    const reading = await readEnvSetting(context.env, definition.env, context.cwd);
    layer.problems.push(...reading.problems);
    if (reading.found === undefined || definition.type.fromText === undefined) continue;
    const { variable, text } = reading.found;
    const checked = definition.type.fromText(text, { at: variable, secret: definition.secret });
    offer(layer, key, checked, { kind: 'env', variable }, base);
  }
  return layer;
}

function readFlagLayer(flags: ConfigFlags, context: PathContext): Layer {
  const layer: Layer = { candidates: {}, problems: [], where: 'on the command line', fix: 'fix the flags named above' };
  const base = { dir: context.cwd, home: homeOf(context) };
  const given: Partial<Record<KeyName, string | undefined>> = flags;
  for (const key of keyNames) {
    const definition = keyDefinition(key);
    const text = given[key];
    if (text === undefined || definition.flag === undefined || definition.type.fromText === undefined) continue;
    const checked = definition.type.fromText(text, { at: definition.flag, secret: definition.secret });
    offer(layer, key, checked, { kind: 'flag', flag: definition.flag }, base);
  }
  return layer;
}

/** `--config` wins over `PYHABOT_CONFIG`; either one replaces the search. */
async function locateConfigFile(options: LoadConfigOptions, context: PathContext): Promise<ConfigFile | null> {
  if (options.configFile !== undefined) return readNamedConfigFile(options.configFile, '--config', options.cwd);
  const fromEnv = readEnv(options.env, 'PYHABOT_CONFIG');
  if (fromEnv !== undefined) return readNamedConfigFile(fromEnv, 'PYHABOT_CONFIG', options.cwd);
  return findConfigFile(context);
}

/** Warnings about PYHABOT_ variables that are not settings; the check is loaded only when there are any. */
async function unknownVariableWarnings(env: Env): Promise<string[]> {
  if (!Object.keys(env).some((name) => name.startsWith('PYHABOT_'))) return [];
  const { unknownVariableWarnings: check } = await import('./unknown-variables.js');
  return check(env);
}

/** Whether the file or the environment sets a key whose values are notification targets. */
function holdsTargets(file: ConfigFile | null, env: Env): boolean {
  const content = file?.content;
  if (isPlainObject(content) && TARGET_KEYS.some((key) => Object.hasOwn(content, key))) return true;
  const variables = TARGET_KEYS.flatMap((key) => keyDefinition(key).env);
  return variables.some((name) => readEnv(env, name) !== undefined || readEnv(env, `${name}_FILE`) !== undefined);
}

/** The keys whose values (or entry keys) are notification targets. */
const TARGET_KEYS: readonly KeyName[] = ['notify', 'webhookSecrets', 'alertTargets'];

/** The default database path is built from a variable when one is set: name it rather than "default". */
function defaultDbSource(context: PathContext): Source {
  const variable = dataDirVariable(context);
  return variable === undefined ? { kind: 'default' } : { kind: 'env', variable };
}

/**
 * Resolves every setting from defaults, the config file, the environment and flags, and reports all
 * problems at once as a `ConfigError` (a `UserError`, exit code 2).
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const context: PathContext = { env: options.env, cwd: options.cwd, homedir: options.homedir };
  const file = await locateConfigFile(options, context);
  if (holdsTargets(file, options.env)) await loadTargetRules();

  // Precedence, written once: each layer overrides the ones before it (defaults < file < environment < flags).
  const layers = [
    readFileLayer(file, homeOf(context)),
    await readEnvLayer(context),
    readFlagLayer(options.flags ?? {}, context),
  ];

  const failing = layers.filter((layer) => layer.problems.length > 0);
  if (failing.length > 0) {
    const { ConfigError } = await import('./config-error.js');
    throw new ConfigError(
      failing.map((layer) => layer.where).join(' and '),
      failing.flatMap((layer) => layer.problems),
      failing.map((layer) => layer.fix).join('; '),
    );
  }

  const defaultContext: DefaultContext = { ...context, version: options.version };
  const values: Record<string, unknown> = {};
  const sources = {} as Record<KeyName, Source>;
  for (const key of keyNames) {
    let chosen: Candidate = { value: keyDefinition(key).default(defaultContext), source: { kind: 'default' } };
    for (const layer of layers) chosen = layer.candidates[key] ?? chosen;
    if (key === 'db' && chosen.source.kind === 'default') chosen = { ...chosen, source: defaultDbSource(context) };
    values[key] = chosen.value;
    sources[key] = chosen.source;
  }
  return {
    config: values as ResolvedConfig,
    sources,
    configFile: file?.path ?? null,
    warnings: await unknownVariableWarnings(options.env),
  };
}
