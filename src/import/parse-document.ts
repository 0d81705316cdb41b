import { basename, extname } from 'node:path';
import { load as parseYaml, YAMLException } from 'js-yaml';
import { UserError } from '../domain/errors.js';

const KNOWN_FILES_HINT =
  "pass the Python PYHABOT's databank/viewers.json (2021 bot) or persistent_data/watchlist.json (2025 fork), " +
  'or a file written by `pyhabot export`';

/** The one-line error for a file that is none of the formats `pyhabot import` reads. */
export function notRecognised(source: string, detail?: string): UserError {
  const why = detail === undefined ? '' : ` (${detail})`;
  return new UserError(`not a PYHABOT or pyhabot export file: ${source}${why}`, { hint: KNOWN_FILES_HINT });
}

/** Parse a file's text: JSON, or YAML for exports (by name, or when the text does not look like JSON). */
export function parseDocument(text: string, source: string): unknown {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') throw notRecognised(source, 'the file is empty');
  const extension = extname(basename(source)).toLowerCase();
  const yamlByName = extension === '.yaml' || extension === '.yml';
  if (!yamlByName && (extension === '.json' || /^\s*[{[]/.test(content))) return parseJson(content, source);
  let document: unknown;
  try {
    document = parseYaml(content, { filename: source });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    if (!yamlByName) throw notRecognised(source, 'neither JSON nor YAML');
    throw new UserError(
      `${source} is not valid YAML: ${error.reason} (line ${error.mark.line + 1}, column ${error.mark.column + 1})`,
      { hint: 'fix the file, or export it again with `pyhabot export --format yaml`' },
    );
  }
  refuseSharedNodes(document, source);
  return document;
}

/**
 * YAML aliases hand out the same list or mapping again and again without costing the file a byte, so a small
 * file can stand for billions of values once read. No format pyhabot imports needs them (`pyhabot export` never
 * writes one), so a list or mapping met twice stops the import before anything reads it.
 */
function refuseSharedNodes(document: unknown, source: string): void {
  const seen = new Set<object>();
  const pending: unknown[] = [document];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (seen.has(node)) {
      throw new UserError(`${source} repeats a list or mapping through a YAML alias (*name), which import refuses`, {
        hint: 'write each value out in full; `pyhabot export` never writes aliases',
      });
    }
    seen.add(node);
    for (const value of Object.values(node)) pending.push(value);
  }
}

function parseJson(content: string, source: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message)?.[1];
    // Newer engines quote a piece of the text, which may hold a webhook token and span lines: keep only the verdict.
    const reason = (message.split('\n')[0] ?? message)
      .replace(/, ".*$/, '')
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/ \(line \d+ column \d+\)$/, '');
    const where = offset === undefined ? '' : ` (${lineAndColumn(content, Number(offset))})`;
    throw new UserError(`${source} is not valid JSON: ${reason}${where}`, {
      hint: 'the file may be cut short or still being written; copy it again once the old bot has stopped',
    });
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}
