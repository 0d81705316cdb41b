import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { recogniseImportFile } from '../../src/import/formats.js';

const LEGACY = resolve(import.meta.dirname, '../fixtures/legacy');

function errorOf(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('recogniseImportFile', () => {
  it('recognises both legacy samples by their content', () => {
    const databank = readFileSync(resolve(LEGACY, 'pyhabot-2021-databank/viewers.json'), 'utf8');
    const tinyDb = readFileSync(resolve(LEGACY, 'pyhabot-2025-tinydb/watchlist.json'), 'utf8');
    expect(recogniseImportFile(databank, 'anything.txt').format).toBe('pyhabot-2021');
    expect(recogniseImportFile(tinyDb, 'anything.txt').format).toBe('pyhabot-2025');
  });

  it('recognises an export in JSON and in YAML, with or without a byte order mark', () => {
    const json = '{"format": "pyhabot-watches", "version": 1, "watches": []}';
    const yaml = 'format: pyhabot-watches\nversion: 1\nwatches: []\n';
    expect(recogniseImportFile(json, 'w.json')).toEqual({
      format: 'pyhabot-export',
      document: { format: 'pyhabot-watches', version: 1, watches: [] },
    });
    expect(recogniseImportFile(`\uFEFF${yaml}`, 'w.yaml').format).toBe('pyhabot-export');
    expect(recogniseImportFile(yaml, 'watches').format).toBe('pyhabot-export');
  });

  it.each([
    ['an empty file', '  \n', 'x.json', /^not a PYHABOT or pyhabot export file: x\.json \(the file is empty\)$/],
    ['a JSON list', '[1, 2]', 'x.json', /^not a PYHABOT or pyhabot export file: x\.json$/],
    ['another JSON object', '{"name": "some package"}', 'package.json', /^not a PYHABOT or pyhabot export file/],
    ['another format marker', '{"format": "other"}', 'x.json', /format marker is "other"/],
    [
      'plain text',
      'hello: [unclosed',
      'notes.txt',
      /^not a PYHABOT or pyhabot export file: notes\.txt \(neither JSON nor YAML\)$/,
    ],
    ['a YAML scalar', 'just words', 'notes.txt', /^not a PYHABOT or pyhabot export file: notes\.txt$/],
  ])('refuses %s in one line with a hint', (_label, text, source, message) => {
    const error = errorOf(() => recogniseImportFile(text, source));
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(/viewers\.json/);
  });

  it('names the line and column of malformed JSON without quoting the file, which may hold secrets', () => {
    const text = '{"list": {"1": {"url": "https://discord.com/api/webhooks/1/SeCrEtToKeN12345678",\n "x": }}}';
    const error = errorOf(() => recogniseImportFile(text, 'viewers.json'));
    expect(error.message).toMatch(/^viewers\.json is not valid JSON: /);
    expect(error.message).not.toContain('SeCrEt');
    expect(error.message).not.toContain('\n');
  });

  it('names the line of malformed YAML in a .yaml file', () => {
    const error = errorOf(() => recogniseImportFile('format: pyhabot-watches\nwatches: [\n', 'w.yaml'));
    expect(error.message).toMatch(/^w\.yaml is not valid YAML: .*\(line \d+, column \d+\)$/);
  });

  it('never guesses a legacy format for a file that carries another format marker', () => {
    const error = errorOf(() => recogniseImportFile('{"format": "other", "watchlist": {}, "list": {}}', 'x.json'));
    expect(error.message).toMatch(/format marker is "other"/);
  });

  it.each([
    ['a list', 'ads: &ads [1, 2, 3]\nwatchlist: {}\nagain: *ads\n'],
    ['a mapping', 'watchlist:\n  "1": &w {url: x}\n  "2": *w\n'],
    ['a merge key', 'base: &b {nested: {a: 1}}\nwatchlist:\n  "1": {<<: *b}\n'],
    [
      "a watch's rules",
      'format: pyhabot-watches\nversion: 3\nwatches:\n  - {url: x, rules: &r {minDrop: 5%}}\n  - {url: y, rules: *r}\n',
    ],
    [
      "a watch's lifecycle events",
      'format: pyhabot-watches\nversion: 3\nwatches:\n  - {url: x, rules: {lifecycle: &l {gone: true}}}\n  - {url: y, rules: {lifecycle: *l}}\n',
    ],
  ])('refuses a YAML alias of %s before anything reads it', (_label, text) => {
    const error = errorOf(() => recogniseImportFile(text, 'w.yaml'));
    expect(error.message).toBe('w.yaml repeats a list or mapping through a YAML alias (*name), which import refuses');
    expect(error.hint).toMatch(/never writes aliases/);
  });

  it('accepts an alias of a plain value, which costs nothing to repeat', () => {
    const yaml =
      'format: pyhabot-watches\nversion: 1\nwatches:\n  - {name: &n phones, url: x}\n  - {name: *n, url: y}\n';
    expect(recogniseImportFile(yaml, 'w.yaml').format).toBe('pyhabot-export');
  });
});
