import { appendFileSync } from 'node:fs';

/** Module loader hook: append each loaded URL to the file named by PYHABOT_IMPORT_LOG. */
export async function load(url, context, nextLoad) {
  const log = process.env.PYHABOT_IMPORT_LOG;
  if (log) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
