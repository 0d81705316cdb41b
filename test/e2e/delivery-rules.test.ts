import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { type FakeHardverapro, startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { type FakeReceiver, startFakeReceiver } from '../helpers/fake-receiver.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const CONFIG = ['requestDelayMs: 0', 'newestFirst: false', 'maxRetries: 0', 'deliveryBackoffMs: 0', ''].join('\n');

interface DiscordBody {
  content: string;
  embeds: Array<{ title: string; footer?: { text: string } }>;
}

function configure(sandbox: CliSandbox, extra: string[] = []): void {
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), CONFIG + extra.map((line) => `${line}\n`).join(''));
}

function discordTarget(receiver: FakeReceiver): string {
  return `discord+${receiver.url}/api/webhooks/1/token`;
}

/** A watch named `name` on its own path of the fake site, showing `page`; returns after its baseline check. */
async function addWatch(
  sandbox: CliSandbox,
  site: FakeHardverapro,
  page: ListingPage,
  name: string,
  flags: string[],
): Promise<void> {
  const path = `/aprok/${name}/index.html`;
  site.serve(path, page);
  const added = await sandbox.run(['add', site.urlFor(path), '--allow-any-host', '--name', name, ...flags]);
  expect(added.code, added.stderr).toBe(0);
}

/** Time passes: every held notification's release time is now behind us. */
function releaseHeld(sandbox: CliSandbox): void {
  const db = new Database(sandbox.defaultDbPath);
  try {
    const past = new Date(Date.now() - 60_000).toISOString();
    db.prepare('UPDATE outbox SET held_until = ?, next_attempt_at = ? WHERE held_until IS NOT NULL').run(past, past);
  } finally {
    db.close();
  }
}

describe('one message per ad across watches', () => {
  it('sends an ad two watches found to their shared target once, naming both watches', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    configure(sandbox);
    const page = new ListingPage().keepFirst(5).withoutNextPage();
    await addWatch(sandbox, site, page, 'gpu', ['--notify', discordTarget(receiver)]);
    await addWatch(sandbox, site, page, 'gpu-budapest', ['--notify', discordTarget(receiver)]);
    expect((await sandbox.run(['check'])).code).toBe(0);

    page.addAd(page.adIds()[1] as number, 9_300_001, 'RTX 3080');
    const run = await sandbox.run(['check']);
    expect(run.code, run.stderr).toBe(0);
    const bodies = receiver.jsonBodies() as DiscordBody[];
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.content).toBe('1 new ad for gpu, gpu-budapest');
    expect(bodies[0]?.embeds.map((embed) => [embed.title, embed.footer?.text])).toEqual([
      ['RTX 3080', 'gpu, gpu-budapest'],
    ]);
    // One row per watch and target, both delivered by that one message under the older row's key.
    const rows = sandbox.query<{ status: string; key: string }>(
      'SELECT o.status, e.idempotency_key AS key FROM outbox o JOIN events e ON e.id = o.event_id ORDER BY o.id',
    );
    expect(rows.map((row) => row.status)).toEqual(['delivered', 'delivered']);
    expect(receiver.requests[0]?.headers['idempotency-key']).toBe(rows[0]?.key);
  });
});

describe('batching', () => {
  it('sends 15 new ads to Discord as two messages of 10 and 5', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    configure(sandbox);
    const page = new ListingPage().keepFirst(5).withoutNextPage();
    await addWatch(sandbox, site, page, 'phones', ['--notify', discordTarget(receiver)]);
    expect((await sandbox.run(['check'])).code).toBe(0);

    for (let index = 0; index < 15; index += 1) page.addAd(page.adIds()[0] as number, 9_300_100 + index, `Ad ${index}`);
    const run = await sandbox.run(['check']);
    expect(run.code, run.stderr).toBe(0);
    const bodies = receiver.jsonBodies() as DiscordBody[];
    expect(bodies.map((body) => body.embeds.length)).toEqual([10, 5]);
    expect(bodies.map((body) => body.content)).toEqual(['10 new ads for phones (1/2)', '5 new ads for phones (2/2)']);
    expect(sandbox.query("SELECT COUNT(*) AS n FROM outbox WHERE status = 'delivered'")).toEqual([{ n: 15 }]);
  });
});

describe('quiet hours', () => {
  it('holds notifications, shows them in status and a dry run, then sends one digest per target', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    // A quiet range around the current hour, in UTC, so this run is inside it whatever the time of day.
    const hour = new Date().getUTCHours();
    const range = `${String(hour).padStart(2, '0')}:00-${String((hour + 2) % 24).padStart(2, '0')}:00`;
    configure(sandbox, [`quietHours: "${range}"`, 'timeZone: UTC']);
    const phones = new ListingPage().keepFirst(5).withoutNextPage();
    const laptops = new ListingPage().keepFirst(5).withoutNextPage();
    await addWatch(sandbox, site, phones, 'phones', ['--notify', discordTarget(receiver)]);
    await addWatch(sandbox, site, laptops, 'laptops', ['--notify', discordTarget(receiver)]);
    expect((await sandbox.run(['check'])).code).toBe(0);

    phones.addAd(phones.adIds()[0] as number, 9_300_201, 'iPhone');
    laptops.addAd(laptops.adIds()[0] as number, 9_300_202, 'ThinkPad');
    const quiet = await sandbox.run(['check']);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(0);
    expect(quiet.stdout).toMatch(
      /HELD discord\+http:\/\/127\.0\.0\.1:\d+\/api\/webhooks\/1\/\*+: 2 notifications wait for the digest, sent after /,
    );
    const rows = sandbox.query<{ status: string; held_until: string }>('SELECT status, held_until FROM outbox');
    expect(rows.map((row) => row.status)).toEqual(['pending', 'pending']);
    const end = new Date();
    end.setUTCHours((hour + 2) % 24, 0, 0, 0);
    if (end.getTime() <= Date.now()) end.setUTCDate(end.getUTCDate() + 1);
    expect(rows.map((row) => row.held_until)).toEqual([end.toISOString(), end.toISOString()]);

    const status = await sandbox.run(['status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({
      held: [
        { target: expect.stringMatching(/\/api\/webhooks\/1\/\*+$/), notifications: 2, releasedAt: end.toISOString() },
      ],
    });
    expect(status.stdout).not.toContain('/token');
    expect((await sandbox.run(['status'])).stdout).toMatch(
      /^held: {10}2 for discord\+http:.*\*+, sent at the first check after /m,
    );
    const dryRun = await sandbox.run(['check', '--dry-run', '--json']);
    expect(dryRun.stdout).toContain('"type":"held"');

    releaseHeld(sandbox);
    const after = await sandbox.run(['check']);
    expect(after.code, after.stderr).toBe(0);
    const bodies = receiver.jsonBodies() as DiscordBody[];
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.content).toBe('Digest: 2 new ads for phones, laptops');
    expect(bodies[0]?.embeds.map((embed) => embed.title).sort()).toEqual(['ThinkPad', 'iPhone']);
    expect(sandbox.query("SELECT COUNT(*) AS n FROM outbox WHERE status = 'delivered'")).toEqual([{ n: 2 }]);
    expect(JSON.parse((await sandbox.run(['status', '--json'])).stdout)).toMatchObject({ held: [] });
    // Another check sends nothing more.
    await sandbox.run(['check']);
    expect(receiver.requests).toHaveLength(1);
  });

  it('holds a digest watch until the next full hour, and sends at once again after --digest off', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    configure(sandbox, ['timeZone: UTC']);
    const page = new ListingPage().keepFirst(5).withoutNextPage();
    await addWatch(sandbox, site, page, 'phones', ['--notify', discordTarget(receiver), '--digest', 'hourly']);
    expect((await sandbox.run(['check'])).code).toBe(0);

    page.addAd(page.adIds()[0] as number, 9_300_301, 'iPhone');
    const before = Date.now();
    expect((await sandbox.run(['check'])).code).toBe(0);
    expect(receiver.requests).toHaveLength(0);
    const [row] = sandbox.query<{ held_until: string }>('SELECT held_until FROM outbox');
    const nextHour = Math.floor(before / 3_600_000) * 3_600_000 + 3_600_000;
    expect([nextHour, nextHour + 3_600_000]).toContain(Date.parse(row?.held_until ?? ''));

    expect(JSON.parse((await sandbox.run(['show', '1', '--json'])).stdout)).toMatchObject({ digest: 'hourly' });
    expect((await sandbox.run(['edit', '1', '--digest', 'off'])).code).toBe(0);
    expect((await sandbox.run(['show', '1'])).stdout).toMatch(/^digest\s+off \(sent at once\)$/m);
    page.addAd(page.adIds()[0] as number, 9_300_302, 'Pixel');
    expect((await sandbox.run(['check'])).code).toBe(0);
    const bodies = receiver.jsonBodies() as DiscordBody[];
    expect(bodies.map((body) => body.embeds.map((embed) => embed.title))).toEqual([['Pixel']]);
  });

  it('refuses quiet hours with equal ends, in one line with the key', async () => {
    using sandbox = createCliSandbox();
    configure(sandbox, ['quietHours: "07:00-07:00"']);
    const run = await sandbox.run(['status']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('quietHours: start and end are the same time');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
