import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mayHoldConfig, mayHoldCosmiconfigMetaConfig } from '../../src/config/candidate-files.js';
import { PROJECT_SEARCH_PLACES, USER_SEARCH_PLACES } from '../../src/config/find-config-file.js';

let dir: string;

beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'pyhabot-candidates-')));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, name)), { recursive: true });
  await writeFile(join(dir, name), text);
}

const inProject = (): Promise<boolean> => mayHoldConfig(dir, PROJECT_SEARCH_PLACES, 'pyhabot');

describe('mayHoldConfig', () => {
  it('is false for an empty, a missing or a non-directory path', async () => {
    expect(await inProject()).toBe(false);
    expect(await mayHoldConfig(join(dir, 'missing'), PROJECT_SEARCH_PLACES, 'pyhabot')).toBe(false);
    await put('file', 'x');
    expect(await mayHoldConfig(join(dir, 'file'), PROJECT_SEARCH_PLACES, 'pyhabot')).toBe(false);
  });

  it.each([...PROJECT_SEARCH_PLACES.filter((name) => name !== 'package.json')])('is true for %s', async (name) => {
    await put(name, '');
    expect(await inProject()).toBe(true);
  });

  it('ignores files that are not search places, and directories named like one', async () => {
    await put('.pyhabotrc.toml', 'x');
    await put('pyhabot.config.js', 'x');
    await mkdir(join(dir, '.pyhabotrc'));
    expect(await inProject()).toBe(false);
  });

  it.each([
    ['{ "name": "x" }', false],
    ['{ "name": "x", "pyhabot": null }', false],
    ['[1, 2]', false],
    ['{ "pyhabot": {} }', true],
    ['{ "pyhabot": false }', true],
    // cosmiconfig takes an empty file as an empty config, and reports a syntax error or an odd document itself.
    ['', true],
    ['  \n', true],
    ['{ "name": ', true],
    ['null', true],
    ['"text"', true],
  ])('package.json %j → %s', async (text, expected) => {
    await put('package.json', text);
    expect(await inProject()).toBe(expected);
  });

  it('looks at the per-user names in the per-user directory', async () => {
    await put('.pyhabotrc', 'x');
    expect(await mayHoldConfig(dir, USER_SEARCH_PLACES, 'pyhabot')).toBe(false);
    await put('config.yml', 'x');
    expect(await mayHoldConfig(dir, USER_SEARCH_PLACES, 'pyhabot')).toBe(true);
  });
});

describe('mayHoldCosmiconfigMetaConfig', () => {
  it('is false without a meta config, or with a package.json that has no "cosmiconfig" property', async () => {
    expect(await mayHoldCosmiconfigMetaConfig(dir)).toBe(false);
    await put('package.json', '{ "name": "x", "pyhabot": {} }');
    await mkdir(join(dir, '.config'));
    expect(await mayHoldCosmiconfigMetaConfig(dir)).toBe(false);
  });

  it.each([
    ['package.json', '{ "cosmiconfig": {} }'],
    ['package.yaml', 'name: x\n'],
    ['.config/config.json', '{}'],
    ['.config/config.yml', ''],
  ])('is true for %s', async (name, text) => {
    await put(name, text);
    expect(await mayHoldCosmiconfigMetaConfig(dir)).toBe(true);
  });
});
