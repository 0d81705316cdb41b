import type { FeedOptions } from '../commands/feed.js';
import type { StatsOptions } from '../commands/stats.js';
import { parseIntegerBetween, parseWatchId } from './arg-parsers.js';
import { type CommandSpec, defineCommand } from './command-spec.js';
import { jsonOption } from './json-option.js';

/** The commands that turn what a watch recorded into figures and feeds. */
export const historyCommands: CommandSpec[] = [
  defineCommand<[id: number], StatsOptions>({
    name: 'stats',
    summary: "what a watch's ads asked over the last days and ask now: median, quartiles, a weekly chart, the cheapest",
    details:
      'Counts every ad listed during the window at its latest price (wanted, swap and free ads have none). The median, ' +
      'quartiles and range leave out the cheapest and dearest 5 % once there are 20 prices, so one mistyped price ' +
      "moves nothing. The chart shows each week's median asking price of the ads listed that week; the histogram, " +
      'the prices active ads ask now; the cheapest active ads leave out those a filter held back. --json prints the ' +
      'figures in whole forints, without the charts.',
    arguments: [{ name: '<id>', description: 'watch id (see `pyhabot list`)', parse: parseWatchId }],
    options: [
      {
        flags: '--days <n>',
        description: 'how many days back to look',
        parse: parseIntegerBetween(1, 3650),
        defaultValue: 90,
      },
      jsonOption,
    ],
    examples: [
      ['pyhabot stats 1', 'the prices of watch 1 over the last 90 days'],
      ['pyhabot stats 1 --days 365 --json', 'a year of figures, for a script'],
    ],
    load: () => import('../commands/stats.js'),
  }),
  defineCommand<[id: number | undefined], FeedOptions>({
    name: 'feed',
    summary: "a watch's recent new ads, price changes and re-posts as an Atom, RSS or JSON feed, for a feed reader",
    details:
      'Atom 1.0, RSS 2.0 or JSON Feed 1.1, holding the newest 100 events of the watch (or of every watch with ' +
      "--all), each with an id that never changes (the event's idempotency key), a link to the ad and the time " +
      'pyhabot saw it. Without --output the feed goes to stdout. An --output file is replaced in one step (a ' +
      'reader never sees half of it); a new one is created with mode 644, an existing one keeps its mode. To keep ' +
      'a file up to date after every check, give the watch the notification target file+/path/feed.xml instead.',
    arguments: [{ name: '[id]', description: 'watch id (see `pyhabot list`)', parse: parseWatchId }],
    options: [
      { flags: '--all', description: 'every watch in one feed' },
      {
        flags: '--format <format>',
        description: 'the feed format (default: .rss and .json --output files get theirs, anything else atom)',
        choices: ['atom', 'rss', 'json'],
      },
      { flags: '--output <file>', description: 'write the feed to this file instead of stdout' },
    ],
    examples: [
      ['pyhabot feed 1 > watch-1.xml', "watch 1's recent events as an Atom feed"],
      ['pyhabot feed --all --output /srv/www/pyhabot.json', 'every watch in one JSON Feed, for a web server'],
    ],
    load: () => import('../commands/feed.js'),
  }),
];
