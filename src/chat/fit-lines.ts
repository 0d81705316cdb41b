/** Join escaped lines into one message under `limit` characters, ending with a note when lines had to go. */
export function fitLines(lines: readonly string[], limit: number, escapeText: (text: string) => string): string {
  const more = (left: number) => `… (${left} more line${left === 1 ? '' : 's'})`;
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const escaped = fitLine(line, Math.floor(limit / 2), escapeText);
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

/** One line escaped, cut (before escaping, so an escape is never cut in half) until it takes at most `room`. */
function fitLine(line: string, room: number, escapeText: (text: string) => string): string {
  let escaped = escapeText(line);
  for (let cut = Math.min(line.length, room); escaped.length > room && cut > 0; cut = Math.floor(cut / 2)) {
    escaped = escapeText(`${line.slice(0, cut)}…`);
  }
  return escaped;
}
