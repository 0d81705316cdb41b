import { basename, extname } from 'node:path';
import { load as parseYaml, YAMLException } from 'js-yaml';
import { UserError } from '../../domain/errors.js';
import { WATCH_EXPORT_FORMAT } from '../watch-export.js';
import { isRecord } from './file-shape.js';
import type { ImportFormat } from './import-plan.js';

/** A file's parsed content and the format it was recognised as. */
export interface RecognisedFile {
  format: ImportFormat;
  document: unknown;
}

const KNOWN_FILES_HINT =
  "pass the Python PYHABOT's databank/viewers.json (2021 bot) or persistent_data/watchlist.json (2025 fork), " +
  'or a file written by `pyhabot export`';

/** Parse a file's text (JSON, or YAML for exports) and tell which format it is, by its content. */
export function recogniseImportFile(text: string, source: string): RecognisedFile {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') throw notRecognised(source, 'the file is empty');
  const document = parseDocument(content, source);
  if (!isRecord(document)) throw notRecognised(source);
  const marker = document.format;
  if (marker === WATCH_EXPORT_FORMAT) return { format: 'pyhabot-export', document };
  if (marker !== undefined) throw notRecognised(source, `its format marker is ${JSON.stringify(marker)}`);
  // TinyDB writes each table as a top-level key; the 2021 bot's databank has "list" (and its id counter "AI").
  if ('watchlist' in document) return { format: 'pyhabot-2025', document };
  if ('list' in document) return { format: 'pyhabot-2021', document };
  throw notRecognised(source);
}

/** The one-line error for a file that is none of the formats `pyhabot import` reads. */
export function notRecognised(source: string, detail?: string): UserError {
  const why = detail === undefined ? '' : ` (${detail})`;
  return new UserError(`not a PYHABOT or pyhabot export file: ${source}${why}`, { hint: KNOWN_FILES_HINT });
}

function parseDocument(content: string, source: string): unknown {
  const extension = extname(basename(source)).toLowerCase();
  const yamlByName = extension === '.yaml' || extension === '.yml';
  if (!yamlByName && (extension === '.json' || /^\s*[{[]/.test(content))) return parseJson(content, source);
  try {
    return parseYaml(content, { filename: source });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    if (!yamlByName) throw notRecognised(source, 'neither JSON nor YAML');
    throw new UserError(
      `${source} is not valid YAML: ${error.reason} (line ${error.mark.line + 1}, column ${error.mark.column + 1})`,
      { hint: 'fix the file, or export it again with `pyhabot export --format yaml`' },
    );
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
