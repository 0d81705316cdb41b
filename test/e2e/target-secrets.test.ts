import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const URL_MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const TOPIC = 'secret-topic-7';
const SLACK_SECRET = 'plainsecret';
const TARGETS = [`ntfy+https://push.example.org/${TOPIC}`, `slack+https://chat.example.org/hooks/${SLACK_SECRET}`];

describe('targets spelled as <format>+<URL> keep their secrets out of every output', () => {
  it('masks the ntfy topic and the slack secret in add, list, show, export and config', async () => {
    using sandbox = createCliSandbox();
    const notifyFlags = TARGETS.flatMap((target) => ['--notify', target]);
    const env = { PYHABOT_NOTIFY: TARGETS.join(',') };
    const runs = [
      await sandbox.run(['add', URL_MOBIL, ...notifyFlags, '--json']),
      await sandbox.run(['list']),
      await sandbox.run(['list', '--json']),
      await sandbox.run(['show', '1']),
      await sandbox.run(['show', '1', '--json']),
      await sandbox.run(['export']),
      await sandbox.run(['config'], { env }),
      await sandbox.run(['config', '--json'], { env }),
    ];
    for (const run of runs) {
      expect(run.code).toBe(0);
      for (const secret of [TOPIC, SLACK_SECRET]) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
    }
    expect(runs[3]?.stdout).toContain('ntfy+https://push.example.org/****');
    expect(runs[3]?.stdout).toContain('slack+https://chat.example.org/hooks/****');
  });
});

describe('the webhook secret', () => {
  it('signs the JSON webhook and none of the other channels', async () => {
    using sandbox = createCliSandbox();
    await using receiver = await startFakeReceiver([{ status: 200, body: 'ok' }]);
    writeFileSync(join(sandbox.dir, '.pyhabotrc.json'), JSON.stringify({ webhookSecret: 'global-s3cret' }));
    for (const format of ['discord', 'slack', 'ntfy', 'json']) {
      const result = await sandbox.run(['notify-test', `${format}+${receiver.url}/hook/${format}`]);
      expect(result.code, result.stderr).toBe(0);
    }
    const signed = receiver.requests
      .filter((request) => request.headers['x-pyhabot-signature'] !== undefined)
      .map((request) => request.path);
    expect(new Set(receiver.requests.map((request) => request.path)).size).toBe(4);
    expect(new Set(signed)).toEqual(new Set(['/hook/json']));
  });
});

describe('the logs of a check', () => {
  it('show an ntfy+ target without its topic, whether delivery succeeds or fails', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await using receiver = await startFakeReceiver([{ status: 500, body: `no such topic ${TOPIC}` }]);
    writeFileSync(
      join(sandbox.dir, '.pyhabotrc'),
      ['requestDelayMs: 0', 'maxRetries: 0', 'deliveryBackoffMs: 0', 'logLevel: debug', ''].join('\n'),
    );
    const page = new ListingPage().keepFirst(3).withoutNextPage();
    site.serve('/aprok/mobil/index.html', page);
    const target = `ntfy+${receiver.url}/${TOPIC}`;
    await sandbox.run(['add', site.urlFor('/aprok/mobil/index.html'), '--allow-any-host', '--notify', target]);
    await sandbox.run(['check']);
    page.addAd(page.adIds()[0] as number, 9_000_006, 'Új hirdetés');
    const failing = await sandbox.run(['check', '--json']);
    receiver.script([{ status: 200, body: '{}' }]);
    const delivered = await sandbox.run(['check', '--json']);
    expect(receiver.requests.length).toBeGreaterThan(1);
    expect(delivered.stderr).toContain('delivered batch');
    for (const run of [failing, delivered]) {
      expect(run.stdout).not.toContain(TOPIC);
      expect(run.stderr).not.toContain(TOPIC);
    }
    expect(failing.stdout).toContain('no such topic ****');
  });
});
