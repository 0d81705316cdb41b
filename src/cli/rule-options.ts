import { MAX_RULE_FORINTS, parseMinimumChange } from '../domain/minimum-change.js';
import type { MinimumChange, PriceChangeRule, RepostRule } from '../domain/watch-rules.js';
import type { OptionSpec } from './command-spec.js';
import { InvalidArgumentError } from './commander.js';

const PRICE_CHANGES: readonly PriceChangeRule[] = ['drops', 'all', 'none'];
const REPOSTS: readonly RepostRule[] = ['notify', 'label', 'skip'];

/** `default` (edit only) forgets the watch's own setting; commander would store a parser's null as "". */
type OrDefault<T> = T | 'default';

function isWord(value: string, word: string): boolean {
  return value.trim().toLowerCase() === word;
}

function oneOfWords<T extends string>(words: readonly T[], allowDefault: boolean): (value: string) => OrDefault<T> {
  return (value) => {
    const word = value.trim().toLowerCase();
    if (allowDefault && word === 'default') return 'default';
    if ((words as readonly string[]).includes(word)) return word as T;
    const allowed = [...words, ...(allowDefault ? ['default'] : [])].join(', ');
    throw new InvalidArgumentError(`expected one of ${allowed}, got ${JSON.stringify(value)}.`);
  };
}

/** Parse `--min-drop`: "5%", "2000", "2 000 Ft", `none` (no minimum, whatever the config says), or `default`. */
function parseMinDrop(allowDefault: boolean): (value: string) => OrDefault<MinimumChange | 'none'> {
  return (value) => {
    if (allowDefault && isWord(value, 'default')) return 'default';
    if (isWord(value, 'none')) return 'none';
    const parsed = parseMinimumChange(value);
    if (!parsed.ok) throw new InvalidArgumentError(`${parsed.problem}.`);
    return parsed.value;
  };
}

/** Parse `--below`: forints ("150000", "150 000 Ft"), `none`, or `default`. */
function parseBelow(allowDefault: boolean): (value: string) => OrDefault<number | 'none'> {
  return (value) => {
    if (allowDefault && isWord(value, 'default')) return 'default';
    if (isWord(value, 'none')) return 'none';
    const parsed = parseMinimumChange(value);
    if (!parsed.ok || !('forints' in parsed.value)) {
      throw new InvalidArgumentError(
        `expected a price in forints from 1 to ${MAX_RULE_FORINTS}, such as 150000 or "150 000 Ft", got ${JSON.stringify(value)}.`,
      );
    }
    return parsed.value.forints;
  };
}

function ruleOptions(edit: boolean): OptionSpec[] {
  const orDefault = edit ? '; default: back to the config file or built-in rule' : '';
  return [
    {
      flags: '--price-changes <which>',
      description: `which price changes notify: drops (the default), all (rises and changes like "Csere" too) or none${orDefault}`,
      parse: oneOfWords(PRICE_CHANGES, edit),
    },
    {
      flags: '--min-drop <amount>',
      description: `notify a price change only when it is at least this big: a share of the old price (5%) or forints (2000); none for no minimum${orDefault}`,
      parse: parseMinDrop(edit),
    },
    {
      flags: '--below <ft>',
      description: `always notify when an ad's price falls under this many forints, however small the drop (once per fall); none for no target${orDefault}`,
      parse: parseBelow(edit),
    },
    {
      flags: '--notify-reactivated',
      description: 'notify when an iced (jegelve) ad becomes active again (on by default)',
    },
    { flags: '--no-notify-reactivated', description: 'do not notify when an iced ad becomes active again' },
    {
      flags: '--notify-reappeared',
      description: 'notify when an ad recorded as gone is listed again (off by default)',
    },
    { flags: '--no-notify-reappeared', description: 'do not notify when a gone ad is listed again' },
    {
      flags: '--notify-gone',
      description:
        'notify when an ad leaves the search (sold or expired), with how long it was listed (off by default)',
    },
    { flags: '--no-notify-gone', description: 'do not notify when an ad leaves the search' },
    {
      flags: '--reposts <what>',
      description: `a re-posted ad (the same ad listed again under a new id): notify it as a re-post, label its new-ad notification (the default), or skip it${orDefault}`,
      parse: oneOfWords(REPOSTS, edit),
    },
  ];
}

/** Options that set a watch's notification rules on `add`. The positive forms come first, so an option not given stays undefined. */
export const addRuleOptions: OptionSpec[] = ruleOptions(false);

/** Options that change a watch's notification rules on `edit`: each valued one also takes `default`. */
export const editRuleOptions: OptionSpec[] = [
  ...ruleOptions(true),
  {
    flags: '--clear-rules',
    description: "forget the watch's own notification rules before applying the options given",
  },
];
