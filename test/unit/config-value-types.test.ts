import { describe, expect, it } from 'vitest';
import { suggestKey } from '../../src/config/suggest-key.js';
import { boolean, integer, oneOf, stringList } from '../../src/config/value-types.js';
import { webhookSecretFor } from '../../src/config/webhook-secret.js';

const context = { at: 'X', secret: false };

describe('text parsing', () => {
  it.each([
    ['0', 0],
    ['+7', 7],
    [' 4\n', 4],
    ['10', 10],
  ])('integer 0-10 accepts %j', (text, value) => {
    expect(integer({ min: 0, max: 10 }).fromText?.(text, context)).toEqual({ ok: true, value });
  });

  it.each(['', 'x', '1.0', '1e3', '0x10', '11', '-1', '99999999999999999999'])('integer 0-10 rejects %j', (text) => {
    expect(integer({ min: 0, max: 10 }).fromText?.(text, context)).toEqual({
      ok: false,
      problems: [`X: expected an integer 0-10, got ${JSON.stringify(text)}`],
    });
  });

  it.each([
    ['1', true],
    ['true', true],
    ['YES', true],
    ['On', true],
    ['0', false],
    ['False', false],
    ['no', false],
    ['OFF', false],
  ])('boolean reads %j', (text, value) => {
    expect(boolean().fromText?.(text, context)).toEqual({ ok: true, value });
  });

  it.each(['', 'y', 'n', '2', 'enabled'])('boolean rejects %j', (text) => {
    expect(boolean().fromText?.(text, context).ok).toBe(false);
  });

  it('matches words case-insensitively from text only', () => {
    const level = oneOf(['info', 'warn']);
    expect(level.fromText?.('INFO', context)).toEqual({ ok: true, value: 'info' });
    expect(level.fromFile('INFO', context).ok).toBe(false);
  });

  it.each([
    ['a b\tc\nd', ['a', 'b', 'c', 'd']],
    ['', []],
    // A comma inside a URL stays in it; a comma before the next scheme:// still separates, as it always did.
    ['ntfy://alerts?tags=a,b', ['ntfy://alerts?tags=a,b']],
    ['discord://1/x,ntfy://t', ['discord://1/x', 'ntfy://t']],
    ['discord://1/x, ntfy://t,', ['discord://1/x', 'ntfy://t']],
    ['https://h/p?a=1,2 json+https://h/q', ['https://h/p?a=1,2', 'json+https://h/q']],
  ])('splits the list %j', (text, value) => {
    expect(stringList().fromText?.(text, context)).toEqual({ ok: true, value });
  });
});

describe('suggestKey', () => {
  const known = ['requestDelayMs', 'requestTimeoutMs', 'logLevel', 'notify', 'db'];
  it.each([
    ['requestDelay', 'requestDelayMs'],
    ['request_delay_ms', 'requestDelayMs'],
    ['REQUEST-TIMEOUT-MS', 'requestTimeoutMs'],
    ['loglevel', 'logLevel'],
    ['notfy', 'notify'],
    ['dbb', 'db'],
    ['color', undefined],
    ['somethingElseEntirely', undefined],
  ])('%s → %s', (unknown, suggestion) => {
    expect(suggestKey(unknown, known)).toBe(suggestion);
  });
});

describe('webhookSecretFor', () => {
  const config = { webhookSecrets: { 'https://a.example/x': 'own' }, webhookSecret: 'shared' };
  it('prefers the target’s own entry, then the shared secret', () => {
    expect(webhookSecretFor(config, 'https://a.example/x')).toBe('own');
    expect(webhookSecretFor(config, 'https://b.example/y')).toBe('shared');
    expect(webhookSecretFor({ ...config, webhookSecret: null }, 'https://b.example/y')).toBeNull();
    expect(webhookSecretFor({ ...config, webhookSecret: null }, 'toString')).toBeNull();
  });
});
