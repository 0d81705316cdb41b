import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../src/domain/events.js';
import { parseTarget } from '../../src/domain/targets/parse-target.js';
import { REPLY_BYTE_LIMIT } from '../../src/notify/read-reply.js';
import { buildSampleItems } from '../../src/notify/sample-items.js';
import { type SendOptions, sendNotifications } from '../../src/notify/send.js';
import { startEndlessReceiver, waitForHangUp } from '../helpers/endless-receiver.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';

const now = new Date('2025-03-01T10:00:00Z');
const [sample] = buildSampleItems(now) as [NotificationItem];
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
/** Where the endless receiver stops on its own, so a regression fails the test instead of hanging it. */
const STREAM_BOUND = 64 * 1024 * 1024;
/** What may pass through socket buffers after pyhabot stops reading: far below the bound, far above the cap. */
const READ_ALLOWANCE = 16 * 1024 * 1024;

function options(overrides: Partial<SendOptions> = {}): SendOptions {
  return {
    language: 'en',
    linkPreview: false,
    userAgent: 'pyhabot/0.0.0-test',
    maxAttemptsInRun: 1,
    now: () => now,
    sleep: async () => {},
    ...overrides,
  };
}

describe('the webhook secret signs only JSON webhook bodies', () => {
  it.each([
    ['discord', (url: string) => `discord+${url}/api/webhooks/1/token`, { status: 204 }],
    ['slack', (url: string) => `slack+${url}/services/T1/B2/x`, { status: 200, body: 'ok' }],
    [
      'telegram',
      (url: string) => `telegram+${url}/bot${BOT_TOKEN}/sendMessage?chat_id=1`,
      { status: 200, body: { ok: true } },
    ],
    ['ntfy', (url: string) => `ntfy+${url}/alerts`, { status: 200, body: { id: 'x' } }],
  ] as const)('%s bodies carry no signature', async (_channel, spell, reply) => {
    await using receiver = await startFakeReceiver([reply]);
    const outcomes = await sendNotifications(parseTarget(spell(receiver.url)), [sample], options({ secret: 's3cret' }));
    expect(outcomes.map((outcome) => outcome.result.status)).toEqual(['delivered']);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]?.headers['x-pyhabot-signature']).toBeUndefined();
  });

  it('a JSON webhook body is signed', async () => {
    await using receiver = await startFakeReceiver([{ status: 200 }]);
    await sendNotifications(parseTarget(`${receiver.url}/hook`), [sample], options({ secret: 's3cret' }));
    expect(receiver.requests[0]?.headers['x-pyhabot-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});

describe('a reply that never ends', () => {
  it.each([
    ['json', 200, 'x', 'delivered'],
    ['json', 500, 'x', 'retry'],
    ['slack', 200, 'o', 'dead'],
  ] as const)(
    '%s answering %i: reading stops at the cap and the status decides',
    async (format, status, fill, expected) => {
      const { server, stream } = await startEndlessReceiver(status, fill, STREAM_BOUND);
      await using _server = server;
      const outcomes = await sendNotifications(parseTarget(`${format}+${server.url}/hook`), [sample], options());
      expect(outcomes.map((outcome) => outcome.result.status)).toEqual([expected]);
      await waitForHangUp(stream);
      expect(stream.closed).toBe(true);
      expect(stream.written).toBeGreaterThan(REPLY_BYTE_LIMIT);
      expect(stream.written).toBeLessThan(READ_ALLOWANCE);
    },
  );
});

describe('a rate limit asking for an absurd wait', () => {
  it.each([
    ['Discord retry_after 1e300', 'discord', { status: 429, body: '{"message":"slow down","retry_after":1e300}' }],
    [
      'Discord retry_after beyond a double',
      'discord',
      { status: 429, body: '{"message":"slow down","retry_after":1e400}' },
    ],
    [
      'Telegram parameters.retry_after 1e300',
      'telegram',
      { status: 429, body: { ok: false, description: 'slow down', parameters: { retry_after: 1e300 } } },
    ],
    [
      'a Retry-After of 30 digits',
      'json',
      { status: 429, body: 'slow down', headers: { 'Retry-After': '9'.repeat(30) } },
    ],
  ] as const)('%s is clamped to the configured maximum, and the error says so', async (_name, format, reply) => {
    await using receiver = await startFakeReceiver([reply]);
    const raw =
      format === 'telegram'
        ? `telegram+${receiver.url}/bot${BOT_TOKEN}/sendMessage?chat_id=1`
        : `${format}+${receiver.url}/hook`;
    const outcomes = await sendNotifications(parseTarget(raw), [sample], options({ retryAfterMaxMs: 90_000 }));
    const [outcome] = outcomes;
    expect(outcome?.result).toEqual({
      status: 'retry',
      error:
        'HTTP 429: slow down (asked to wait an unreasonably long time, longer than the 90 s allowed; retrying after 90 s)',
      retryAfterMs: 90_000,
    });
  });
});
