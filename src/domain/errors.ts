import { ExitCode } from './exit-codes.js';

/** An error the user can fix: printed as one line plus a hint, never with a stack. */
export class UserError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; exitCode?: ExitCode; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.usage;
  }
}

/** Kinds of failure when reading a watch's pages from the site. */
export type ScrapeErrorKind =
  | 'network'
  | 'timeout'
  | 'http_status'
  | 'rate_limited'
  | 'too_large'
  | 'redirect_loop'
  | 'off_site_redirect'
  | 'search_dropped'
  | 'unrecognized_page'
  /** A page read as complete where most of the watch's ads are missing at once: held, not recorded. */
  | 'suspected_layout_change';

/** A typed failure to fetch or recognise a listing page. */
export class ScrapeError extends Error {
  readonly kind: ScrapeErrorKind;
  readonly url: string;
  readonly status: number | undefined;
  /** The system's code for a network failure (ENOTFOUND, ECONNREFUSED, …), when there is one. */
  readonly code: string | undefined;

  constructor(
    kind: ScrapeErrorKind,
    message: string,
    options: { url: string; status?: number; code?: string; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ScrapeError';
    this.kind = kind;
    this.url = options.url;
    this.status = options.status;
    this.code = options.code;
  }
}

/** Scrape failures that need a human rather than another try (exit code 3): a page not understood, or a block. */
export function needsHuman(error: Pick<ScrapeError, 'kind' | 'status'>): boolean {
  if (error.kind === 'unrecognized_page' || error.kind === 'search_dropped') return true;
  if (error.kind === 'suspected_layout_change') return true;
  return error.kind === 'http_status' && (error.status === 401 || error.status === 403);
}
