import { describe, expect, it } from 'vitest';
import { FILTER_RULE_NAMES, MAX_COMMAND_LENGTH, parseChatCommand } from '../../src/domain/chat-command.js';

// Every filter rule a chat may set, with a value where it takes one, and what the command line option would set.
const RULES: Array<[string, string, Record<string, unknown>]> = [
  ['exclude', 'hibás', { exclude: ['hibás'] }],
  ['require', 'garancia, doboz', { require: ['garancia', 'doboz'] }],
  ['min-price', '5000', { minPrice: 5000 }],
  ['max-price', '999999999', { maxPrice: 999_999_999 }],
  ['keep-unpriced', '', { keepUnpriced: true }],
  ['wanted', '', { wanted: true }],
  ['no-wanted', '', { wanted: false }],
  ['iced', '', { iced: true }],
  ['no-iced', '', { iced: false }],
  ['promoted', '', { promoted: true }],
  ['no-promoted', '', { promoted: false }],
  ['business-only', '', { businessOnly: true }],
  ['private-only', '', { privateOnly: true }],
  ['any-seller', '', { anySeller: true }],
  ['min-rating', '1000000', { minRating: 1_000_000 }],
  ['block-seller', 'csalo1', { blockSeller: ['csalo1'] }],
  ['allow-seller', 'bolt', { allowSeller: ['bolt'] }],
  ['city', 'Budapest, Győr', { city: ['Budapest', 'Győr'] }],
  ['global-filter', '', { globalFilter: true }],
  ['no-global-filter', '', { globalFilter: false }],
  ['clear-exclude', '', { clearExclude: true }],
  ['clear-require', '', { clearRequire: true }],
  ['clear-price', '', { clearPrice: true }],
  ['clear-rating', '', { clearRating: true }],
  ['clear-sellers', '', { clearSellers: true }],
  ['clear-cities', '', { clearCities: true }],
  ['clear-filter', '', { clearFilter: true }],
];

describe('parseChatCommand: every filter rule', () => {
  it.each(RULES)('/filter 7 %s %s', (rule, value, flags) => {
    const text = value === '' ? `/filter 7 ${rule}` : `/filter 7 ${rule} ${value}`;
    expect(parseChatCommand(text)).toEqual({ kind: 'filter', id: 7, rule, flags });
  });

  it('lists every rule, in the order /help shows them', () => {
    expect(FILTER_RULE_NAMES).toEqual(RULES.map(([rule]) => rule));
  });

  it.each(['keep-unpriced', 'wanted', 'clear-filter'])('refuses a value after the switch %s', (rule) => {
    expect(parseChatCommand(`/filter 7 ${rule} yes`)).toMatchObject({
      kind: 'invalid',
      message: `the rule ${rule} takes no value`,
    });
  });

  it.each(['require', 'min-price', 'min-rating', 'city'])('refuses %s without a value', (rule) => {
    expect(parseChatCommand(`/filter 7 ${rule}`)).toMatchObject({
      kind: 'invalid',
      message: `the rule ${rule} needs a value`,
    });
  });

  it('bounds prices and ratings each by their own largest value', () => {
    expect(parseChatCommand('/filter 7 min-rating 1000001')).toMatchObject({
      kind: 'invalid',
      message: 'expected a whole number from 0 to 1000000, got "1000001".',
    });
    expect(parseChatCommand('/filter 7 min-price 1000000000')).toMatchObject({
      kind: 'invalid',
      message: 'expected a whole number from 0 to 999999999, got "1000000000".',
    });
    expect(parseChatCommand('/filter 7 min-price 0')).toMatchObject({ flags: { minPrice: 0 } });
  });

  it('reads the rule name whatever its case, with or without the two dashes, and names it plainly', () => {
    expect(parseChatCommand('/filter 7 --No-Iced')).toEqual({
      kind: 'filter',
      id: 7,
      rule: 'no-iced',
      flags: { iced: false },
    });
    expect(parseChatCommand('/filter 7 -iced')).toMatchObject({
      kind: 'invalid',
      message: 'unknown filter rule "-iced"',
    });
    expect(parseChatCommand('/filter 7 iced--')).toMatchObject({
      kind: 'invalid',
      message: 'unknown filter rule "iced--"',
    });
    expect(parseChatCommand(`/filter 7 ${'x'.repeat(40)}`)).toMatchObject({
      kind: 'invalid',
      message: `unknown filter rule "${'x'.repeat(30)}"`,
    });
  });

  it('drops empty entries and blanks around the entries of a list', () => {
    expect(parseChatCommand('/filter 7 exclude  ,hibás ,, törött,  ')).toMatchObject({
      flags: { exclude: ['hibás', 'törött'] },
    });
  });

  it('reads the value after the rule even when the id or the rule appears earlier in the text', () => {
    expect(parseChatCommand('/filter 1 exclude 1, exclude')).toMatchObject({
      id: 1,
      flags: { exclude: ['1', 'exclude'] },
    });
    expect(parseChatCommand('/filter 10 city 0')).toMatchObject({ id: 10, flags: { city: ['0'] } });
    // A bot addressed in a group may carry the id and the rule in its own name.
    expect(parseChatCommand('/filter@bot_1_city 1 city Győr')).toMatchObject({ id: 1, flags: { city: ['Győr'] } });
  });

  it('answers a bad watch id of a filter command with where to find the ids', () => {
    expect(parseChatCommand('/filter x iced')).toEqual({
      kind: 'invalid',
      message: 'expected a watch id (a positive whole number), got "x".',
      hint: '/list shows the watch ids',
    });
  });

  it('gives the rules in the hint of a filter command it cannot read', () => {
    const answer = parseChatCommand('/filter 7 sparkle');
    expect(answer).toMatchObject({ kind: 'invalid' });
    expect(answer?.kind === 'invalid' && answer.hint).toBe(
      `send /filter <id> <rule> [value]; the rules are ${FILTER_RULE_NAMES.join(', ')}`,
    );
    expect(parseChatCommand('/filter 7 exclude')).toMatchObject({
      hint: `send /filter <id> <rule> [value]; the rules are ${FILTER_RULE_NAMES.join(', ')}`,
    });
  });
});

describe('parseChatCommand: reading the message', () => {
  it('reads a message of exactly the longest length, and refuses one character more', () => {
    const name = 'x'.repeat(MAX_COMMAND_LENGTH - '/add https://a '.length);
    expect(parseChatCommand(`/add https://a ${name}`)).toMatchObject({ kind: 'add', name });
    expect(parseChatCommand(`/add https://a ${name}y`)).toMatchObject({
      kind: 'invalid',
      message: `the message is ${MAX_COMMAND_LENGTH + 1} characters long; at most 4096 are read`,
      hint: 'send /help for the commands',
    });
  });

  it('looks for the slash among the first characters only after blanks and invisible marks', () => {
    expect(parseChatCommand('\n\t \u200e/status')).toEqual({ kind: 'status' });
    expect(parseChatCommand('x/status')).toBeNull();
  });

  it('reads a command addressed to a bot, in any case, with invisible marks inside', () => {
    expect(parseChatCommand('/HELP@Some_Bot')).toEqual({ kind: 'help' });
    expect(parseChatCommand('/sta\u200btus')).toEqual({ kind: 'status' });
    expect(parseChatCommand('/show@bot 4')).toEqual({ kind: 'show', id: 4 });
  });

  it('keeps a name after the address of an added search, taken from the text as written', () => {
    expect(parseChatCommand('/add  https://a/x   Két  szó')).toEqual({
      kind: 'add',
      url: 'https://a/x',
      name: 'Két  szó',
    });
  });

  it('refuses arguments after a list or a status command, with blank runs between them', () => {
    expect(parseChatCommand('/status   now')).toEqual({
      kind: 'invalid',
      message: 'too many arguments for /status',
      hint: 'send /help for the commands',
    });
    expect(parseChatCommand('/list   ')).toEqual({ kind: 'list' });
  });

  it('names an unknown command as written, folded and cut to 30 characters', () => {
    expect(parseChatCommand('/Frob')).toEqual({
      kind: 'invalid',
      message: 'unknown command "/frob"',
      hint: 'send /help for the commands',
    });
    expect(parseChatCommand(`/${'q'.repeat(40)}`)).toMatchObject({ message: `unknown command "/${'q'.repeat(30)}"` });
  });

  it('reads every watch command with its id', () => {
    for (const kind of ['show', 'remove', 'pause', 'resume']) {
      expect(parseChatCommand(`/${kind}   9`)).toEqual({ kind, id: 9 });
      expect(parseChatCommand(`/${kind}`)).toEqual({
        kind: 'invalid',
        message: `/${kind} needs a watch id`,
        hint: `send /${kind} <id>; /list shows the ids`,
      });
    }
  });
});
