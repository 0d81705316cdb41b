import { load as parseYaml, YAMLException } from 'js-yaml';
import { configSyntaxError, withoutExcerpts } from './parse-config-text.js';

// In a module of its own so that reading a JSON config file, or finding none, never loads js-yaml.

/** Parses a YAML config file (also used for `.pyhabotrc`, which may hold JSON). A file of only comments is empty. */
export function parseYamlConfig(filepath: string, content: string): unknown {
  try {
    return parseYaml(content, { filename: filepath }) ?? undefined;
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    throw configSyntaxError(filepath, withoutExcerpts(error.reason), {
      line: error.mark.line + 1,
      column: error.mark.column + 1,
    });
  }
}
