import { resolve } from 'node:path';
import { type Env, readEnv } from './environment.js';
import { describeUnreadable, readSmallFile } from './read-small-file.js';

/** The text of a setting as found in the environment, and the variable that held it. */
export interface EnvText {
  readonly variable: string;
  readonly text: string;
}

/** What the environment says about one setting: its text if any, and problems reading it. */
export interface EnvReading {
  readonly found: EnvText | undefined;
  readonly problems: string[];
}

/**
 * Reads a setting from the first of `variables` that is set. Each variable `X` may instead be given as
 * `X_FILE`, the path of a file holding the value (Docker secrets); its trailing newlines are dropped.
 */
export async function readEnvSetting(env: Env, variables: readonly string[], cwd: string): Promise<EnvReading> {
  for (const variable of variables) {
    const fileVariable = `${variable}_FILE`;
    const direct = readEnv(env, variable);
    const file = readEnv(env, fileVariable);
    if (direct !== undefined && file !== undefined) {
      return { found: undefined, problems: [`${variable} and ${fileVariable} are both set; set only one of them`] };
    }
    if (direct !== undefined) return { found: { variable, text: direct }, problems: [] };
    if (file !== undefined) {
      const path = resolve(cwd, file);
      const reading = await readSmallFile(path);
      if (reading.kind !== 'text') {
        return { found: undefined, problems: [`${fileVariable}: ${path} ${describeUnreadable(reading)}`] };
      }
      return { found: { variable: fileVariable, text: reading.text.replace(/[\r\n]+$/, '') }, problems: [] };
    }
  }
  return { found: undefined, problems: [] };
}
