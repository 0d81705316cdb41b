import { describe, expect, it } from 'vitest';
import { parseChatCommand } from '../../src/domain/chat-command.js';

describe('parseChatCommand', () => {
  it.each([
    ['/help', { kind: 'help' }],
    ['/start', { kind: 'help' }],
    ['/list', { kind: 'list' }],
    ['/list@my_pyhabot_bot', { kind: 'list' }],
    ['  /STATUS  ', { kind: 'status' }],
    ['\u200b/list', { kind: 'list' }],
    ['\uff0flist', { kind: 'list' }],
    ['/show 3', { kind: 'show', id: 3 }],
    ['/remove 12', { kind: 'remove', id: 12 }],
    ['/pause 1', { kind: 'pause', id: 1 }],
    ['/resume 1', { kind: 'resume', id: 1 }],
    [
      '/add https://hardverapro.hu/aprok/mobil/index.html',
      {
        kind: 'add',
        url: 'https://hardverapro.hu/aprok/mobil/index.html',
        name: undefined,
      },
    ],
    [
      '/add https://hardverapro.hu/aprok/mobil/index.html  Olcsó   telefonok ',
      {
        kind: 'add',
        url: 'https://hardverapro.hu/aprok/mobil/index.html',
        name: 'Olcsó   telefonok',
      },
    ],
  ])('reads %j', (text, expected) => {
    expect(parseChatCommand(text)).toEqual(expected);
  });

  it.each([
    ['/filter 2 exclude hibás, alkatr*, nem működik', { exclude: ['hibás', 'alkatr*', 'nem működik'] }],
    ['/filter 2 max-price 100000', { maxPrice: 100000 }],
    ['/filter 2 --min-price 5000', { minPrice: 5000 }],
    ['/filter 2 no-iced', { iced: false }],
    ['/filter 2 iced', { iced: true }],
    ['/filter 2 business-only', { businessOnly: true }],
    ['/filter 2 city Budapest', { city: ['Budapest'] }],
    ['/filter 2 no-global-filter', { globalFilter: false }],
    ['/filter 2 clear-filter', { clearFilter: true }],
    ['/filter 2 min-rating 10', { minRating: 10 }],
  ])('reads the filter rule in %j as the command line option would set it', (text, flags) => {
    expect(parseChatCommand(text)).toMatchObject({ kind: 'filter', id: 2, flags });
  });

  it.each(['hello', 'add https://x', '', '   ', 'a /list in the middle'])('is not a command: %j', (text) => {
    expect(parseChatCommand(text)).toBeNull();
  });

  it.each([
    ['/frobnicate', 'unknown command "/frobnicate"', 'send /help for the commands'],
    ['/show', '/show needs a watch id', 'send /show <id>; /list shows the ids'],
    ['/show x', 'expected a watch id (a positive whole number), got "x".', '/list shows the watch ids'],
    ['/show 0', 'expected a watch id between 1 and 2147483647, got "0".', '/list shows the watch ids'],
    ['/show 1 2', 'too many arguments for /show', 'send /help for the commands'],
    ['/list everything', 'too many arguments for /list', 'send /help for the commands'],
    ['/add', '/add needs the address of a HardverApró search', 'send /add <url> [name]'],
  ])('refuses %j with a message and a hint', (text, message, hint) => {
    expect(parseChatCommand(text)).toEqual({ kind: 'invalid', message, hint });
  });

  it.each([
    ['/filter', '/filter needs a watch id and a rule'],
    ['/filter 1', '/filter needs a watch id and a rule'],
    ['/filter 1 sparkle', 'unknown filter rule "sparkle"'],
    ['/filter 1 exclude', 'the rule exclude needs a value'],
    ['/filter 1 no-iced please', 'the rule no-iced takes no value'],
    ['/filter 1 max-price lots', 'expected a whole number from 0 to 999999999, got "lots".'],
    ['/filter 1 max-price -5', 'expected a whole number from 0 to 999999999, got "-5".'],
  ])('refuses the filter command %j', (text, message) => {
    expect(parseChatCommand(text)).toMatchObject({ kind: 'invalid', message });
  });

  it('refuses a huge message without reading it, and cuts a long unknown name', () => {
    expect(parseChatCommand(`/add ${'a'.repeat(10_000)}`)).toMatchObject({
      kind: 'invalid',
      message: 'the message is 10005 characters long; at most 4096 are read',
    });
    const long = parseChatCommand(`/${'z'.repeat(200)}`);
    expect(long).toMatchObject({ kind: 'invalid' });
    expect(long?.kind === 'invalid' && long.message.length).toBeLessThan(60);
  });

  it('shows a command name with hidden characters removed, so the answer cannot be spoofed', () => {
    expect(parseChatCommand('/li\u202est')).toEqual({ kind: 'list' });
  });
});
