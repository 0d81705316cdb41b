import { basename, extname } from 'node:path';
import { UserError } from '../domain/errors.js';

/** File name endings that would make a config file a program: such files are refused, never loaded. */
export const CODE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'] as const;

/** A file position, 1-based. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * A config file that cannot be parsed. The message names the file, the line and the column but never quotes
 * the text around the error, which may be part of a secret (a webhook URL, a bot token).
 */
export function configSyntaxError(filepath: string, reason: string, position?: TextPosition): UserError {
  const where = position === undefined ? '' : ` (line ${position.line}, column ${position.column})`;
  const line = position === undefined ? '' : ` at line ${position.line}`;
  return new UserError(`cannot parse ${filepath}: ${reason}${where}`, {
    hint: `fix ${filepath}${line}, or point --config / PYHABOT_CONFIG at another file`,
  });
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** Drops quoted excerpts of the file from a parser's message, keeping its words (`expected ',' or '}'` stays). */
export function withoutExcerpts(reason: string): string {
  return reason.replace(/"(?:[^"\\]|\\.)*"/g, '…').replace(/!<[^>]*>/g, '…');
}

/** Where V8's "Unexpected token 'x'" lies: the first such character outside a string (V8 gives no position). */
function unexpectedTokenOffset(content: string, token: string): number {
  let inString = false;
  for (let index = 0; index < content.length; index++) {
    const char = content[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === token) return index;
  }
  return content.length;
}

/** The reason and offset of a JSON.parse failure, without any text of the file. */
function describeJsonFailure(message: string, content: string): { reason: string; offset: number } {
  const token = /^Unexpected token '(.)'/su.exec(message)?.[1];
  if (token !== undefined) return { reason: 'unexpected character', offset: unexpectedTokenOffset(content, token) };
  const position = /at position (\d+)/.exec(message)?.[1];
  const reason = withoutExcerpts(message.replace(/ in JSON at position \d+.*$/s, '').replace(/ after JSON.*$/s, ''));
  return { reason: reason.charAt(0).toLowerCase() + reason.slice(1), offset: Number(position ?? content.length) };
}

/**
 * Parses a JSON config file. An empty document (`null`) is returned as undefined, which the search
 * treats as an empty config rather than as "no config here".
 */
export function parseJsonConfig(filepath: string, content: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    const { reason, offset } = describeJsonFailure(error instanceof Error ? error.message : String(error), content);
    throw configSyntaxError(filepath, reason, lineAndColumn(content, offset));
  }
  // package.json is asked for its "pyhabot" property afterwards, which needs an object to look into.
  if (basename(filepath) === 'package.json' && (typeof parsed !== 'object' || parsed === null)) return {};
  return parsed ?? undefined;
}

/** True for a file name that says the file is JavaScript or TypeScript. */
export function isCodeFileName(name: string): boolean {
  return (CODE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/** Refuses a JavaScript or TypeScript config file, which would run code just by being loaded. */
export function codeConfigError(filepath: string): UserError {
  return new UserError(`cannot use ${filepath}: config files that run code are not supported`, {
    hint: `write the settings as JSON or YAML (.pyhabotrc, .pyhabotrc.json, .pyhabotrc.yaml) and remove or rename ${filepath}`,
  });
}
