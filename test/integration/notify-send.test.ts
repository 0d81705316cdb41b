import { createHmac } from 'node:crypto';
import type { RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Ad } from '../../src/domain/ad.js';
import type { NotificationItem } from '../../src/domain/events.js';
import { parseTarget } from '../../src/domain/targets/parse-target.js';
import type { JsonEventBody } from '../../src/notify/channels/json/render.js';
import type { NtfyPublishBody } from '../../src/notify/channels/ntfy/render.js';
import type { SlackWebhookBody } from '../../src/notify/channels/slack/render.js';
import type { TelegramSendMessageBody } from '../../src/notify/channels/telegram/render.js';
import { describeOutcome } from '../../src/notify/describe-outcome.js';
import { buildSampleItems } from '../../src/notify/sample-items.js';
import { type SendOptions, sendNotifications } from '../../src/notify/send.js';
import { closedPortUrl, type FakeReply, startFakeReceiver } from '../helpers/fake-receiver.js';

const now = new Date('2025-03-01T10:00:00Z');
const [sampleNew, samplePrice] = buildSampleItems(now);
if (sampleNew === undefined || samplePrice === undefined) throw new Error('sample items changed');
const samples = [sampleNew, samplePrice];
const sampleAd = sampleNew.event.ad;
const sampleWatch = sampleNew.event.watch;

const DISCORD_TOKEN = 'Zx9_aQ-3kLmNoPqRsTuVwXyZ0123456789abcdef';
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

function newAdItem(id: number, ad: Partial<Ad> = {}): NotificationItem {
  return {
    id,
    idempotencyKey: `key-${id}`,
    createdAt: now.toISOString(),
    event: {
      type: 'new_ad',
      watch: sampleWatch,
      ad: { ...sampleAd, id, url: `https://hardverapro.hu/apro/ad_${id}/friss.html`, ...ad },
    },
  };
}

function manyItems(count: number): NotificationItem[] {
  return Array.from({ length: count }, (_, index) => newAdItem(index + 1));
}

/** Options for fast, deterministic runs; sleeps are recorded, not waited. */
function testOptions(overrides: Partial<SendOptions> = {}): SendOptions & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    language: 'en',
    linkPreview: false,
    userAgent: 'pyhabot/0.0.0-test',
    retryBaseMs: 10,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    sleeps,
    ...overrides,
  };
}

describe('each format reaches its receiver in the documented shape', () => {
  it('discord', async () => {
    await using receiver = await startFakeReceiver([{ status: 204 }]);
    const target = parseTarget(`discord+${receiver.url}/api/webhooks/123/${DISCORD_TOKEN}`);
    const outcomes = await sendNotifications(target, samples, testOptions());
    expect(outcomes).toEqual([{ itemIds: [1, 2], result: { status: 'delivered' } }]);
    const [request] = receiver.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/api/webhooks/123/${DISCORD_TOKEN}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toBe('pyhabot/0.0.0-test');
    expect(request?.headers['idempotency-key']).toMatch(/^batch-[0-9a-f]{32}$/);
    const body = JSON.parse(request?.body ?? '') as RESTPostAPIWebhookWithTokenJSONBody;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds?.map((embed) => embed.title)).toEqual(samples.map((item) => item.event.ad.title));
    expect(body.embeds?.[0]?.title).toContain('garanciális, számlával');
  });

  it('slack', async () => {
    await using receiver = await startFakeReceiver([{ status: 200, body: 'ok' }]);
    const outcomes = await sendNotifications(
      parseTarget(`slack+${receiver.url}/services/T1/B2/x`),
      samples,
      testOptions(),
    );
    expect(outcomes).toEqual([{ itemIds: [1, 2], result: { status: 'delivered' } }]);
    const [body] = receiver.jsonBodies() as SlackWebhookBody[];
    expect(body?.text).toContain('1 new ad and 1 price change');
    expect(body?.blocks.filter((block) => block.type === 'section')).toHaveLength(3);
  });

  it('telegram', async () => {
    await using receiver = await startFakeReceiver([{ status: 200, body: { ok: true, result: { message_id: 1 } } }]);
    const target = parseTarget(`telegram+${receiver.url}/bot${BOT_TOKEN}/sendMessage?chat_id=-1001234567890`);
    const outcomes = await sendNotifications(target, samples, testOptions({ language: 'hu' }));
    // Two ads are below telegramListAfter: one message each.
    expect(outcomes).toEqual([
      { itemIds: [1], result: { status: 'delivered' } },
      { itemIds: [2], result: { status: 'delivered' } },
    ]);
    expect(receiver.requests[0]?.path).toBe(`/bot${BOT_TOKEN}/sendMessage?chat_id=-1001234567890`);
    const [first, second] = receiver.jsonBodies() as TelegramSendMessageBody[];
    expect(first).toMatchObject({
      chat_id: '-1001234567890',
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
    expect(second?.text).toContain('Árcsökkenés');
  });

  it('ntfy', async () => {
    await using receiver = await startFakeReceiver([{ status: 200, body: { id: 'x', event: 'message' } }]);
    const outcomes = await sendNotifications(parseTarget(`ntfy+${receiver.url}/alerts`), samples, testOptions());
    expect(outcomes.map((outcome) => outcome.result.status)).toEqual(['delivered', 'delivered']);
    expect(receiver.requests.map((request) => request.path)).toEqual(['/', '/']);
    const bodies = receiver.jsonBodies() as NtfyPublishBody[];
    expect(bodies.map((body) => body.topic)).toEqual(['alerts', 'alerts']);
    expect(bodies[0]?.click).toBe(sampleNew.event.ad.url);
  });

  it('json, signed with HMAC-SHA256 over the exact bytes', async () => {
    await using receiver = await startFakeReceiver([{ status: 202 }]);
    const secret = 'correct horse battery staple';
    const outcomes = await sendNotifications(
      parseTarget(`json+${receiver.url}/hook`),
      samples,
      testOptions({ secret }),
    );
    expect(outcomes.map((outcome) => outcome.itemIds)).toEqual([[1], [2]]);
    for (const [index, request] of receiver.requests.entries()) {
      const expected = createHmac('sha256', secret).update(Buffer.from(request.body, 'utf8')).digest('hex');
      expect(request.headers['x-pyhabot-signature']).toBe(`sha256=${expected}`);
      expect(request.headers['idempotency-key']).toBe(samples[index]?.idempotencyKey);
      const body = JSON.parse(request.body) as JsonEventBody;
      expect(body.idempotencyKey).toBe(samples[index]?.idempotencyKey);
      expect(body.sentAt).toBe(now.toISOString());
    }
  });

  it('json without a secret carries no signature', async () => {
    await using receiver = await startFakeReceiver([{ status: 200 }]);
    await sendNotifications(parseTarget(`json+${receiver.url}/hook`), [sampleNew], testOptions());
    expect(receiver.requests[0]?.headers['x-pyhabot-signature']).toBeUndefined();
  });
});

describe('hostile and oversized ads', () => {
  it('pings nobody and stays within Discord limits', async () => {
    await using receiver = await startFakeReceiver([{ status: 204 }]);
    const items = [
      newAdItem(1, { title: '@everyone <@&123> <b>RTX</b> & co' }),
      newAdItem(2, { title: 'y'.repeat(300) }),
    ];
    await sendNotifications(parseTarget(`discord+${receiver.url}/hook`), items, testOptions());
    const [body] = receiver.jsonBodies() as RESTPostAPIWebhookWithTokenJSONBody[];
    expect(body?.allowed_mentions?.parse).toEqual([]);
    expect(body?.content).not.toMatch(/@(everyone|here)/);
    expect(body?.embeds?.[1]?.title?.length).toBeLessThanOrEqual(256);
    expect(body?.embeds?.[1]?.title?.endsWith('…')).toBe(true);
  });

  it('escapes titles for Slack and Telegram', async () => {
    const title = '<b>RTX</b> & _under_ *star*';
    await using slack = await startFakeReceiver([{ status: 200, body: 'ok' }]);
    await sendNotifications(parseTarget(`slack+${slack.url}/s`), [newAdItem(1, { title })], testOptions());
    expect(slack.requests[0]?.body).toContain('&lt;b&gt;RTX&lt;/b&gt; &amp;');
    expect(slack.requests[0]?.body).not.toContain('<b>');

    await using telegram = await startFakeReceiver([{ status: 200, body: { ok: true } }]);
    await sendNotifications(
      parseTarget(`telegram+${telegram.url}/botX/sendMessage?chat_id=1`),
      [newAdItem(1, { title })],
      testOptions(),
    );
    const [body] = telegram.jsonBodies() as TelegramSendMessageBody[];
    expect(body?.text).toContain('&lt;b&gt;RTX&lt;/b&gt; &amp; _under_ *star*</a>');
  });

  it('sends 25 ads as 3 Discord messages and Telegram messages under 4096', async () => {
    await using discord = await startFakeReceiver([{ status: 204 }]);
    const discordOutcomes = await sendNotifications(
      parseTarget(`discord+${discord.url}/hook`),
      manyItems(25),
      testOptions(),
    );
    expect(discordOutcomes.map((outcome) => outcome.itemIds.length)).toEqual([10, 10, 5]);
    const discordBodies = discord.jsonBodies() as RESTPostAPIWebhookWithTokenJSONBody[];
    expect(discordBodies.map((body) => body.embeds?.length)).toEqual([10, 10, 5]);

    await using telegram = await startFakeReceiver([{ status: 200, body: { ok: true } }]);
    const longTitles = manyItems(25).map((item) => newAdItem(item.id, { title: 'Ü'.repeat(250) }));
    await sendNotifications(
      parseTarget(`telegram+${telegram.url}/botX/sendMessage?chat_id=1`),
      longTitles,
      testOptions(),
    );
    const telegramBodies = telegram.jsonBodies() as TelegramSendMessageBody[];
    expect(telegramBodies.length).toBeGreaterThan(1);
    for (const body of telegramBodies) expect(body.text.length).toBeLessThan(4096);
  });
});

describe('retries within a run', () => {
  it('waits the retry_after Discord names, then succeeds', async () => {
    await using receiver = await startFakeReceiver([
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false } },
      { status: 204 },
    ]);
    const { sleep: _recorded, ...realSleep } = testOptions();
    const outcomes = await sendNotifications(parseTarget(`discord+${receiver.url}/hook`), [sampleNew], realSleep);
    expect(outcomes).toEqual([{ itemIds: [1], result: { status: 'delivered' } }]);
    const [first, second] = receiver.requests;
    expect(receiver.requests).toHaveLength(2);
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(180);
  });

  it('reads Telegram parameters.retry_after and Slack Retry-After', async () => {
    await using telegram = await startFakeReceiver([
      {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 3',
          parameters: { retry_after: 3 },
        },
      },
      { status: 200, body: { ok: true } },
    ]);
    const telegramOptions = testOptions();
    await sendNotifications(
      parseTarget(`telegram+${telegram.url}/botX/sendMessage?chat_id=1`),
      [sampleNew],
      telegramOptions,
    );
    expect(telegramOptions.sleeps).toEqual([3000]);

    await using slack = await startFakeReceiver([
      { status: 429, body: 'rate_limited', headers: { 'Retry-After': '2' } },
      { status: 200, body: 'ok' },
    ]);
    const slackOptions = testOptions();
    const outcomes = await sendNotifications(parseTarget(`slack+${slack.url}/s`), [sampleNew], slackOptions);
    expect(slackOptions.sleeps).toEqual([2000]);
    expect(outcomes[0]?.result.status).toBe('delivered');
  });

  it('leaves a long rate limit to a later run, without sending the rest', async () => {
    await using receiver = await startFakeReceiver([{ status: 429, body: { message: 'slow down', retry_after: 120 } }]);
    const options = testOptions();
    const outcomes = await sendNotifications(parseTarget(`discord+${receiver.url}/hook`), manyItems(25), options);
    expect(receiver.requests).toHaveLength(1);
    expect(options.sleeps).toEqual([]);
    expect(outcomes.map((outcome) => outcome.result)).toEqual([
      {
        status: 'retry',
        error: 'HTTP 429: slow down (asked to wait 120 s, longer than the 60 s allowed; retrying after 60 s)',
        retryAfterMs: 60_000,
      },
      { status: 'retry', error: 'not sent: the service asked pyhabot to wait', retryAfterMs: 60_000 },
      { status: 'retry', error: 'not sent: the service asked pyhabot to wait', retryAfterMs: 60_000 },
    ]);
  });

  it('retries a 500 with backoff and succeeds', async () => {
    await using receiver = await startFakeReceiver([{ status: 500, body: 'boom' }, { status: 200 }]);
    const options = testOptions();
    const outcomes = await sendNotifications(parseTarget(`json+${receiver.url}/hook`), [sampleNew], options);
    expect(outcomes[0]?.result).toEqual({ status: 'delivered' });
    expect(receiver.requests).toHaveLength(2);
    expect(options.sleeps).toEqual([10]);
  });

  it('gives a refused connection back as retry after the attempts of this run', async () => {
    const options = testOptions();
    const outcomes = await sendNotifications(parseTarget(`json+${await closedPortUrl()}/hook`), [sampleNew], options);
    expect(outcomes[0]?.result.status).toBe('retry');
    expect(outcomes[0]?.result).toMatchObject({ error: expect.stringMatching(/ECONNREFUSED.*\(3 attempts\)$/) });
    expect(options.sleeps).toEqual([10, 20]);
  });

  it('gives a receiver that never answers back as retry', async () => {
    await using receiver = await startFakeReceiver([{ hang: true }]);
    const options = testOptions({ timeoutMs: 300, maxAttemptsInRun: 2 });
    const started = Date.now();
    const outcomes = await sendNotifications(parseTarget(`json+${receiver.url}/hook`), [sampleNew], options);
    expect(outcomes[0]?.result).toEqual({ status: 'retry', error: 'no answer within 300 ms (2 attempts)' });
    expect(receiver.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('marks a 400 dead at once, with Discord’s explanation', async () => {
    await using receiver = await startFakeReceiver([
      {
        status: 400,
        body: {
          message: 'Invalid Form Body',
          code: 50035,
          errors: {
            embeds: {
              '0': {
                title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] },
              },
            },
          },
        },
      },
    ]);
    const options = testOptions();
    const outcomes = await sendNotifications(parseTarget(`discord+${receiver.url}/hook`), [sampleNew], options);
    expect(outcomes[0]?.result).toEqual({
      status: 'dead',
      error: 'HTTP 400: Invalid Form Body (embeds.0.title: Must be 256 or fewer in length.)',
    });
    expect(receiver.requests).toHaveLength(1);
    expect(options.sleeps).toEqual([]);
  });

  it.each([
    ['slack', 'slack+{url}/s', { status: 400, body: 'invalid_payload' }, 'HTTP 400: invalid_payload'],
    ['slack 200 not ok', 'slack+{url}/s', { status: 200, body: 'no_text' }, 'HTTP 200: no_text'],
    [
      'telegram',
      'telegram+{url}/botX/sendMessage?chat_id=1',
      { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } },
      'HTTP 400: Bad Request: chat not found',
    ],
    [
      'telegram ok false',
      'telegram+{url}/botX/sendMessage?chat_id=1',
      { status: 200, body: { ok: false, description: 'Bad Request: message is too long' } },
      'HTTP 200: Bad Request: message is too long',
    ],
    [
      'ntfy',
      'ntfy+{url}/alerts',
      { status: 400, body: { code: 40007, http: 400, error: 'invalid request: topic invalid' } },
      'HTTP 400: invalid request: topic invalid',
    ],
    [
      'json redirect',
      'json+{url}/hook',
      { status: 302, headers: { Location: 'https://elsewhere.example/' } },
      'HTTP 302: redirected to https://elsewhere.example/; update the target',
    ],
  ] as const)('reads the refusal of %s', async (_name, form, reply, error) => {
    await using receiver = await startFakeReceiver([reply as FakeReply]);
    const outcomes = await sendNotifications(
      parseTarget(form.replace('{url}', receiver.url)),
      [sampleNew],
      testOptions(),
    );
    expect(outcomes[0]?.result).toEqual({ status: 'dead', error });
    expect(receiver.requests).toHaveLength(1);
  });

  it('never puts a secret into an error', async () => {
    await using receiver = await startFakeReceiver([
      { status: 401, body: { ok: false, error_code: 401, description: `Unauthorized: bad token ${BOT_TOKEN}` } },
    ]);
    const target = parseTarget(`telegram+${receiver.url}/bot${BOT_TOKEN}/sendMessage?chat_id=1`);
    const [outcome] = await sendNotifications(target, [sampleNew], testOptions());
    expect(outcome?.result).toEqual({ status: 'dead', error: 'HTTP 401: Unauthorized: bad token ****' });

    receiver.script([{ status: 404, body: { message: `Unknown Webhook ${DISCORD_TOKEN}` } }]);
    const discord = parseTarget(`discord+${receiver.url}/api/webhooks/123/${DISCORD_TOKEN}`);
    const [discordOutcome] = await sendNotifications(discord, [sampleNew], testOptions());
    expect(JSON.stringify(discordOutcome)).not.toContain(DISCORD_TOKEN);
    expect(describeOutcome(discordOutcome ?? { itemIds: [], result: { status: 'delivered' } })).toBe(
      'rejected: HTTP 404: Unknown Webhook ****',
    );
  });
});

describe('a batch of several messages', () => {
  it('keeps earlier outcomes when a later message fails', async () => {
    await using receiver = await startFakeReceiver([
      { status: 204 },
      { status: 400, body: { message: 'bad' } },
      { status: 204 },
    ]);
    const outcomes = await sendNotifications(parseTarget(`discord+${receiver.url}/hook`), manyItems(25), testOptions());
    expect(outcomes.map((outcome) => [outcome.itemIds.length, outcome.result.status])).toEqual([
      [10, 'delivered'],
      [10, 'dead'],
      [5, 'delivered'],
    ]);
  });

  it('stops before the next message when the signal aborts', async () => {
    const controller = new AbortController();
    await using receiver = await startFakeReceiver([{ status: 204 }]);
    const options = testOptions({ signal: controller.signal });
    const target = parseTarget(`discord+${receiver.url}/hook`);
    const pending = sendNotifications(target, manyItems(25), {
      ...options,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        controller.abort();
        return response;
      },
    });
    const outcomes = await pending;
    expect(outcomes).toEqual([{ itemIds: manyItems(10).map((item) => item.id), result: { status: 'delivered' } }]);
    expect(receiver.requests).toHaveLength(1);
  });

  it('pauses when Discord says the bucket is empty', async () => {
    await using receiver = await startFakeReceiver([
      { status: 204, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': '0.05' } },
    ]);
    const options = testOptions();
    await sendNotifications(parseTarget(`discord+${receiver.url}/hook`), manyItems(25), options);
    expect(options.sleeps).toEqual([50, 50]);
  });

  it('sends nothing for no items', async () => {
    await using receiver = await startFakeReceiver([{ status: 204 }]);
    expect(await sendNotifications(parseTarget(`discord+${receiver.url}/hook`), [], testOptions())).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
  });
});
