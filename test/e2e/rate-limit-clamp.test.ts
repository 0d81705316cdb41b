import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const MOBIL = '/aprok/mobil/index.html';

describe('a receiver asking for an absurd wait', () => {
  it('keeps the notification pending, retried after the configured maximum, with a message that says so', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver([
      { status: 429, body: '{"message":"You are being rate limited.","retry_after":1e300,"global":false}' },
    ]);
    writeFileSync(
      join(sandbox.dir, '.pyhabotrc'),
      ['requestDelayMs: 0', 'maxRetries: 0', 'deliveryBackoffMs: 0', 'retryAfterMaxMs: 120000', ''].join('\n'),
    );
    const page = new ListingPage().keepFirst(3).withoutNextPage();
    site.serve(MOBIL, page);
    const target = `discord+${receiver.url}/api/webhooks/1/token`;
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify', target]);
    await sandbox.run(['check']);
    page.addAd(page.adIds()[0] as number, 9_000_005, 'Új hirdetés');
    const started = Date.now();
    const result = await sandbox.run(['check', '--json']);
    expect(result.stderr).not.toMatch(/Invalid time value|\n\s+at /);
    expect(result.code).toBe(0);
    const failed = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; error?: string; dead?: boolean })
      .find((record) => record.type === 'delivery_failed');
    expect(failed).toMatchObject({
      dead: false,
      error: expect.stringContaining('longer than the 120 s allowed; retrying after 120 s'),
    });
    const [row] = sandbox.query<{ status: string; next_attempt_at: string }>(
      'SELECT status, next_attempt_at FROM outbox',
    );
    expect(row?.status).toBe('pending');
    const next = Date.parse(row?.next_attempt_at ?? '');
    expect(next - started).toBeGreaterThanOrEqual(119_000);
    expect(next - Date.now()).toBeLessThanOrEqual(120_000);
  });
});
