import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeReceiver } from '../helpers/fake-receiver.js';

describe('pyhabot notify-test', () => {
  it('sends a sample through each channel format and reports the answer', async () => {
    using sandbox = createCliSandbox();
    await using receiver = await startFakeReceiver([{ status: 204 }]);
    for (const format of ['discord', 'json', 'ntfy']) {
      const result = await sandbox.run(['notify-test', `${format}+${receiver.url}/hook/${format}`]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^ok /m);
    }
    const discord = JSON.parse(receiver.requests[0]?.body ?? '{}');
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    expect(discord.embeds.length).toBeGreaterThan(0);
  });

  it('signs generic JSON webhooks when a secret is configured', async () => {
    using sandbox = createCliSandbox();
    await using receiver = await startFakeReceiver([{ status: 200 }]);
    const target = `${receiver.url}/signed`;
    writeFileSync(
      join(sandbox.dir, '.pyhabotrc.json'),
      JSON.stringify({ webhookSecrets: { [target]: 's3cr3t-value' } }),
    );
    const result = await sandbox.run(['notify-test', target]);
    expect(result.code, result.stderr).toBe(0);
    for (const request of receiver.requests) {
      const expected = `sha256=${createHmac('sha256', 's3cr3t-value').update(request.body).digest('hex')}`;
      expect(request.headers['x-pyhabot-signature']).toBe(expected);
    }
  });

  it("uses a watch's targets, exits 1 on a rejection, and never prints the secret", async () => {
    using sandbox = createCliSandbox();
    await using receiver = await startFakeReceiver([{ status: 400, body: { message: 'Invalid Webhook Token' } }]);
    const target = `discord+${receiver.url}/api/webhooks/123/SuperSecretToken0123456789`;
    await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html', '--notify', target]);
    const result = await sandbox.run(['notify-test', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/failed .*Invalid Webhook Token/);
    expect(result.stdout + result.stderr).not.toContain('SuperSecretToken0123456789');
  });

  it('prints one line per sample, naming it, and promises no retry when nothing is queued', async () => {
    using sandbox = createCliSandbox();
    await using receiver = await startFakeReceiver([{ status: 500, body: 'down for maintenance' }]);
    const failing = await sandbox.run(['notify-test', `${receiver.url}/hook`]);
    expect(failing.code, failing.stderr).toBe(1);
    expect(failing.stdout.trim().split('\n')).toEqual([
      `failed  ${receiver.url}/hook  sample new ad: not delivered, worth trying again later: HTTP 500: down for maintenance (3 attempts)`,
      `failed  ${receiver.url}/hook  sample price drop: not delivered, worth trying again later: HTTP 500: down for maintenance (3 attempts)`,
    ]);
    expect(failing.stdout).not.toMatch(/retried/);

    // Discord carries both samples in one message: each sample still gets its own line.
    receiver.script([{ status: 204 }]);
    const target = `discord+${receiver.url}/api/webhooks/123/SuperSecretToken0123456789`;
    const ok = await sandbox.run(['notify-test', target, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([
      {
        target: expect.not.stringContaining('SuperSecretToken'),
        samples: [
          { sample: 'sample new ad', result: { status: 'delivered' } },
          { sample: 'sample price drop', result: { status: 'delivered' } },
        ],
      },
    ]);
  });

  it('refuses an invalid target with exit 2 and a hint', async () => {
    using sandbox = createCliSandbox();
    const result = await sandbox.run(['notify-test', 'tgram://only-a-token']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^pyhabot: Invalid notification target/);
    expect(result.stderr).toMatch(/hint: /);
  });
});
