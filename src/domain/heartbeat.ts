import { ExitCode } from './exit-codes.js';
import { MASK } from './targets/mask.js';

/** Which ping a finished check sends: the plain URL, `/fail`, or none. */
export type HeartbeatPing = 'success' | 'fail';

/**
 * The ping for a check that ended with `exitCode`. 0 is a success. 1 (a watch or a notification failed), 2 (a
 * storage or config error met by the run), 3 (the site could not be read) and 70 (a bug) are failures. A run
 * refused by the lock (75) sends nothing, because the run holding it will ping; neither does an interrupted one
 * (130, 143), which did not finish its check.
 */
export function heartbeatPingFor(exitCode: number): HeartbeatPing | null {
  switch (exitCode) {
    case ExitCode.ok:
      return 'success';
    case ExitCode.partialFailure:
    case ExitCode.usage:
    case ExitCode.siteUnrecognized:
    case ExitCode.internal:
      return 'fail';
    default:
      return null;
  }
}

/** The address to ping: the URL itself for a success, `<url>/fail` (before any query) for a failure. */
export function heartbeatRequestUrl(base: string, ping: HeartbeatPing): string {
  if (ping === 'success') return base;
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/fail`;
  return url.href;
}

/** A ping URL safe to log: its path and query identify the check (anyone holding them can ping), so both hide. */
export function maskHeartbeatUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const path = url.pathname === '/' || url.pathname === '' ? '' : `/${MASK}`;
    const query = url.search === '' ? '' : `?${MASK}`;
    return `${url.protocol}//${url.host}${path}${query}`;
  } catch {
    return MASK;
  }
}
