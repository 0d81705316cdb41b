import { readWatchId, readWholeNumber } from './read-number.js';

/** The longest chat message read as a command; anything longer is answered with a short refusal. */
export const MAX_COMMAND_LENGTH = 4096;

/** What a filter rule sets, keyed as the command line's filter options are (`--min-price` → minPrice). */
export type FilterRuleFlags = Record<string, string[] | number | boolean>;

/** A chat command, read from a message's text. */
export type ChatCommand =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'status' }
  | { kind: 'add'; url: string; name: string | undefined }
  | { kind: 'show' | 'remove' | 'pause' | 'resume'; id: number }
  | { kind: 'filter'; id: number; rule: string; flags: FilterRuleFlags }
  /** A command that cannot be run as written: answered with the problem and a hint, changing nothing. */
  | { kind: 'invalid'; message: string; hint: string };

type RuleKind = 'list' | 'forints' | 'count' | 'on' | 'off';

/** The filter rules a chat may set: the command line's filter options without their dashes. */
const FILTER_RULES: Record<string, { kind: RuleKind; flag: string }> = {
  exclude: { kind: 'list', flag: 'exclude' },
  require: { kind: 'list', flag: 'require' },
  'min-price': { kind: 'forints', flag: 'minPrice' },
  'max-price': { kind: 'forints', flag: 'maxPrice' },
  'keep-unpriced': { kind: 'on', flag: 'keepUnpriced' },
  wanted: { kind: 'on', flag: 'wanted' },
  'no-wanted': { kind: 'off', flag: 'wanted' },
  iced: { kind: 'on', flag: 'iced' },
  'no-iced': { kind: 'off', flag: 'iced' },
  promoted: { kind: 'on', flag: 'promoted' },
  'no-promoted': { kind: 'off', flag: 'promoted' },
  'business-only': { kind: 'on', flag: 'businessOnly' },
  'private-only': { kind: 'on', flag: 'privateOnly' },
  'any-seller': { kind: 'on', flag: 'anySeller' },
  'min-rating': { kind: 'count', flag: 'minRating' },
  'block-seller': { kind: 'list', flag: 'blockSeller' },
  'allow-seller': { kind: 'list', flag: 'allowSeller' },
  city: { kind: 'list', flag: 'city' },
  'global-filter': { kind: 'on', flag: 'globalFilter' },
  'no-global-filter': { kind: 'off', flag: 'globalFilter' },
  'clear-exclude': { kind: 'on', flag: 'clearExclude' },
  'clear-require': { kind: 'on', flag: 'clearRequire' },
  'clear-price': { kind: 'on', flag: 'clearPrice' },
  'clear-rating': { kind: 'on', flag: 'clearRating' },
  'clear-sellers': { kind: 'on', flag: 'clearSellers' },
  'clear-cities': { kind: 'on', flag: 'clearCities' },
  'clear-filter': { kind: 'on', flag: 'clearFilter' },
};

/** The filter rule names, in the order /help lists them. */
export const FILTER_RULE_NAMES = Object.keys(FILTER_RULES);

const HELP_HINT = 'send /help for the commands';
const WATCH_COMMANDS = new Set(['show', 'remove', 'pause', 'resume']);
// Invisible formatting characters (zero-width spaces, bidi marks) could hide inside a command word.
const INVISIBLE = /\p{Cf}/gu;

/** Read a chat message as a command; null when it is not one (it does not start with a slash). */
export function parseChatCommand(text: string): ChatCommand | null {
  const trimmed = text.replace(/^[\s\p{Cf}]+/u, '');
  // NFKC makes a full-width slash or letters plain, so a look-alike command means what it looks like.
  const head = trimmed.slice(0, 64).normalize('NFKC');
  if (!head.startsWith('/')) return null;
  if (text.length > MAX_COMMAND_LENGTH) {
    return invalid(`the message is ${text.length} characters long; at most ${MAX_COMMAND_LENGTH} are read`);
  }
  // A split always has a first part; blank runs leave empty parts, which the arguments drop.
  const [word, ...rest] = trimmed.split(/\s/) as [string, ...string[]];
  // "/list@my_pyhabot_bot" is how Telegram addresses one bot in a group; the word holds no blank.
  const name = word.normalize('NFKC').replace(INVISIBLE, '').slice(1).replace(/@\S*/, '').toLowerCase();
  const args = rest.filter((part) => part !== '');
  // The text after the command word, as written: names and values are read from it between the arguments.
  const restText = trimmed.slice(word.length);
  if (name === 'help' || name === 'start') return { kind: 'help' };
  if (name === 'list' || name === 'status') return args.length === 0 ? { kind: name } : tooMany(name);
  if (name === 'add') return parseAdd(args, restText);
  if (WATCH_COMMANDS.has(name)) return parseWatchCommand(name as 'show', args);
  if (name === 'filter') return parseFilter(args, restText);
  return invalid(`unknown command ${JSON.stringify(`/${name.slice(0, 30)}`)}`);
}

function parseAdd(args: string[], restText: string): ChatCommand {
  const [url] = args;
  if (url === undefined) return invalid('/add needs the address of a HardverApró search', 'send /add <url> [name]');
  const name = restText.slice(restText.indexOf(url) + url.length).trim();
  return { kind: 'add', url, name: name === '' ? undefined : name };
}

function parseWatchCommand(name: 'show' | 'remove' | 'pause' | 'resume', args: string[]): ChatCommand {
  const [id, ...extra] = args;
  if (id === undefined) return invalid(`/${name} needs a watch id`, `send /${name} <id>; /list shows the ids`);
  if (extra.length > 0) return tooMany(name);
  const read = readWatchId(id);
  return read.ok ? { kind: name, id: read.value } : invalid(read.problem, '/list shows the watch ids');
}

function parseFilter(args: string[], restText: string): ChatCommand {
  const [idText, ruleText] = args;
  const hint = `send /filter <id> <rule> [value]; the rules are ${FILTER_RULE_NAMES.join(', ')}`;
  if (idText === undefined || ruleText === undefined) return invalid('/filter needs a watch id and a rule', hint);
  const id = readWatchId(idText);
  if (!id.ok) return invalid(id.problem, '/list shows the watch ids');
  const ruleName = ruleText.toLowerCase().replace(/^--/, '');
  const rule = FILTER_RULES[ruleName];
  if (rule === undefined) return invalid(`unknown filter rule ${JSON.stringify(ruleText.slice(0, 30))}`, hint);
  const afterRule = restText.slice(restText.indexOf(ruleText, restText.indexOf(idText) + idText.length));
  const value = afterRule.slice(ruleText.length).trim();
  const needsValue = rule.kind === 'list' || rule.kind === 'forints' || rule.kind === 'count';
  if (needsValue && value === '') return invalid(`the rule ${ruleName} needs a value`, hint);
  if (!needsValue && value !== '') return invalid(`the rule ${ruleName} takes no value`, hint);
  const flags: FilterRuleFlags = {};
  if (rule.kind === 'list') {
    // Commas separate entries, so a phrase ("nem működik") stays one entry.
    flags[rule.flag] = value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  } else if (rule.kind === 'forints' || rule.kind === 'count') {
    const read = readWholeNumber(value, 0, rule.kind === 'forints' ? 999_999_999 : 1_000_000);
    if (!read.ok) return invalid(read.problem, hint);
    flags[rule.flag] = read.value;
  } else {
    flags[rule.flag] = rule.kind === 'on';
  }
  return { kind: 'filter', id: id.value, rule: ruleName, flags };
}

function tooMany(name: string): ChatCommand {
  return invalid(`too many arguments for /${name}`, HELP_HINT);
}

function invalid(message: string, hint: string = HELP_HINT): ChatCommand {
  return { kind: 'invalid', message, hint };
}
