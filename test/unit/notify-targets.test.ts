import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { maskSecretsInText, maskTarget, parseTarget } from '../../src/domain/targets/parse-target.js';
import type { NotificationTarget } from '../../src/domain/targets/target.js';

const DISCORD_ID = '112233445566778899';
const DISCORD_TOKEN = 'Zx9_aQ-3kLmNoPqRsTuVwXyZ0123456789abcdefGHIJKLmnopqrstuVWXYZ-_abcd';
const SLACK_SECRET = 'XyZ123abcDEF456ghiJKL789';
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

/** The UserError parseTarget refuses a target with; fails the test when the target is accepted. */
function refusalOf(raw: string): UserError {
  try {
    parseTarget(raw);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`parseTarget accepted ${raw}`);
}

describe('parseTarget accepts every documented form', () => {
  const cases: Array<{ raw: string; expected: Partial<NotificationTarget> & Record<string, unknown> }> = [
    {
      raw: `https://discord.com/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}`,
      expected: {
        channel: 'discord',
        endpoint: `https://discord.com/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}?wait=true`,
        masked: 'https://discord.com/api/webhooks/1122…/****',
      },
    },
    {
      raw: `https://discordapp.com/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}`,
      expected: { channel: 'discord', masked: 'https://discordapp.com/api/webhooks/1122…/****' },
    },
    {
      raw: `https://ptb.discord.com/api/v10/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}?thread_id=42`,
      expected: {
        channel: 'discord',
        endpoint: `https://ptb.discord.com/api/v10/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}?thread_id=42&wait=true`,
        masked: 'https://ptb.discord.com/api/v10/webhooks/1122…/****?thread_id=42',
      },
    },
    {
      raw: `https://canary.discord.com/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}`,
      expected: { channel: 'discord' },
    },
    {
      raw: `discord://${DISCORD_ID}/${DISCORD_TOKEN}`,
      expected: {
        channel: 'discord',
        endpoint: `https://discord.com/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}?wait=true`,
        masked: 'discord://1122…/****',
      },
    },
    {
      raw: `https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/${SLACK_SECRET}`,
      expected: {
        channel: 'slack',
        endpoint: `https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/${SLACK_SECRET}`,
        masked: 'https://hooks.slack.com/services/T01…/B02…/****',
      },
    },
    {
      raw: `slack://T01ABCDEF/B02GHIJKL/${SLACK_SECRET}`,
      expected: {
        channel: 'slack',
        endpoint: `https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/${SLACK_SECRET}`,
        masked: 'slack://T01…/B02…/****',
      },
    },
    {
      raw: `tgram://${BOT_TOKEN}/-1001234567890`,
      expected: {
        channel: 'telegram',
        endpoint: `https://api.telegram.org/bot${BOT_TOKEN}/sendMessage`,
        masked: 'tgram://****/-1001234567890',
        chatId: '-1001234567890',
      },
    },
    {
      raw: `tgram://${BOT_TOKEN}/@hardver_alerts`,
      expected: { channel: 'telegram', chatId: '@hardver_alerts', masked: 'tgram://****/@hardver_alerts' },
    },
    {
      raw: 'ntfy://pyhabot-gpu',
      expected: { channel: 'ntfy', endpoint: 'https://ntfy.sh/', topic: 'pyhabot-gpu', masked: 'ntfy://****' },
    },
    {
      raw: 'ntfy://ntfy.example.org:8080/alerts',
      expected: { channel: 'ntfy', endpoint: 'http://ntfy.example.org:8080/', topic: 'alerts' },
    },
    {
      raw: 'ntfys://ntfy.example.org/alerts',
      expected: { channel: 'ntfy', endpoint: 'https://ntfy.example.org/', topic: 'alerts' },
    },
    {
      raw: 'ntfys://phil:s3cr3t-pass@ntfy.example.org/alerts',
      expected: {
        channel: 'ntfy',
        endpoint: 'https://ntfy.example.org/',
        headers: { Authorization: `Basic ${Buffer.from('phil:s3cr3t-pass').toString('base64')}` },
        masked: 'ntfys://phil:****@ntfy.example.org/****',
      },
    },
    {
      raw: 'ntfys://tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2@ntfy.example.org/alerts',
      expected: {
        headers: { Authorization: 'Bearer tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2' },
        masked: 'ntfys://****@ntfy.example.org/****',
      },
    },
    {
      raw: 'https://example.org/hooks/pyhabot',
      expected: {
        channel: 'json',
        endpoint: 'https://example.org/hooks/pyhabot',
        masked: 'https://example.org/hooks/pyhabot',
      },
    },
    {
      raw: 'http://192.168.1.10:8123/api/webhook/abc?token=hunter22',
      expected: {
        channel: 'json',
        endpoint: 'http://192.168.1.10:8123/api/webhook/abc?token=hunter22',
        masked: 'http://192.168.1.10:8123/api/webhook/abc?token=****',
      },
    },
    {
      raw: 'https://bob:pa55word@example.org/in',
      expected: {
        channel: 'json',
        endpoint: 'https://example.org/in',
        headers: { Authorization: `Basic ${Buffer.from('bob:pa55word').toString('base64')}` },
        masked: 'https://bob:****@example.org/in',
      },
    },
    {
      raw: 'json://example.org/in',
      expected: { channel: 'json', endpoint: 'http://example.org/in', masked: 'json://example.org/in' },
    },
    {
      raw: 'jsons://example.org/in?sig=abcd',
      expected: {
        channel: 'json',
        endpoint: 'https://example.org/in?sig=abcd',
        masked: 'jsons://example.org/in?sig=****',
      },
    },
    {
      raw: `discord+http://127.0.0.1:8080/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}`,
      expected: {
        channel: 'discord',
        endpoint: `http://127.0.0.1:8080/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}`,
        masked: 'discord+http://127.0.0.1:8080/api/webhooks/1122…/****',
      },
    },
    {
      raw: 'slack+https://chat.example.org/hooks/abc',
      expected: { channel: 'slack', endpoint: 'https://chat.example.org/hooks/abc' },
    },
    {
      raw: `telegram+https://tg-proxy.example.org/bot${BOT_TOKEN}/sendMessage?chat_id=-100123`,
      expected: {
        channel: 'telegram',
        chatId: '-100123',
        endpoint: `https://tg-proxy.example.org/bot${BOT_TOKEN}/sendMessage?chat_id=-100123`,
        masked: 'telegram+https://tg-proxy.example.org/bot****/sendMessage?chat_id=-100123',
      },
    },
    {
      raw: 'ntfy+https://push.example.org/alerts',
      expected: { channel: 'ntfy', endpoint: 'https://push.example.org/', topic: 'alerts' },
    },
    {
      raw: 'ntfy+https://example.org/ntfy/alerts',
      expected: { channel: 'ntfy', endpoint: 'https://example.org/ntfy/', topic: 'alerts' },
    },
    {
      raw: 'json+http://127.0.0.1:9000/receive',
      expected: { channel: 'json', endpoint: 'http://127.0.0.1:9000/receive' },
    },
  ];

  it.each(cases)('$raw', ({ raw, expected }) => {
    const target = parseTarget(raw);
    expect(target).toMatchObject(expected);
    expect(target.raw).toBe(raw);
  });

  it('trims surrounding whitespace', () => {
    expect(parseTarget('  ntfy://alerts\n')).toMatchObject({ topic: 'alerts' });
  });
});

describe('parseTarget rejects what it cannot use', () => {
  const invalid = [
    '',
    '   ',
    `discord://${DISCORD_ID}`,
    'discord://onlyid',
    `discord://notdigits/${DISCORD_TOKEN}`,
    `tgram://${BOT_TOKEN}`,
    'tgram://notatoken/-100123',
    `tgram://${BOT_TOKEN}/not a chat`,
    'ftp://x',
    'ntfy://',
    'ntfy://host/',
    'ntfy://host/a/b',
    'ntfy://bad topic',
    'slack://a/b',
    'slack://a/b/c/d',
    'foo+https://x',
    'discord+ftp://x',
    'telegram+https://example.org/bot1:x/sendMessage',
    'ntfy+https://example.org/',
    'https://discord.com/api/webhooks/123',
    'https://hooks.slack.com/services/T1/B2',
    `https://discord.com/api/webhooks/${DISCORD_ID}/ ${DISCORD_TOKEN}`,
    'https://',
    'no scheme at all',
    'example.org/hook',
    'json://',
  ];

  it.each(invalid)('%j', (raw) => {
    expect(() => parseTarget(raw)).toThrow(UserError);
    const error = refusalOf(raw);
    expect(error.message).toMatch(/^Invalid notification target: .+\.$/);
    expect(error.message).not.toContain('\n');
    expect(error.hint).toBeTruthy();
  });

  it.each([`tgram://${BOT_TOKEN}`, `discord://x/${DISCORD_TOKEN}`, `slack://T1/${SLACK_SECRET}`])(
    'never quotes the secret it refuses in %s',
    (raw) => {
      const { message, hint } = refusalOf(raw);
      for (const secret of [BOT_TOKEN, DISCORD_TOKEN, SLACK_SECRET]) {
        expect(message).not.toContain(secret);
        expect(hint).not.toContain(secret);
      }
    },
  );
});

describe('maskTarget', () => {
  it.each([
    [`discord://${DISCORD_ID}/${DISCORD_TOKEN}`, 'discord://1122…/****'],
    [`https://discord.com/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}`, 'https://discord.com/api/webhooks/1122…/****'],
    [`tgram://${BOT_TOKEN}/-1001234567890`, 'tgram://****/-1001234567890'],
    [`slack://T01ABCDEF/B02GHIJKL/${SLACK_SECRET}`, 'slack://T01…/B02…/****'],
    ['https://user:hunter2@example.org/x?api_key=abc&page=2', 'https://user:****@example.org/x?api_key=****&page=2'],
    ['https://example.org/x?signature=abc&auth=def', 'https://example.org/x?signature=****&auth=****'],
  ])('%s → %s', (raw, masked) => {
    expect(maskTarget(raw)).toBe(masked);
  });

  it('masks secrets in targets that do not parse', () => {
    expect(maskTarget(`tgram://${BOT_TOKEN}`)).toBe('tgram://****');
    expect(maskTarget(`discord://abc/${DISCORD_TOKEN}/extra`)).toBe('discord://abc/****/extra');
    expect(maskTarget(`slack://T01ABCDEF/B02GHIJKL/${SLACK_SECRET}/x`)).toBe('slack://T01…/B02…/****/****');
    expect(maskTarget(`foo+https://example.org/hook/${DISCORD_TOKEN}`)).toBe('foo+https://example.org/hook/****');
    expect(maskTarget(`ftp://user:${SLACK_SECRET}@example.org/x`)).toBe('ftp://user:****@example.org/x');
    expect(maskTarget(`my token is ${DISCORD_TOKEN}`)).toBe('my token is ****');
    expect(maskTarget(`discord://${DISCORD_ID}`)).toBe('discord://1122…');
  });

  it('never throws and never shows a token-shaped secret', () => {
    const token = fc
      .stringMatching(/^[A-Za-z0-9_-]{20,70}$/)
      .filter((value) => /\d/.test(value) && /[A-Za-z]/.test(value));
    fc.assert(
      fc.property(fc.string(), (raw) => {
        expect(typeof maskTarget(raw)).toBe('string');
      }),
    );
    fc.assert(
      fc.property(
        token,
        fc.constantFrom('discord://123/', 'tgram://1:', 'slack://T1/B2/', 'https://x.org/a/', 'json://h/?key='),
        (secret, prefix) => {
          expect(maskTarget(`${prefix}${secret}`)).not.toContain(secret);
        },
      ),
    );
  });
});

describe('maskSecretsInText', () => {
  it('replaces every secret of the given targets in free text', () => {
    const targets = [
      `discord://${DISCORD_ID}/${DISCORD_TOKEN}`,
      `tgram://${BOT_TOKEN}/-100123`,
      `slack://T01ABCDEF/B02GHIJKL/${SLACK_SECRET}`,
      'https://bob:pa55word@example.org/in?token=t0k3n-value',
    ];
    const text = [
      `POST https://discord.com/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN} failed`,
      `bot ${BOT_TOKEN.split(':')[1]} unauthorized`,
      `slack said no to ${SLACK_SECRET}`,
      `credentials pa55word and t0k3n-value, url-encoded ${encodeURIComponent(BOT_TOKEN)}`,
      `the target ${targets[1]} is broken`,
    ].join('\n');
    const masked = maskSecretsInText(text, targets);
    for (const secret of [
      DISCORD_TOKEN,
      BOT_TOKEN,
      BOT_TOKEN.split(':')[1] ?? '',
      SLACK_SECRET,
      'pa55word',
      't0k3n-value',
    ]) {
      expect(masked).not.toContain(secret);
    }
    expect(masked).toContain('the target tgram://****/-100123 is broken');
    expect(masked).toContain(`webhooks/${DISCORD_ID}/****`);
  });

  it('masks secrets of targets that do not parse', () => {
    expect(maskSecretsInText(`failed with ${BOT_TOKEN}`, [`tgram://${BOT_TOKEN}`])).toBe('failed with ****');
  });

  it('leaves text without secrets alone', () => {
    expect(maskSecretsInText('HTTP 500: Internal Server Error', ['ntfy://alerts'])).toBe(
      'HTTP 500: Internal Server Error',
    );
  });
});
