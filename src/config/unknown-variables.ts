import type { Env } from './environment.js';
import { keyDefinition, keyNames } from './schema.js';
import { suggestKey } from './suggest-key.js';

/** PYHABOT_ variables that are not settings but are read by pyhabot's container scripts or named elsewhere. */
const OTHER_KNOWN_VARIABLES = [
  'PYHABOT_CONFIG',
  'PYHABOT_INTERVAL',
  'PYHABOT_JITTER',
  'PYHABOT_COMMAND',
  'PYHABOT_CHECK_ARGS',
];

/** Every PYHABOT_ variable pyhabot reads, with the `_FILE` forms of the settings. */
function knownVariables(): string[] {
  const settings = keyNames.flatMap((key) => keyDefinition(key).env).filter((name) => name.startsWith('PYHABOT_'));
  return [...settings, ...settings.map((name) => `${name}_FILE`), ...OTHER_KNOWN_VARIABLES];
}

/**
 * A warning for each set PYHABOT_ variable pyhabot does not know, with the one it was likely meant to be: a
 * typo in a variable would otherwise be ignored without a word, while the same typo in a file is reported.
 */
export function unknownVariableWarnings(env: Env): string[] {
  const unknown = Object.keys(env).filter((name) => name.startsWith('PYHABOT_') && env[name] !== undefined);
  if (unknown.length === 0) return [];
  const known = knownVariables();
  const warnings: string[] = [];
  for (const name of unknown.sort()) {
    if (known.includes(name)) continue;
    const suggestion = suggestKey(name, known);
    warnings.push(
      `the environment variable ${name} is not a pyhabot setting and is ignored${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`,
    );
  }
  return warnings;
}
