/** The records of a `--json` command that prints NDJSON, one object per line. */
export function ndjson(stdout: string): Array<Record<string, unknown> & { type: string }> {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
