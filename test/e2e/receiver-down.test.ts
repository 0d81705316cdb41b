import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';
import { ListingPage } from '../helpers/listing-fixture.js';
import { ndjson } from '../helpers/ndjson.js';

const MOBIL = '/aprok/mobil/index.html';

function configure(sandbox: CliSandbox, deliveryBackoffMs: number): void {
  writeFileSync(
    join(sandbox.dir, '.pyhabotrc'),
    [
      'requestDelayMs: 0',
      'newestFirst: false',
      'maxRetries: 0',
      `deliveryBackoffMs: ${deliveryBackoffMs}`,
      'deliveryMaxAttempts: 8',
      'logLevel: info',
      '',
    ].join('\n'),
  );
}

describe('a notification target that is down', () => {
  it('costs one message of retries per run, prints one line, and leaves a working target unaffected', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using down = await startFakeReceiver([{ status: 500, body: 'upstream broken' }]);
    await using up = await startFakeReceiver([{ status: 200, body: 'ok' }]);
    configure(sandbox, 600_000);
    const page = new ListingPage().withoutNextPage();
    site.serve(MOBIL, page);
    const downTarget = `${down.url}/hook`;
    const added = await sandbox.run([
      'add',
      site.urlFor(MOBIL),
      '--allow-any-host',
      '--notify-existing',
      '--notify',
      downTarget,
      '--notify',
      `${up.url}/hook`,
    ]);
    expect(added.code, added.stderr).toBe(0);

    const first = await sandbox.run(['check', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const records = ndjson(first.stdout);
    const newAds = records.filter((r) => r.type === 'new_ad').length;
    expect(newAds).toBe(100);
    const failures = records.filter((r) => r.type === 'delivery_failed');
    expect(failures).toEqual([
      expect.objectContaining({
        dead: false,
        notifications: newAds,
        error: expect.stringMatching(/HTTP 500/),
        nextAttemptAt: expect.any(String),
      }),
    ]);
    expect(records.at(-1)).toMatchObject({ type: 'summary', delivered: newAds, deliveryRetries: newAds });
    // One message, tried three times within the run; the other 99 were never sent to the dead receiver.
    expect(down.requests).toHaveLength(3);
    expect(up.requests).toHaveLength(newAds);
    // The log says what happened to the batch, not that it was delivered.
    expect(first.stderr).not.toMatch(/"msg":"delivered batch".*500/);
    expect(first.stderr).toMatch(/"msg":"batch not delivered in full"/);

    const waiting = sandbox.query<{ attempts: number; n: number }>(
      `SELECT attempts, COUNT(*) AS n FROM outbox WHERE target = ? AND status = 'pending' GROUP BY attempts ORDER BY attempts`,
      downTarget,
    );
    expect(waiting).toEqual([
      { attempts: 0, n: newAds - 1 },
      { attempts: 1, n: 1 },
    ]);
    const nextTimes = sandbox.query<{ next: string }>(
      `SELECT DISTINCT next_attempt_at AS next FROM outbox WHERE target = ? AND status = 'pending'`,
      downTarget,
    );
    expect(nextTimes).toHaveLength(1);

    // A new ad in the next run: the receiver is tried once more for it, and one line covers all that wait.
    page.addAd(page.adIds()[5] as number, 9_000_001, 'Új hirdetés');
    const second = await sandbox.run(['check', '--quiet']);
    expect(second.code, second.stderr).toBe(0);
    const lines = second.stdout.split('\n').filter((line) => line.includes('NOTIFICATION'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^NOTIFICATION RETRY ${down.url}/hook: HTTP 500: upstream broken \\(3 attempts\\), ${newAds + 1} notifications wait, next try after \\d\\d:\\d\\d$`,
      ),
    );
    expect(down.requests).toHaveLength(6);
    expect(up.requests).toHaveLength(newAds + 1);
  });
});

describe('a notification target that never answers', () => {
  it('is waited for once per run, not once per notification', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using silent = await startFakeReceiver([{ hang: true }]);
    configure(sandbox, 600_000);
    writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'deliveryTimeoutMs: 1000\n', { flag: 'a' });
    site.serve(MOBIL, new ListingPage().keepFirst(40).withoutNextPage());
    const target = `${silent.url}/hook`;
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify-existing', '--notify', target]);

    const result = await sandbox.run(['check', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(ndjson(result.stdout).filter((r) => r.type === 'delivery_failed')).toEqual([
      expect.objectContaining({
        dead: false,
        notifications: 40,
        error: expect.stringMatching(/no answer within 1000 ms/),
      }),
    ]);
    expect(silent.requests).toHaveLength(3);
  });
});

describe('the delivery backoff, end to end', () => {
  it('does not retry a failed notification before its time, and retries it after', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver([{ status: 503, body: 'maintenance' }]);
    const backoffMs = 6_000;
    configure(sandbox, backoffMs);
    const page = new ListingPage().keepFirst(3).withoutNextPage();
    site.serve(MOBIL, page);
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify', `${receiver.url}/hook`]);
    await sandbox.run(['check']);
    page.addAd(page.adIds()[0] as number, 9_000_002, 'Új');

    const failing = await sandbox.run(['check', '--json']);
    expect(failing.code, failing.stderr).toBe(0);
    const failedAt = Date.now();
    expect(receiver.requests).toHaveLength(3);
    const [row] = sandbox.query<{ next: string; attempts: number }>(
      'SELECT next_attempt_at AS next, attempts FROM outbox',
    );
    expect(row?.attempts).toBe(1);
    const nextAttempt = new Date(row?.next ?? '').getTime();
    // The first failure waits the base backoff: no sooner, and not much later than the run's end.
    expect(nextAttempt - failedAt).toBeLessThanOrEqual(backoffMs);
    expect(nextAttempt - failedAt).toBeGreaterThan(backoffMs - 5_000);

    receiver.script([{ status: 200, body: 'ok' }]);
    const early = await sandbox.run(['check', '--json']);
    expect(Date.now()).toBeLessThan(nextAttempt);
    expect(receiver.requests).toHaveLength(3);
    expect(ndjson(early.stdout).at(-1)).toMatchObject({ type: 'summary', delivered: 0 });

    await sleep(Math.max(0, nextAttempt - Date.now() + 50));
    const due = await sandbox.run(['check', '--json']);
    expect(ndjson(due.stdout).at(-1)).toMatchObject({ type: 'summary', delivered: 1 });
    expect(receiver.requests).toHaveLength(4);
    expect(sandbox.query('SELECT status, attempts FROM outbox')).toEqual([{ status: 'delivered', attempts: 2 }]);
  });
});
