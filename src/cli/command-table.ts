import type { AppContext } from '../app/context.js';
import type { ExitCode } from '../domain/exit-codes.js';
import { collectStrings, parseDateTime, parseDuration, parseIntegerBetween, parseWatchId } from './arg-parsers.js';
import { editFilterOptions, filterOptions, searchOptions } from './filter-options.js';

/** One option of a command, as commander and the README see it. */
export interface OptionSpec {
  flags: string;
  description: string;
  parse?: (value: string, previous: never) => unknown;
  defaultValue?: unknown;
  choices?: readonly string[];
  /** Options that cannot be combined with this one. */
  conflicts?: string[];
}

/** One argument of a command. */
export interface ArgumentSpec {
  name: string;
  description: string;
  parse?: (value: string) => unknown;
}

/** A command module: every command exports `run`, which returns an exit code and never exits the process. */
export interface CommandModule {
  run(context: AppContext, args: unknown[], options: Record<string, unknown>): Promise<ExitCode>;
}

/** One command, declared once; the program, `--help` and the README are built from this table. */
export interface CommandSpec {
  name: string;
  summary: string;
  details?: string;
  arguments: ArgumentSpec[];
  options: OptionSpec[];
  /** SIGINT/SIGTERM abort the command's signal instead of killing the process; it winds down and exits 130/143. */
  windsDownOnSignal?: boolean;
  load(): Promise<CommandModule>;
}

const json: OptionSpec = { flags: '--json', description: 'print JSON instead of text' };
const watchId: ArgumentSpec = { name: '<id>', description: 'watch id (see `pyhabot list`)', parse: parseWatchId };

/** Every command pyhabot has. */
export const commandTable: CommandSpec[] = [
  {
    name: 'add',
    summary: 'watch a HardverApró search or category page',
    details:
      'Paste the address of a search results page from your browser, or let --search build it: --min-price, --max-price, --no-iced and --no-wanted then also go into the search, so the site leaves those ads out itself. Pagination and cookie-test parameters are dropped; everything else is kept. No network access is needed.',
    arguments: [
      { name: '[url]', description: 'address of a HardverApró search results or category page (or use --search)' },
    ],
    options: [
      ...searchOptions,
      { flags: '--name <text>', description: 'a name for the watch (default: the search text or category path)' },
      {
        flags: '--notify <target>',
        description: 'send notifications to this target (repeatable)',
        parse: collectStrings,
      },
      {
        flags: '--notify-existing',
        description: 'report the ads already listed at the first check instead of recording them silently',
      },
      {
        flags: '--max-pages <n>',
        description: 'pages to read per check (default: config maxPages)',
        parse: parseIntegerBetween(1, 50),
      },
      { flags: '--disabled', description: 'add the watch switched off' },
      {
        flags: '--allow-any-host',
        description: 'accept another host with the same path rules (a mirror or a local test server)',
      },
      ...filterOptions,
      json,
    ],
    load: () => import('../commands/add.js'),
  },
  {
    name: 'list',
    summary: 'list watches with their last check',
    arguments: [],
    options: [json],
    load: () => import('../commands/list.js'),
  },
  {
    name: 'show',
    summary: 'show everything about one watch',
    arguments: [watchId],
    options: [json],
    load: () => import('../commands/show.js'),
  },
  {
    name: 'edit',
    summary: 'change a watch',
    arguments: [watchId],
    options: [
      { flags: '--name <text>', description: 'new name' },
      { flags: '--url <url>', description: 'new search URL (same rules as add; starts a new baseline)' },
      { flags: '--enable', description: 'switch the watch on', conflicts: ['disable'] },
      { flags: '--disable', description: 'switch the watch off', conflicts: ['enable'] },
      { flags: '--add-notify <target>', description: 'add a notification target (repeatable)', parse: collectStrings },
      {
        flags: '--remove-notify <target>',
        description: 'remove a notification target (repeatable)',
        parse: collectStrings,
      },
      {
        flags: '--notify-existing',
        description: 'report the existing ads at the next baseline instead of recording them silently',
      },
      { flags: '--max-pages <n>', description: 'pages to read per check', parse: parseIntegerBetween(1, 50) },
      { flags: '--allow-any-host', description: 'accept another host for --url' },
      ...editFilterOptions,
      json,
    ],
    load: () => import('../commands/edit.js'),
  },
  {
    name: 'remove',
    summary: 'remove watches and everything recorded for them',
    arguments: [{ name: '<id...>', description: 'watch ids', parse: parseWatchId }],
    options: [json],
    load: () => import('../commands/remove.js'),
  },
  {
    name: 'check',
    summary: 'check every enabled watch (or the given ones) once: report new ads and price changes, send notifications',
    details:
      'The first check of a new watch records its current ads silently ("baseline") unless the watch was added with --notify-existing. Notifications still pending from earlier runs are delivered first. Only one check runs at a time per database; a second one exits 75.',
    arguments: [
      {
        name: '[id...]',
        description: 'watch ids, checked even when disabled (default: every enabled watch)',
        parse: parseWatchId,
      },
    ],
    options: [
      { flags: '--dry-run', description: 'read the site and print what would happen; write and send nothing' },
      {
        flags: '-q, --quiet',
        description: 'print nothing unless there is a new ad, a price change or an error (for cron)',
      },
      { flags: '--json', description: 'print one JSON object per line (NDJSON), ending with a summary' },
    ],
    windsDownOnSignal: true,
    load: () => import('../commands/check.js'),
  },
  {
    name: 'ads',
    summary: 'list the ads a watch has seen, with prices and their history',
    arguments: [watchId],
    details:
      'Newest first (by when pyhabot first saw them). The list stops after --limit ads and says how many more there are; --limit 0 lists them all.',
    options: [
      { flags: '--all', description: 'include ads that are gone' },
      { flags: '--filtered', description: 'list only the ads a filter held back, with the rule for each' },
      {
        flags: '--limit <n>',
        description: 'show at most this many ads, 0 for all',
        parse: parseIntegerBetween(0, 1_000_000),
        defaultValue: 50,
      },
      json,
    ],
    load: () => import('../commands/ads.js'),
  },
  {
    name: 'filter-test',
    summary:
      'try a filter on everything a watch has recorded, before saving it: which ads it would keep or drop, and why',
    details:
      "Runs the watch's filter (and the config's global one, unless the watch opts out), changed by the options as " +
      '`pyhabot edit` would change it, over every ad the watch has recorded, active and gone, each as last seen. ' +
      'Nothing is saved; use `pyhabot edit` with the same options to keep the filter.',
    arguments: [watchId],
    options: [...editFilterOptions, json],
    load: () => import('../commands/filter-test.js'),
  },
  {
    name: 'rescrape',
    summary: 'forget what watches have seen, so their next check reports every current ad again',
    arguments: [{ name: '[id...]', description: 'watch ids', parse: parseWatchId }],
    options: [{ flags: '--all', description: 'every watch' }, json],
    load: () => import('../commands/rescrape.js'),
  },
  {
    name: 'status',
    summary: 'tell whether checks are succeeding (exit 0 healthy, 1 not): the container healthcheck',
    details:
      'Unhealthy when the last successful check is older than --max-age, a watch has failed failureThreshold runs in a row, or a notification died in the last 24 hours.',
    arguments: [],
    options: [
      {
        flags: '--max-age <duration>',
        description: 'oldest acceptable last success, e.g. 30m, 2h',
        parse: parseDuration,
      },
      json,
    ],
    load: () => import('../commands/status.js'),
  },
  {
    name: 'notify-test',
    summary: "send a sample ad to a target, or to a watch's targets, and print what the receiver answered",
    details: 'Exit 0 when every message was accepted, 1 otherwise.',
    arguments: [{ name: '<target-or-id>', description: 'a notification target, or a watch id' }],
    options: [json],
    load: () => import('../commands/notify-test.js'),
  },
  {
    name: 'parse',
    summary: 'show what pyhabot reads from a listing page (a saved file or a URL)',
    details:
      'Exit 0 when the page is a listing with ads or an empty listing, 3 when it is not recognised, 2 for a missing file or bad arguments.',
    arguments: [{ name: '<file-or-url>', description: 'a saved listing page, or an http(s) URL to fetch' }],
    options: [
      json,
      {
        flags: '--captured-at <datetime>',
        description: 'when the page was saved, for relative times such as "ma 16:20" (default: now)',
        parse: parseDateTime,
      },
      { flags: '--base-url <url>', description: 'the address the saved page came from, for relative links' },
    ],
    load: () => import('../commands/parse.js'),
  },
  {
    name: 'import',
    summary: 'import watches and what they have seen from the Python PYHABOT, or from `pyhabot export`',
    details:
      "Reads the Python PYHABOT's databank/viewers.json (2021 bot) or persistent_data/watchlist.json (2025 fork), " +
      'given as the file or the directory holding it, or a file written by `pyhabot export` (JSON or YAML). ' +
      'Ads the old bot had already seen stay seen, so the first check reports only what it would have reported next. ' +
      'A watch whose URL is already watched keeps its name and settings and only gains the targets and seen ads it ' +
      'lacks, so importing the same file again changes nothing. Chat channels of the old bot and targets masked at ' +
      'export cannot be carried over; the report lists them. Everything is written in one transaction. ' +
      'Exit 1 when an entry of the file could not be imported (the report says why).',
    arguments: [{ name: '<path>', description: "the file to import, or the old bot's directory holding it" }],
    options: [
      { flags: '--dry-run', description: 'print the report and write nothing' },
      {
        flags: '--allow-any-host',
        description: 'accept watch URLs on another host with the same path rules (a mirror or a local test server)',
      },
      json,
    ],
    load: () => import('../commands/import.js'),
  },
  {
    name: 'export',
    summary: 'write every watch to a file that `pyhabot import` reads back (e.g. to keep watches in git)',
    details:
      "Writes each watch's name, URL, enabled state, notification targets, notifyExisting and maxPages, not what " +
      'checks recorded. Targets are masked unless --include-secrets; a masked target is skipped on import.',
    arguments: [],
    options: [
      {
        flags: '--format <format>',
        description: 'json or yaml (default: yaml for an --output ending in .yaml or .yml, else json)',
        choices: ['json', 'yaml'],
      },
      {
        flags: '--include-secrets',
        description: 'write notification targets with their tokens, so an import can use them (file mode 600)',
      },
      { flags: '--output <file>', description: 'write to this file instead of stdout' },
    ],
    load: () => import('../commands/export.js'),
  },
  {
    name: 'config',
    summary: 'show the resolved configuration and where each value came from (secrets masked)',
    arguments: [],
    options: [json],
    load: () => import('../commands/config.js'),
  },
];
