import type { Output, Styles } from '../app/output.js';

/** Styles that leave text as it is, for output without colour. */
export const plainStyles: Styles = {
  bold: (t) => t,
  dim: (t) => t,
  red: (t) => t,
  green: (t) => t,
  yellow: (t) => t,
  cyan: (t) => t,
  magenta: (t) => t,
};

/** Decide whether stdout gets colour: a terminal, and neither NO_COLOR nor --no-color. */
export function shouldColor(options: { flag: boolean; env: NodeJS.ProcessEnv; isTTY: boolean }): boolean {
  if (!options.flag) return false;
  if (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '') return false;
  if (options.env.FORCE_COLOR !== undefined && options.env.FORCE_COLOR !== '0') return true;
  return options.isTTY;
}

/**
 * The columns human output should fit: COLUMNS when set (so a pipe can ask for fitted output too), else the width
 * of a terminal on stdout; undefined for a pipe or a file, which get full lines.
 */
export function outputWidth(env: NodeJS.ProcessEnv, stdout: { isTTY?: boolean; columns?: number }): number | undefined {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return Math.max(20, fromEnv);
  if (stdout.isTTY === true && stdout.columns !== undefined && stdout.columns > 0) return Math.max(20, stdout.columns);
  return undefined;
}

/**
 * Whether output may use block and box-drawing characters: a UTF-8 locale (LC_ALL, else LC_CTYPE, else LANG), or
 * Windows, whose terminals all show them. No locale at all (a bare cron job or container) gets plain ASCII.
 */
export function supportsUnicode(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform === 'win32') return true;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

/** An Output over the process's stdout and stderr, styling text with `styles`. */
export function createTerminalOutput(options: {
  styles: Styles;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  width?: number | undefined;
  unicode?: boolean;
}): Output {
  const { stdout, stderr, styles } = options;
  const progressEnabled = stderr.isTTY === true;
  let progressShown = false;
  const clearProgress = (): void => {
    if (progressShown) {
      stderr.write('\r\x1b[2K');
      progressShown = false;
    }
  };
  return {
    line(text = '') {
      clearProgress();
      stdout.write(`${text}\n`);
    },
    json(value) {
      clearProgress();
      stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    jsonLine(value) {
      clearProgress();
      stdout.write(`${JSON.stringify(value)}\n`);
    },
    note(text) {
      clearProgress();
      stderr.write(`${text}\n`);
    },
    progress(text) {
      if (!progressEnabled) return;
      const width = Math.max(20, (stderr.columns ?? 80) - 1);
      stderr.write(`\r\x1b[2K${text.slice(0, width)}`);
      progressShown = true;
    },
    clearProgress,
    styles,
    width: options.width,
    unicode: options.unicode ?? true,
  };
}

/** `pyhabot ads 1 | head` closes the pipe early; that is the reader's choice, not an error of ours. */
export function ignoreClosedPipes(streams: NodeJS.WriteStream[]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
  }
}
