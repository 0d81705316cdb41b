import type { AddOptions } from '../commands/add.js';
import type { EditOptions } from '../commands/edit.js';
import type { FilterTestOptions } from '../commands/filter-test.js';
import { DIGEST_CHOICES } from '../domain/quiet-hours.js';
import { collectStrings, parseIntegerBetween, parseMaxPagesOrDefault, parseWatchId } from './arg-parsers.js';
import { type ArgumentSpec, type CommandSpec, defineCommand, type OptionSpec } from './command-spec.js';
import { editFilterOptions, filterOptions, searchOptions } from './filter-options.js';
import { historyCommands } from './history-commands.js';
import { jsonOption } from './json-option.js';
import { operatorCommands } from './operator-commands.js';
import { addRuleOptions, editRuleOptions } from './rule-options.js';
import { TARGET_FORMATS_HELP } from './target-formats-help.js';

export type { ArgumentSpec, CommandModule, CommandSpec, OptionSpec } from './command-spec.js';

const json = jsonOption;
const digestOption: OptionSpec = {
  flags: '--digest <schedule>',
  description:
    "send this watch's notifications as an hourly or daily digest; off sends them at once (overrides the target's)",
  choices: DIGEST_CHOICES,
};
const watchId: ArgumentSpec = { name: '<id>', description: 'watch id (see `pyhabot list`)', parse: parseWatchId };

/** Every command pyhabot has. */
export const commandTable: CommandSpec[] = [
  defineCommand<[url: string | undefined], AddOptions>({
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
      digestOption,
      {
        flags: '--allow-any-host',
        description: 'accept another host with the same path rules (a mirror or a local test server)',
      },
      ...filterOptions,
      ...addRuleOptions,
      json,
    ],
    examples: [
      [
        'pyhabot add https://hardverapro.hu/aprok/hardver/videokartya/index.html',
        'watch a category; the name defaults to its path',
      ],
      [
        "pyhabot add '<search URL>' --name 'RTX 3060' --notify ntfy://my-topic",
        'watch a search under a name of yours, with an ntfy target',
      ],
      [
        "pyhabot add '<search URL>' --notify-existing --max-pages 2",
        'report the ads listed now at the first check, read 2 pages',
      ],
      [
        "pyhabot add '<search URL>' --min-drop 5% --below 150000 --notify-gone",
        'notify drops of 5 % or more, any fall under 150 000 Ft, and ads that leave the search',
      ],
    ],
    extraHelp: TARGET_FORMATS_HELP,
    load: () => import('../commands/add.js'),
  }),
  defineCommand<[], { json?: boolean }>({
    name: 'list',
    summary: 'list watches with their last check',
    arguments: [],
    options: [json],
    examples: [
      ['pyhabot list', 'every watch, its last check and result'],
      ["pyhabot list --json | jq '.[].url'", 'the watched addresses, for a script'],
    ],
    load: () => import('../commands/list.js'),
  }),
  defineCommand<[id: number], { json?: boolean }>({
    name: 'show',
    summary: 'show everything about one watch',
    arguments: [watchId],
    options: [json],
    examples: [
      ['pyhabot show 1', 'the settings, targets and last check of watch 1'],
      ['pyhabot show 1 --json', 'the same as JSON (targets masked)'],
    ],
    load: () => import('../commands/show.js'),
  }),
  defineCommand<[id: number], EditOptions>({
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
        description: 'remove a target, given as `show` prints it or by its number there (repeatable)',
        parse: collectStrings,
      },
      {
        flags: '--notify-existing',
        description: 'report the existing ads at the next baseline instead of recording them silently',
      },
      { flags: '--no-notify-existing', description: 'record the existing ads silently at the next baseline (default)' },
      {
        flags: '--max-pages <n>',
        description: 'pages to read per check; `default` goes back to the config maxPages',
        parse: parseMaxPagesOrDefault,
      },
      { flags: '--allow-any-host', description: 'accept another host for --url' },
      digestOption,
      ...editFilterOptions,
      ...editRuleOptions,
      json,
    ],
    examples: [
      ["pyhabot edit 1 --name 'GPUs under 100k' --max-pages 3", 'rename watch 1 and read 3 pages per check'],
      ['pyhabot edit 1 --price-changes all --min-drop 2000', 'notify rises too, but only moves of 2 000 Ft or more'],
      [
        'pyhabot edit 1 --min-drop default --no-notify-reactivated',
        'take minDrop from the config again; mute reactivations',
      ],
      [
        'pyhabot edit 1 --remove-notify 2 --add-notify ntfy://other',
        'replace its second target (numbers as in `show`)',
      ],
      ['pyhabot edit 1 --no-notify-existing --max-pages default', 'undo --notify-existing and a per-watch --max-pages'],
    ],
    extraHelp: TARGET_FORMATS_HELP,
    load: () => import('../commands/edit.js'),
  }),
  defineCommand<[ids: number[]], { json?: boolean }>({
    name: 'remove',
    summary: 'remove watches and everything recorded for them',
    arguments: [{ name: '<id...>', description: 'watch ids', parse: parseWatchId }],
    options: [json],
    examples: [
      ['pyhabot remove 3', 'remove watch 3 and the ads it has seen'],
      ['pyhabot remove 3 4 5', 'remove three watches; an unknown id removes none'],
    ],
    load: () => import('../commands/remove.js'),
  }),
  defineCommand<[ids: number[] | undefined], { dryRun?: boolean; json?: boolean; quiet?: boolean }>({
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
    examples: [
      ['pyhabot check', 'check every enabled watch once'],
      ['pyhabot check 2 --dry-run', "read watch 2's search and show what would happen"],
      ['*/5 * * * * /usr/local/bin/pyhabot check --quiet', 'a crontab line: mail only news and errors'],
    ],
    load: () => import('../commands/check.js'),
  }),
  defineCommand<[id: number], { all?: boolean; filtered?: boolean; json?: boolean; limit?: number }>({
    name: 'ads',
    summary: 'list the ads a watch has seen, with prices and their history',
    arguments: [watchId],
    details:
      'Newest first (by when pyhabot first saw them). The list stops after --limit ads and says how many more there are; --limit 0 lists them all.',
    options: [
      { flags: '--all', description: 'include ads that are gone' },
      {
        flags: '--filtered',
        description: 'list only the ads a filter or a notification rule held back, with the rule for each',
      },
      {
        flags: '--limit <n>',
        description: 'show at most this many ads, 0 for all',
        parse: parseIntegerBetween(0, 1_000_000),
        defaultValue: 50,
      },
      json,
    ],
    examples: [
      ['pyhabot ads 1', 'the 50 newest active ads of watch 1'],
      ['pyhabot ads 1 --all --limit 0', 'every ad it has seen, gone ones too'],
    ],
    load: () => import('../commands/ads.js'),
  }),
  defineCommand<[id: number], FilterTestOptions>({
    name: 'filter-test',
    summary:
      'try a filter on everything a watch has recorded, before saving it: which ads it would keep or drop, and why',
    details:
      "Runs the watch's filter (and the config's global one, unless the watch opts out), changed by the options as " +
      '`pyhabot edit` would change it, over every ad the watch has recorded, active and gone, each as last seen. ' +
      'Nothing is saved; use `pyhabot edit` with the same options to keep the filter.',
    arguments: [watchId],
    options: [...editFilterOptions, json],
    examples: [
      ['pyhabot filter-test 1', "what watch 1's filter keeps and drops of the ads it has recorded"],
      ['pyhabot filter-test 1 --exclude hibás --max-price 100000', 'the same with words and a price bound added'],
    ],
    load: () => import('../commands/filter-test.js'),
  }),
  defineCommand<[ids: number[] | undefined], { all?: boolean; json?: boolean }>({
    name: 'rescrape',
    summary: 'forget what watches have seen, so their next check reports every current ad again',
    arguments: [{ name: '[id...]', description: 'watch ids', parse: parseWatchId }],
    options: [{ flags: '--all', description: 'every watch' }, json],
    examples: [
      ['pyhabot rescrape 1', 'the next check of watch 1 reports every current ad'],
      ['pyhabot rescrape --all', 'the same for every watch'],
    ],
    load: () => import('../commands/rescrape.js'),
  }),
  ...historyCommands,
  defineCommand<[], { once?: boolean }>({
    name: 'chat',
    summary: 'take commands from a Telegram or Discord chat: /add, /list, /pause, /filter and more',
    details:
      'Reads the commands sent to the bot since the last read and answers them; without --once it keeps listening ' +
      '(Telegram by long polling, Discord at chat.pollIntervalMs) until SIGTERM or Ctrl-C, then exits 143 or 130. ' +
      '`pyhabot check` answers waiting commands first whenever chat control is set up, so cron needs nothing more. ' +
      'Only chat.telegram.allowedChats and chat.discord.allowedUsers are obeyed; see README "Chat control".',
    arguments: [],
    options: [{ flags: '--once', description: 'answer what has arrived, then exit (for cron)' }],
    windsDownOnSignal: true,
    examples: [
      ['pyhabot chat --once', 'answer the commands waiting in the chats, then exit'],
      ['pyhabot chat', "keep answering until stopped (the compose file's chat service)"],
    ],
    load: () => import('../commands/chat.js'),
  }),
  ...operatorCommands,
];
