import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { configKeys, keyNames } from '../../src/config/schema.js';

const EXAMPLE = fileURLToPath(new URL('../../.pyhabotrc.example', import.meta.url));
// Defaults that depend on the machine or the version, which the example can only describe.
const DERIVED_DEFAULTS = new Set(['db', 'userAgent']);

let dir: string;

beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'pyhabot-example-')));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const load = (configFile?: string) => loadConfig({ env: {}, cwd: dir, homedir: dir, version: '1.0.0', configFile });

/** The example with every setting line ("# key: value") turned on; "##" lines stay comments. */
async function uncommentedExample(): Promise<string> {
  return (await readFile(EXAMPLE, 'utf8')).replace(/^# /gm, '');
}

describe('.pyhabotrc.example', () => {
  it('is a valid config as shipped, changing nothing', async () => {
    const loaded = await load(EXAMPLE);
    expect(loaded.configFile).toBe(EXAMPLE);
    expect(Object.values(loaded.sources).every((source) => source.kind === 'default')).toBe(true);
  });

  it('sets exactly the known keys, each to a valid value, once uncommented', async () => {
    const text = await uncommentedExample();
    expect(Object.keys(parseYaml(text) as object)).toEqual(keyNames);
    const file = join(dir, '.pyhabotrc');
    await writeFile(file, text);
    const loaded = await load();
    expect(loaded.configFile).toBe(file);
    expect(Object.values(loaded.sources).every((source) => source.kind === 'file')).toBe(true);
  });

  it('shows the true default of every key that has a fixed one', async () => {
    await writeFile(join(dir, 'uncommented.yaml'), await uncommentedExample());
    const fromExample = await load(join(dir, 'uncommented.yaml'));
    const defaults = await load();
    for (const key of keyNames.filter((name) => !DERIVED_DEFAULTS.has(name))) {
      expect({ key, value: fromExample.config[key] }).toEqual({ key, value: defaults.config[key] });
    }
  });

  it('names every environment variable', async () => {
    const text = await readFile(EXAMPLE, 'utf8');
    for (const definition of Object.values(configKeys)) {
      for (const variable of definition.env) expect(text).toContain(variable);
    }
  });
});
