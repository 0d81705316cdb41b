import { describe, expect, it } from 'vitest';
import type { AlertEvent, AlertItem } from '../../src/domain/alert-events.js';
import { parseTarget } from '../../src/domain/targets/parse-target.js';
import type { WebTarget } from '../../src/domain/targets/target.js';
import { describeAlert } from '../../src/notify/alert-text.js';
import { renderForTarget } from '../../src/notify/render.js';
import { newAdItem, RENDER_NOW, renderOptions } from '../helpers/notification-items.js';

const watch = { id: 4, name: 'gpu', url: 'https://hardverapro.hu/aprok/hardver/videokartya/index.html' };
const failing: AlertEvent = {
  type: 'watch_failing',
  watch,
  error: { kind: 'http_status', message: 'HTTP 403 Forbidden', hint: 'the site blocked the request: wait' },
  failures: 3,
  failingSince: '2026-11-30T09:00:00.000Z',
};
const recovered: AlertEvent = {
  type: 'watch_recovered',
  watch,
  failures: 5,
  failingSince: '2026-11-30T09:00:00.000Z',
  recoveredAt: '2026-11-30T12:00:00.000Z',
};
const dead: AlertEvent = {
  type: 'target_dead',
  watch,
  target: 'https://discord.com/api/webhooks/1234…/****',
  error: 'HTTP 404 Unknown Webhook',
};

function alertItem(id: number, event: AlertEvent): AlertItem {
  return { id, idempotencyKey: `alert-${id}`, event, createdAt: RENDER_NOW.toISOString() };
}

const targets = {
  discord: 'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz0123456789',
  slack: 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX',
  telegram: 'tgram://123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/987654',
  ntfy: 'ntfy://ntfy.sh/pyhabot-alerts',
  json: 'https://receiver.example/hook',
};

describe('describeAlert', () => {
  it('names the watch, the error and what to do', () => {
    expect(describeAlert(failing, 'en')).toEqual({
      tone: 'problem',
      title: 'gpu is failing: 3 checks in a row',
      lines: ['Error: http_status: HTTP 403 Forbidden', 'What to do: the site blocked the request: wait'],
      link: watch.url,
    });
  });

  it('says how many checks failed and for how long', () => {
    expect(describeAlert(recovered, 'en').title).toBe('gpu is being checked again');
    expect(describeAlert(recovered, 'en').lines).toEqual(['It failed 5 checks over 3 h.']);
    expect(describeAlert(recovered, 'hu').lines).toEqual(['5 ellenőrzés volt sikertelen 3 óra alatt.']);
  });

  it('names a dead target only as masked', () => {
    const text = describeAlert(dead, 'en');
    expect(text.title).toBe(`Notifications to ${dead.type === 'target_dead' ? dead.target : ''} are failing`);
    expect(text.lines[0]).toBe('A notification for gpu was given up: HTTP 404 Unknown Webhook');
  });
});

describe('renderForTarget with alerts', () => {
  it.each(Object.entries(targets))('%s: an alert is a message of its own, before the ads', (_channel, raw) => {
    const messages = renderForTarget(
      parseTarget(raw) as WebTarget,
      [newAdItem(1), alertItem(2, failing), newAdItem(3)],
      renderOptions,
    );
    const alertMessage = messages[0];
    expect(alertMessage?.itemIds).toEqual([2]);
    expect(alertMessage?.headers?.['Idempotency-Key']).toBe('alert-2');
    expect(JSON.stringify(alertMessage?.body)).toContain('gpu is failing: 3 checks in a row');
    expect(JSON.stringify(alertMessage?.body)).toContain('HTTP 403 Forbidden');
    expect(messages.slice(1).flatMap((message) => message.itemIds)).toEqual([1, 3]);
  });

  it('gives Discord a plain content line that can ping no one', () => {
    const shouting = alertItem(1, { ...failing, watch: { ...watch, name: '@everyone gpu' } });
    const [message] = renderForTarget(parseTarget(targets.discord) as WebTarget, [shouting], renderOptions);
    expect(message?.body).toMatchObject({ embeds: [], allowed_mentions: { parse: [] } });
    expect((message?.body as { content: string } | undefined)?.content).toContain('@\u200beveryone gpu is failing');
  });

  it('escapes Telegram HTML and tags ntfy problems and all-clears apart', () => {
    const html = alertItem(1, { ...failing, error: { kind: 'network', message: '<b>&' } });
    const [telegram] = renderForTarget(parseTarget(targets.telegram) as WebTarget, [html], renderOptions);
    expect((telegram?.body as { text: string } | undefined)?.text).toContain('&lt;b&gt;&amp;');
    const [problem, allClear] = renderForTarget(
      parseTarget(targets.ntfy) as WebTarget,
      [alertItem(1, failing), alertItem(2, recovered)],
      renderOptions,
    );
    expect(problem?.body).toMatchObject({ tags: ['warning'], click: watch.url });
    expect(allClear?.body).toMatchObject({ tags: ['white_check_mark'] });
  });

  it('sends the JSON receiver the event fields, its key and the words, without an ad', () => {
    const [message] = renderForTarget(parseTarget(targets.json) as WebTarget, [alertItem(7, dead)], renderOptions);
    expect(message?.body).toEqual({
      ...dead,
      idempotencyKey: 'alert-7',
      title: describeAlert(dead, 'en').title,
      text: describeAlert(dead, 'en').lines.join('\n'),
      sentAt: RENDER_NOW.toISOString(),
    });
  });
});
