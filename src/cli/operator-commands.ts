import type { ExportOptions } from '../commands/export.js';
import type { ImportOptions } from '../commands/import.js';
import type { ParseOptions } from '../commands/parse.js';
import { parseDateTime, parseDuration } from './arg-parsers.js';
import { type CommandSpec, defineCommand } from './command-spec.js';
import { jsonOption as json } from './json-option.js';
import { TARGET_FORMATS_HELP } from './target-formats-help.js';

/** The commands that check pyhabot's health, its targets, pages and files, rather than manage watches. */
export const operatorCommands: CommandSpec[] = [
  defineCommand<[], { maxAge?: number; json?: boolean }>({
    name: 'status',
    summary: 'tell whether checks are succeeding (exit 0 healthy, 1 not): the container healthcheck',
    details:
      'Unhealthy when the last check did not finish (a storage error such as a full disk, or a kill), every enabled watch failed its last check, the last successful check is older than --max-age, a watch has failed failureThreshold runs in a row, or a notification died in the last 24 hours.',
    arguments: [],
    options: [
      {
        flags: '--max-age <duration>',
        description: 'oldest acceptable last success, e.g. 20m, 1h30m, 2d (default: 1h)',
        parse: parseDuration,
      },
      json,
    ],
    examples: [
      ['pyhabot status', 'is the last check recent and successful?'],
      ['pyhabot status --max-age 30m', 'also unhealthy when no check succeeded for 30 min'],
    ],
    load: () => import('../commands/status.js'),
  }),
  defineCommand<[targetOrId: string], { json?: boolean }>({
    name: 'notify-test',
    summary: "send a sample ad to a target, or to a watch's targets, and print what the receiver answered",
    details:
      'Exit 0 when every message was accepted, 1 otherwise. A feed file target (file+/path/feed.xml) is written ' +
      'with the entries it holds and the two samples on top; the next check that records news rewrites it from ' +
      'the database, without them.',
    arguments: [{ name: '<target-or-id>', description: 'a notification target, or a watch id' }],
    options: [json],
    examples: [
      ['pyhabot notify-test ntfy://my-topic', 'send a sample ad to an ntfy topic'],
      ['pyhabot notify-test 1', "send one to each of watch 1's targets"],
      ['pyhabot notify-test file+/srv/www/feed.xml', 'write the feed file once, with two sample entries'],
    ],
    extraHelp: TARGET_FORMATS_HELP,
    load: () => import('../commands/notify-test.js'),
  }),
  defineCommand<[source: string], ParseOptions>({
    name: 'parse',
    summary: 'show what pyhabot reads from a listing page (a saved file or a URL)',
    details:
      'Exit 0 when the page is a listing with ads or an empty listing, 1 when the site cannot be read (network, ' +
      'timeout, HTTP error), 3 when the page is not recognised or the site blocked the request, 2 for a missing ' +
      'file or bad arguments.',
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
    examples: [
      ['pyhabot parse saved-page.html', 'what pyhabot reads from a page you saved'],
      [
        'pyhabot parse https://hardverapro.hu/aprok/hardver/videokartya/index.html',
        'fetch a page and show what is read',
      ],
      [
        'pyhabot parse page.html --json --captured-at 2025-12-19T16:30:00+01:00',
        "the site's own text, times read as of that moment",
      ],
    ],
    load: () => import('../commands/parse.js'),
  }),
  defineCommand<[path: string], ImportOptions>({
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
    examples: [
      ['pyhabot import ~/pyhabot-old/databank', "bring in the old Python bot's watches"],
      ['pyhabot import watches.yaml --dry-run', 'show what an export file would change'],
    ],
    load: () => import('../commands/import.js'),
  }),
  defineCommand<[], ExportOptions>({
    name: 'export',
    summary: 'write every watch to a file that `pyhabot import` reads back (e.g. to keep watches in git)',
    details:
      "Writes each watch's name, URL, enabled state, notification targets, notifyExisting and maxPages, not what " +
      'checks recorded. Without --include-secrets every target is written masked (its tokens, passwords and ntfy ' +
      'topics replaced by ****) and is skipped on import. An --output file is created readable by its owner only ' +
      '(mode 600), with or without secrets.',
    arguments: [],
    options: [
      {
        flags: '--format <format>',
        description: 'json or yaml (default: yaml for an --output ending in .yaml or .yml, else json)',
        choices: ['json', 'yaml'],
      },
      {
        flags: '--include-secrets',
        description: 'write notification targets with their tokens, so an import can use them',
      },
      { flags: '--output <file>', description: 'write to this file instead of stdout' },
      { flags: '--json', description: 'the same as --format json (an export is JSON unless YAML is asked for)' },
    ],
    examples: [
      ['pyhabot export --output watches.yaml', "every watch's settings as YAML, targets masked"],
      ['pyhabot export --include-secrets > backup.json', 'a backup an import can fully restore'],
    ],
    load: () => import('../commands/export.js'),
  }),
  defineCommand<[], { json?: boolean }>({
    name: 'config',
    summary: 'show the resolved configuration and where each value came from (secrets masked)',
    arguments: [],
    options: [json],
    examples: [
      ['pyhabot config', 'each setting in effect and where it came from'],
      ['pyhabot config --json', 'the same for scripts'],
    ],
    load: () => import('../commands/config.js'),
  }),
];
