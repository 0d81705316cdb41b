/** Join escaped lines into one message under `limit` characters, ending with a note when lines had to go. */
export function fitLines(lines: readonly string[], limit: number, escapeText: (text: string) => string): string {
  const more = (left: number) => `… (${left} more line${left === 1 ? '' : 's'})`;
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    // A single overlong line is cut before escaping, so an escape sequence is never cut in half.
    const escaped = escapeText(line.length > limit / 2 ? `${line.slice(0, limit / 4)}…` : line);
    const reserve = index === lines.length - 1 ? 0 : more(lines.length).length + 1;
    if (length + escaped.length + 1 + reserve > limit) {
      kept.push(more(lines.length - index));
      break;
    }
    kept.push(escaped);
    length += escaped.length + 1;
  }
  return kept.join('\n');
}
