import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const URL_MOBIL = 'https://hardverapro.hu/aprok/mobil/index.html';
const DISCORD = 'https://discord.com/api/webhooks/123456789012/secret-token-abcdef';
const NTFY = 'ntfy://pyhabot-test-topic';
const TELEGRAM = 'tgram://123456:bot-token-abcdef/987654';

describe('messages a user can act on', () => {
  it('removes a target by its masked form as show prints it, or by its number, and lists the targets left', async () => {
    using sandbox = createCliSandbox();
    const add = await sandbox.run(['add', URL_MOBIL, '--notify', DISCORD, '--notify', NTFY, '--notify', TELEGRAM]);
    expect(add.code).toBe(0);
    const shown = (await sandbox.run(['show', '1'])).stdout;
    const maskedDiscord = /1\. (\S+)/.exec(shown)?.[1] ?? '';
    expect(maskedDiscord).toContain('****');
    expect(shown).not.toContain('secret-token');

    const byMask = await sandbox.run(['edit', '1', '--remove-notify', maskedDiscord]);
    expect(byMask.code, byMask.stderr).toBe(0);
    expect(byMask.stdout).toMatch(/Notification targets:\n {2}1\. ntfy:\/\/\S+\n {2}2\. tgram:\/\/\*\*\*\*\/987654\n$/);

    const byNumber = await sandbox.run(['edit', '1', '--remove-notify', '2']);
    expect(byNumber.code, byNumber.stderr).toBe(0);
    expect(byNumber.stdout).toMatch(/Notification target:\n {2}1\. ntfy:/);
    const left = JSON.parse((await sandbox.run(['show', '1', '--json'])).stdout);
    expect(left.notify).toHaveLength(1);

    const missing = await sandbox.run(['edit', '1', '--remove-notify', 'discord://1234…/****']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('watch 1 has no notification target "discord://1234…/****"');
    expect(missing.stderr).not.toContain('%E2%80%A6');
    const tooFar = await sandbox.run(['edit', '1', '--remove-notify', '5']);
    expect(tooFar.code).toBe(2);
    expect(tooFar.stderr).toContain('watch 1 has 1 notification target; there is no number 5');
  });

  it('undoes --notify-existing and a per-watch --max-pages', async () => {
    using sandbox = createCliSandbox();
    expect((await sandbox.run(['add', URL_MOBIL, '--notify-existing', '--max-pages', '4'])).code).toBe(0);
    const undone = await sandbox.run(['edit', '1', '--no-notify-existing', '--max-pages', 'default', '--json']);
    expect(undone.code, undone.stderr).toBe(0);
    expect(JSON.parse(undone.stdout)).toMatchObject({ notifyExisting: false, maxPages: null });
    const redone = await sandbox.run(['edit', '1', '--notify-existing', '--max-pages', '2', '--json']);
    expect(JSON.parse(redone.stdout)).toMatchObject({ notifyExisting: true, maxPages: 2 });
    expect((await sandbox.run(['edit', '1', '--max-pages', 'lots'])).code).toBe(2);
  });

  it('derives a name that fits from a long search text', async () => {
    using sandbox = createCliSandbox();
    const search = `https://hardverapro.hu/aprok/keres.php?stext=${'rtx+3080+'.repeat(40)}`;
    const added = await sandbox.run(['add', search, '--json']);
    expect(added.code, added.stderr).toBe(0);
    const { name } = JSON.parse(added.stdout);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name).toMatch(/^rtx 3080 rtx 3080 .*…$/);
  });

  it('turns "Did you mean" into a hint line, not a literal \\n', async () => {
    using sandbox = createCliSandbox();
    const command = await sandbox.run(['lsit']);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe(
      "pyhabot: unknown command 'lsit'\nhint: did you mean list? `pyhabot --help` lists every command and option\n",
    );
    const option = await sandbox.run(['list', '--jsn']);
    expect(option.code).toBe(2);
    expect(option.stderr).not.toContain('\\n');
    expect(option.stderr).toContain('hint: did you mean --json?');
  });

  it('refuses help for a command that does not exist, and helps with one that does', async () => {
    using sandbox = createCliSandbox();
    const missing = await sandbox.run(['help', 'nosuch']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^pyhabot: there is no command "nosuch"\nhint: /);
    const list = await sandbox.run(['help', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^Usage: pyhabot list/);
    const main = await sandbox.run(['help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^Usage: pyhabot \[options\] \[command\]/);
  });

  it('counts one watch and one ad in the singular', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'requestDelayMs: 0\nnewestFirst: false\nmaxRetries: 0\n');
    site.serve('/aprok/mobil/index.html', new ListingPage().keepFirst(1).withoutNextPage());
    expect((await sandbox.run(['add', site.urlFor('/aprok/mobil/index.html'), '--allow-any-host'])).code).toBe(0);
    const check = await sandbox.run(['check']);
    expect(check.stdout).toContain('baseline: 1 ad recorded');
    expect(check.stdout).toMatch(/^1 watch, 0 new ads, 1 baseline, /m);
    const status = await sandbox.run(['status']);
    expect(status.stdout).toMatch(/\(exit 0; 1 watch, 0 new ads, 0 failed\)/);
  });
});
