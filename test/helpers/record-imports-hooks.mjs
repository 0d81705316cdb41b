import { appendFileSync } from 'node:fs';

/** Module loader hook: append each loaded URL to the file named by RECORD_IMPORTS_LOG. */
export async function load(url, context, nextLoad) {
  const log = process.env.RECORD_IMPORTS_LOG;
  if (log) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
