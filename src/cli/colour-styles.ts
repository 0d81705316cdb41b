import kleur from 'kleur';
import type { Styles } from '../app/output.js';

// The only kleur import, in a module of its own: output that is not coloured never loads it.

/** Styles that colour text with ANSI escapes; use only once it is decided that output is coloured. */
export function createColourStyles(): Styles {
  kleur.enabled = true;
  return {
    bold: (t) => kleur.bold(t),
    dim: (t) => kleur.dim(t),
    red: (t) => kleur.red(t),
    green: (t) => kleur.green(t),
    yellow: (t) => kleur.yellow(t),
    cyan: (t) => kleur.cyan(t),
    magenta: (t) => kleur.magenta(t),
  };
}
