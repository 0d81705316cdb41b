import { basename } from 'node:path';
import { UserError } from '../domain/errors.js';

/** A config file that cannot be parsed: names the file and, when known, the line and column. */
export function configSyntaxError(
  filepath: string,
  reason: string,
  position?: { line: number; column: number },
): UserError {
  const where = position === undefined ? '' : ` (line ${position.line}, column ${position.column})`;
  return new UserError(`cannot parse ${filepath}: ${reason}${where}`, {
    hint: 'fix the syntax, or point --config / PYHABOT_CONFIG at another file',
  });
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
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
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message)?.[1];
    const reason = message.replace(/ in JSON at position \d+.*$/s, '');
    throw configSyntaxError(
      filepath,
      reason,
      lineAndColumn(content, offset === undefined ? content.length : Number(offset)),
    );
  }
  // package.json is asked for its "pyhabot" property afterwards, which needs an object to look into.
  if (basename(filepath) === 'package.json' && (typeof parsed !== 'object' || parsed === null)) return {};
  return parsed ?? undefined;
}

/** Refuses JavaScript and TypeScript config files, which would run code just by being found. */
export function refuseCodeConfig(filepath: string): never {
  throw new UserError(`cannot use ${filepath}: config files that run code are not supported`, {
    hint: 'write the configuration as JSON or YAML (.pyhabotrc, .pyhabotrc.json, .pyhabotrc.yaml)',
  });
}
