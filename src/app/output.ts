/** Text styles; plain identity functions when colour is off. */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
}

/** Where commands write: stdout for what the user asked for, stderr for progress and error lines. */
export interface Output {
  /** A line of the command's result on stdout. */
  line(text?: string): void;
  /** One JSON document on stdout (pretty-printed). */
  json(value: unknown): void;
  /** One compact JSON object per line on stdout (NDJSON). */
  jsonLine(value: unknown): void;
  /** A line on stderr (warnings, notes that are not the result). */
  note(text: string): void;
  /** Transient progress on stderr; a no-op unless stderr is a terminal. */
  progress(text: string): void;
  /** Clear the progress line, if any. */
  clearProgress(): void;
  styles: Styles;
  /** Columns human output should fit (a terminal's width, or COLUMNS); undefined keeps full lines. */
  width?: number | undefined;
  /** Whether the terminal shows block and box-drawing characters (a UTF-8 locale); charts fall back to ASCII. */
  unicode?: boolean;
}
