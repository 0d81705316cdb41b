import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { closedPortUrl, startFakeReceiver } from '../helpers/fake-receiver.js';
import { ListingPage } from '../helpers/listing-fixture.js';
import { ndjson } from '../helpers/ndjson.js';

const MOBIL = '/aprok/mobil/index.html';

function configure(sandbox: CliSandbox, extra: string[] = []): void {
  writeFileSync(
    join(sandbox.dir, '.pyhabotrc'),
    ['requestDelayMs: 0', 'newestFirst: false', 'maxRetries: 0', 'deliveryBackoffMs: 0', ...extra, ''].join('\n'),
  );
}

function typesSent(receiver: { jsonBodies(): unknown[] }): string[] {
  return receiver.jsonBodies().map((body) => (body as { type: string }).type);
}

const blocked = (_req: unknown, res: import('node:http').ServerResponse): void => {
  res.writeHead(403, { 'content-type': 'text/html' });
  res.end('<html><body>Access denied</body></html>');
};

describe('failure and recovery alerts', () => {
  it('a site that goes down and comes back: one alert, then one recovery, across separate runs', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver();
    configure(sandbox, ['failureThreshold: 2']);
    const page = new ListingPage().keepFirst(3).withoutNextPage();
    site.serve(MOBIL, page);
    const added = await sandbox.run([
      'add',
      site.urlFor(MOBIL),
      '--allow-any-host',
      '--notify',
      `${receiver.url}/hook`,
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect((await sandbox.run(['check'])).code).toBe(0);

    site.serve(MOBIL, blocked);
    const first = await sandbox.run(['check']);
    expect(first.code).toBe(3);
    expect(first.stdout).not.toContain('ALERT');
    expect(receiver.requests).toHaveLength(0);

    const second = await sandbox.run(['check']);
    expect(second.code).toBe(3);
    expect(second.stdout).toContain('ALERT [mobil] mobil is failing: 2 checks in a row (sent to 1 target)');
    expect(typesSent(receiver)).toEqual(['watch_failing']);
    expect(receiver.jsonBodies()[0]).toMatchObject({
      type: 'watch_failing',
      watch: { name: 'mobil' },
      failures: 2,
      error: { kind: 'http_status', hint: expect.stringContaining('the site blocked the request') },
      title: 'mobil is failing: 2 checks in a row',
    });

    const third = await sandbox.run(['check', '--json']);
    expect(third.code).toBe(3);
    expect(ndjson(third.stdout).some((record) => record.type === 'alert')).toBe(false);
    expect(typesSent(receiver)).toEqual(['watch_failing']);

    site.serve(MOBIL, page);
    const back = await sandbox.run(['check', '--json']);
    expect(back.code, back.stderr).toBe(0);
    expect(ndjson(back.stdout).filter((record) => record.type === 'alert')).toEqual([
      {
        type: 'alert',
        event: expect.objectContaining({ type: 'watch_recovered', failures: 3 }),
        targets: [`${receiver.url}/hook`],
      },
    ]);
    expect(typesSent(receiver)).toEqual(['watch_failing', 'watch_recovered']);
    expect(receiver.jsonBodies()[1]).toMatchObject({ title: 'mobil is being checked again' });

    expect((await sandbox.run(['check'])).code).toBe(0);
    expect(typesSent(receiver)).toEqual(['watch_failing', 'watch_recovered']);
  });

  it('a target that goes dead: the other target is told once, and again when it delivers', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using down = await startFakeReceiver([{ status: 500, body: 'broken' }]);
    await using up = await startFakeReceiver();
    configure(sandbox, ['deliveryMaxAttempts: 1']);
    const page = new ListingPage().keepFirst(2).withoutNextPage();
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

    const first = await sandbox.run(['check']);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/ALERT \[mobil\] Notifications to http:\/\/127\.0\.0\.1:\d+\/hook are failing/);
    expect(typesSent(up)).toEqual(['new_ad', 'new_ad', 'target_dead']);
    expect(typesSent(down).every((type) => type === 'new_ad')).toBe(true);

    const second = await sandbox.run(['check']);
    expect(second.code).toBe(1);
    expect(second.stdout).not.toContain('ALERT');
    expect(typesSent(up)).toEqual(['new_ad', 'new_ad', 'target_dead']);

    down.script([{ status: 200, body: 'ok' }]);
    page.addAd(page.adIds()[0] as number, 990_000_001, 'Egy új telefon');
    const third = await sandbox.run(['check']);
    expect(third.code, third.stdout).toBe(0);
    expect(third.stdout).toContain('RECOVERED [mobil] Notifications to');
    expect(typesSent(up)).toEqual(['new_ad', 'new_ad', 'target_dead', 'new_ad', 'target_recovered']);
    // The dead target never hears about its own death or recovery.
    expect(typesSent(down).every((type) => type === 'new_ad')).toBe(true);
  });
});

describe('heartbeat URL', () => {
  it('pings the URL after a successful check and <url>/fail after a failed one, with an honest User-Agent', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using monitor = await startFakeReceiver([{ status: 200, body: 'OK' }]);
    const secretPath = '/ping/5a1e2b9c-0d4f-4e6a-9b1c-7f0e3d2a8c41';
    configure(sandbox, [`heartbeatUrl: ${monitor.url}${secretPath}`, 'logLevel: info']);
    site.serve(MOBIL, new ListingPage().keepFirst(2).withoutNextPage());
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);

    const ok = await sandbox.run(['check']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(monitor.requests.map((request) => [request.method, request.path])).toEqual([['GET', secretPath]]);
    expect(monitor.requests[0]?.headers['user-agent']).toMatch(
      /^pyhabot\/\S+ \(\+https:\/\/github\.com\/pyhabot\/pyhabot\)$/,
    );
    expect(ok.stderr).toContain('"msg":"heartbeat sent"');
    expect(ok.stderr).not.toContain('5a1e2b9c');

    site.serve(MOBIL, blocked);
    const failed = await sandbox.run(['check']);
    expect(failed.code).toBe(3);
    expect(monitor.requests.at(-1)?.path).toBe(`${secretPath}/fail`);

    const shown = await sandbox.run(['config'], {
      env: {
        PYHABOT_ALERT_TARGETS: 'https://discord.com/api/webhooks/123456789012345678/alert-token-abcdefghijklmnop',
      },
    });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/heartbeatUrl\s+\*{4}/);
    expect(shown.stdout).toMatch(/alertTargets\s+https:\/\/discord\.com\/api\/webhooks\/1234/);
    expect(shown.stdout).not.toContain('5a1e2b9c');
    expect(shown.stdout).not.toContain('alert-token');

    const dry = await sandbox.run(['check', '--dry-run']);
    expect(dry.code).toBe(3);
    expect(monitor.requests).toHaveLength(2);
  });

  it('a hanging or unreachable monitor never changes the exit code, and PYHABOT_HEARTBEAT_URL sets the URL', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using hanging = await startFakeReceiver([{ hang: true }]);
    configure(sandbox, ['deliveryTimeoutMs: 1000', 'logLevel: warn']);
    site.serve(MOBIL, new ListingPage().keepFirst(2).withoutNextPage());
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);

    // The sandbox kills a run after 20 s: an exit code at all shows the time limit cut the hanging request short.
    const stalled = await sandbox.run(['check'], { env: { PYHABOT_HEARTBEAT_URL: `${hanging.url}/ping/secret-key` } });
    expect(stalled.code, stalled.stderr).toBe(0);
    expect(hanging.requests.map((request) => request.path)).toEqual(['/ping/secret-key']);
    expect(stalled.stderr).toContain('"msg":"heartbeat not sent"');
    expect(stalled.stderr).toContain('no answer within 1000 ms');
    expect(stalled.stderr).not.toContain('secret-key');

    const closed = await closedPortUrl();
    const unreachable = await sandbox.run(['check'], { env: { PYHABOT_HEARTBEAT_URL: `${closed}/ping/secret-key` } });
    expect(unreachable.code, unreachable.stderr).toBe(0);
    expect(unreachable.stderr).toContain('"msg":"heartbeat not sent"');
  });
});
