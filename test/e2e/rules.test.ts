import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';
import { ListingPage } from '../helpers/listing-fixture.js';
import { ndjson } from '../helpers/ndjson.js';

const MOBIL = '/aprok/mobil/index.html';
const NBSP = '\u00a0';
const CONFIG = [
  'requestDelayMs: 0',
  'newestFirst: false',
  'maxRetries: 0',
  'goneAfterMisses: 1',
  'deliveryBackoffMs: 0',
  '',
].join('\n');
/** Iced ("jegelve") on the real page. */
const ICED = 7278445;

function configure(sandbox: CliSandbox): void {
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), CONFIG);
}

interface JsonBody {
  type: string;
  idempotencyKey: string;
  ad: { id: number };
  oldPrice?: number;
  newPrice?: number;
  lowestPrice?: number;
  firstSeenAt?: string;
  lastSeenAt?: string;
}

describe('notification rules, end to end', () => {
  it('holds back a drop under --min-drop and notifies one over it with the percent and the lowest price seen', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using hook = await startFakeReceiver();
    await using ntfy = await startFakeReceiver();
    configure(sandbox);
    const page = new ListingPage().keepFirst(10).withoutNextPage();
    const id = page.adIds()[4] as number;
    site.serve(MOBIL, page.setPrice(id, '100 000 Ft'));
    const added = await sandbox.run([
      'add',
      site.urlFor(MOBIL),
      '--allow-any-host',
      '--notify',
      `${hook.url}/hook`,
      '--notify',
      `ntfy://${new URL(ntfy.url).host}/phones`,
      '--min-drop',
      '10 %',
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect((await sandbox.run(['check'])).code).toBe(0);

    // 5 % down: under the minimum, recorded and explained but not notified.
    site.serve(MOBIL, page.setPrice(id, '95 000 Ft'));
    const small = await sandbox.run(['check', '--json']);
    expect(small.code, small.stderr).toBe(0);
    const smallRecords = ndjson(small.stdout);
    expect(smallRecords.filter((record) => record.type === 'price_changed')).toEqual([]);
    expect(smallRecords.find((record) => record.type === 'filtered')).toMatchObject({
      change: 'price_changed',
      ad: { id },
      rule: 'rules: drop of 5 000 Ft (5 %) under minDrop 10 %',
    });
    expect(hook.requests).toHaveLength(0);
    expect(ntfy.requests).toHaveLength(0);

    // A rise is held back by the default `drops`; then a fall of 16.7 % notifies.
    site.serve(MOBIL, page.setPrice(id, '120 000 Ft'));
    expect(ndjson((await sandbox.run(['check', '--json'])).stdout).at(-1)).toMatchObject({ priceChanges: 0 });
    site.serve(MOBIL, page.setPrice(id, '100 000 Ft'));
    const big = await sandbox.run(['check', '--json']);
    expect(big.code, big.stderr).toBe(0);
    expect(ndjson(big.stdout).find((record) => record.type === 'price_changed')).toMatchObject({
      ad: { id },
      oldPrice: 120000,
      newPrice: 100000,
      changeForints: -20000,
      changePercent: -16.7,
      lowestPrice: 95000,
    });
    expect(hook.jsonBodies()).toMatchObject([
      { type: 'price_changed', ad: { id }, oldPrice: 120000, newPrice: 100000, lowestPrice: 95000 },
    ]);
    const [published] = ntfy.jsonBodies() as Array<{ message: string }>;
    expect(published?.message).toContain(
      `120${NBSP}000${NBSP}Ft → 100${NBSP}000${NBSP}Ft (−20${NBSP}000${NBSP}Ft, −16.7${NBSP}%), lowest seen 95${NBSP}000${NBSP}Ft`,
    );
  });

  it('notifies an iced ad that is active again by default, and gone and reappeared ads only when switched on', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using hook = await startFakeReceiver();
    configure(sandbox);
    const full = new ListingPage().withoutNextPage();
    const [first, second] = full.adIds().filter((id) => id !== ICED);
    if (first === undefined || second === undefined) throw new Error('the page has too few ads');
    site.serve(MOBIL, full);
    const added = await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host', '--notify', `${hook.url}/hook`]);
    expect(added.code, added.stderr).toBe(0);
    expect((await sandbox.run(['check'])).code).toBe(0);

    const thawed = full.clone().setIced(ICED, false);
    site.serve(MOBIL, thawed.clone().remove(first));
    const reactivated = await sandbox.run(['check']);
    expect(reactivated.code, reactivated.stderr).toBe(0);
    expect(reactivated.stdout).toContain('ACTIVE AGAIN');
    expect(reactivated.stdout).not.toContain('GONE');
    expect((hook.jsonBodies() as JsonBody[]).map((body) => `${body.type} ${body.ad.id}`)).toEqual([
      `reactivated ${ICED}`,
    ]);

    const edited = await sandbox.run(['edit', '1', '--notify-gone', '--notify-reappeared']);
    expect(edited.code, edited.stderr).toBe(0);
    const shown = JSON.parse((await sandbox.run(['show', '1', '--json'])).stdout) as {
      rules: { own: unknown; sources: Record<string, string> };
    };
    expect(shown.rules.own).toEqual({ lifecycle: { gone: true, reappeared: true } });
    expect(shown.rules.sources).toMatchObject({ gone: 'watch', reactivated: 'default', priceChanges: 'default' });

    // The first ad comes back and the second leaves; then the first leaves again and comes back again.
    const pages = [thawed.clone().remove(second), thawed.clone().remove(first, second), thawed.clone().remove(second)];
    for (const page of pages) {
      site.serve(MOBIL, page);
      const checked = await sandbox.run(['check']);
      expect(checked.code, checked.stderr).toBe(0);
    }
    const bodies = (hook.jsonBodies() as JsonBody[]).slice(1);
    expect(bodies.map((body) => `${body.type} ${body.ad.id}`)).toEqual([
      `reappeared ${first}`,
      `gone ${second}`,
      `gone ${first}`,
      `reappeared ${first}`,
    ]);
    expect(bodies[1]?.firstSeenAt).toEqual(expect.any(String));
    expect(bodies[1]?.lastSeenAt).toEqual(expect.any(String));
    const keys = (hook.jsonBodies() as JsonBody[]).map((body) => body.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sandbox.query('SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY type')).toEqual([
      { type: 'gone', n: 2 },
      { type: 'reactivated', n: 1 },
      { type: 'reappeared', n: 2 },
    ]);
  });
});
