import { collectStrings, parseIntegerBetween } from './arg-parsers.js';
import type { OptionSpec } from './command-spec.js';

const forints = parseIntegerBetween(0, 999_999_999);

/** Options that set a filter: `add`, `edit` and `filter-test` share them. */
export const filterOptions: OptionSpec[] = [
  {
    flags: '--exclude <words>',
    description: 'drop ads whose title has these words (accents and case ignored; alkatr* matches any ending; /regex/)',
    parse: collectStrings,
  },
  {
    flags: '--require <words>',
    description: 'drop ads whose title lacks these words (repeatable)',
    parse: collectStrings,
  },
  { flags: '--min-price <ft>', description: 'drop ads cheaper than this many forints', parse: forints },
  { flags: '--max-price <ft>', description: 'drop ads dearer than this many forints', parse: forints },
  {
    flags: '--keep-unpriced',
    description: 'keep ads without a price (Keresem, Csere) even with a price bound set',
  },
  { flags: '--no-wanted', description: 'drop wanted ads (Keresem)' },
  { flags: '--no-iced', description: 'drop iced ads (jegelve)' },
  { flags: '--no-promoted', description: 'drop promoted ads (Előresorolva)' },
  { flags: '--business-only', description: 'keep only business sellers', conflicts: ['privateOnly'] },
  { flags: '--private-only', description: 'keep only private sellers', conflicts: ['businessOnly'] },
  {
    flags: '--min-rating <n>',
    description: 'drop sellers with fewer positive reviews (n.a. counts as 0)',
    parse: parseIntegerBetween(0, 1_000_000),
  },
  {
    flags: '--block-seller <name>',
    description: 'drop ads of this seller, by the name the site shows (repeatable)',
    parse: collectStrings,
  },
  {
    flags: '--allow-seller <name>',
    description: 'keep only ads of these sellers (repeatable)',
    parse: collectStrings,
  },
  {
    flags: '--city <name>',
    description: 'keep only ads listing one of these places; Budapest covers its districts (repeatable)',
    parse: collectStrings,
  },
  { flags: '--no-global-filter', description: "ignore the config file's global filter for this watch" },
];

/**
 * What `edit` adds: ways back for each switch, and clearing. The positive forms come before the `--no-` ones so
 * that an option not given stays undefined.
 */
export const editFilterOptions: OptionSpec[] = [
  { flags: '--wanted', description: 'keep wanted ads again' },
  { flags: '--iced', description: 'keep iced ads again' },
  { flags: '--promoted', description: 'keep promoted ads again' },
  { flags: '--any-seller', description: 'keep business and private sellers again' },
  { flags: '--global-filter', description: "apply the config file's global filter again" },
  ...filterOptions,
  { flags: '--clear-exclude', description: 'forget the excluded words' },
  { flags: '--clear-require', description: 'forget the required words' },
  { flags: '--clear-price', description: 'forget both price bounds and --keep-unpriced' },
  { flags: '--clear-rating', description: 'forget the minimum seller rating' },
  { flags: '--clear-sellers', description: 'forget the blocked and allowed sellers' },
  { flags: '--clear-cities', description: 'forget the cities' },
  { flags: '--clear-filter', description: "forget the watch's whole filter before applying the options given" },
];

/** Options of `add` that build the search URL instead of pasting it. */
export const searchOptions: OptionSpec[] = [
  { flags: '--search <text>', description: 'build the search URL for this text instead of giving a URL' },
  { flags: '--category <path>', description: 'with --search: search this category, e.g. hardver/videokartya' },
  { flags: '--exclude-words <words>', description: 'with --search: words the site itself leaves out' },
  { flags: '--title-only', description: 'with --search: search the titles only' },
  { flags: '--shipping', description: 'with --search: only ads that can be shipped' },
];
