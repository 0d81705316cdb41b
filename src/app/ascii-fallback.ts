/** Each chart character with the ASCII one that takes its place on a terminal without Unicode. */
const ASCII_OF: Readonly<Record<string, string>> = {
  '▁': '_',
  '▂': '.',
  '▃': '-',
  '▄': '~',
  '▅': '=',
  '▆': '+',
  '▇': '*',
  '█': '#',
  '─': '-',
  '│': '|',
  '┤': '|',
  '┼': '+',
  '╭': '.',
  '╮': '.',
  '╰': "'",
  '╯': "'",
  '┈': '-',
  '–': '-',
  '—': '-',
  '…': '...',
};

const CHART_CHARACTERS = new RegExp(`[${Object.keys(ASCII_OF).join('')}]`, 'g');

/** Chart text with its block, box-drawing and dash characters replaced by ASCII ones that read alike. */
export function toAsciiChart(text: string): string {
  return text.replace(CHART_CHARACTERS, (char) => ASCII_OF[char] ?? char);
}
