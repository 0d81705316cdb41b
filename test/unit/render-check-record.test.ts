import { describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../src/app/check-report.js';
import { renderCheckRecord } from '../../src/app/render-check-record.js';
import { plainStyles } from '../../src/cli/terminal-output.js';

const watch = { id: 1, name: 'phones', url: 'https://hardverapro.hu/aprok/mobil/index.html' };

function failure(overrides: Partial<Extract<CheckRecord, { type: 'delivery_failed' }>>): CheckRecord {
  return {
    type: 'delivery_failed',
    target: 'discord https://discord.com/api/webhooks/123/****',
    watch,
    notifications: 100,
    dead: false,
    attempts: 1,
    error: 'HTTP 500 (3 attempts)',
    nextAttemptAt: null,
    ...overrides,
  };
}

describe('renderCheckRecord, delivery failures', () => {
  // Local times, so the expected clock reading holds in any time zone.
  const now = new Date(2026, 10, 30, 11, 40);

  it('says how many notifications wait for a target and when it is tried next, today', () => {
    const record = failure({ nextAttemptAt: new Date(2026, 10, 30, 12, 5, 30).toISOString() });
    expect(renderCheckRecord(record, plainStyles, now)).toEqual([
      'NOTIFICATION RETRY discord https://discord.com/api/webhooks/123/****: HTTP 500 (3 attempts), 100 notifications wait, next try after 12:05',
    ]);
  });

  it('adds the date when the next try is not today', () => {
    const record = failure({ notifications: 1, nextAttemptAt: new Date(2026, 11, 1, 9, 7).toISOString() });
    expect(renderCheckRecord(record, plainStyles, now)).toEqual([
      'NOTIFICATION RETRY discord https://discord.com/api/webhooks/123/****: HTTP 500 (3 attempts), 1 notification waits, next try after 2026-12-01 09:07',
    ]);
  });

  it('says how many notifications a target refused for good', () => {
    const record = failure({ dead: true, notifications: 3, error: 'HTTP 404: Unknown Webhook' });
    expect(renderCheckRecord(record, plainStyles, now)).toEqual([
      'NOTIFICATION DEAD discord https://discord.com/api/webhooks/123/****: HTTP 404: Unknown Webhook, 3 notifications dropped',
    ]);
  });
});
