import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { ListingPage } from '../helpers/listing-fixture.js';

const MOBIL = '/aprok/mobil/index.html';
const NO_DNS = pathToFileURL(resolve(import.meta.dirname, '../helpers/no-dns.mjs')).href;

function configure(sandbox: CliSandbox): void {
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'requestDelayMs: 0\nnewestFirst: false\nmaxRetries: 0\n');
}

function watchError(stdout: string): Record<string, unknown> | undefined {
  const records = stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; error?: Record<string, unknown> });
  return records.find((record) => record.type === 'watch_error')?.error;
}

describe('check errors carry a hint the user can act on', () => {
  it('a name that does not resolve: check the network and DNS, the demo works offline', async () => {
    using sandbox = createCliSandbox();
    configure(sandbox);
    expect((await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html'])).code).toBe(0);
    const env = { NODE_OPTIONS: `--import=${NO_DNS}` };
    const result = await sandbox.run(['check'], { env });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('ERROR [mobil] network: could not reach hardverapro.hu (ENOTFOUND)');
    expect(result.stdout).toContain(
      'hint: the site name did not resolve: check the network connection and DNS (`npm run demo` works offline)',
    );
    const json = await sandbox.run(['check', '--json'], { env });
    expect(watchError(json.stdout)).toMatchObject({ kind: 'network', hint: expect.stringContaining('DNS') });
  });

  it('HTTP 403: the site blocked the request; wait, check the User-Agent and cookies, check less often', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    site.serve(MOBIL, (_req, res) => {
      res.writeHead(403, { 'content-type': 'text/html' });
      res.end('<html><body>Access denied</body></html>');
    });
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    const result = await sandbox.run(['check']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('ERROR [mobil] http_status: HTTP 403');
    expect(result.stdout).toContain(
      'hint: the site blocked the request: wait before checking again, check the User-Agent (userAgent) and ' +
        'cookies, and check less often',
    );
  });

  it('an unrecognised page: open it in a browser, `pyhabot parse` shows what was read', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    configure(sandbox);
    site.serve(MOBIL, new ListingPage().keepFirst(3).renameClass('uad-col-title', 'uad-col-name'));
    await sandbox.run(['add', site.urlFor(MOBIL), '--allow-any-host']);
    const result = await sandbox.run(['check']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      `hint: open ${site.urlFor(MOBIL)} in a browser; \`pyhabot parse <url>\` shows what was read; ` +
        'the site layout may have changed',
    );
  });
});

describe('parse <url> when the site cannot be read', () => {
  it('exits 1 with the reason and a hint', async () => {
    using sandbox = createCliSandbox();
    const site = await startFakeHardverapro();
    const url = site.urlFor(MOBIL);
    await site[Symbol.asyncDispose]();
    writeFileSync(join(sandbox.dir, '.pyhabotrc'), 'maxRetries: 0\n');
    const result = await sandbox.run(['parse', url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`pyhabot: could not reach ${new URL(url).host} (ECONNREFUSED) (network)`);
    expect(result.stderr).toContain('hint: check the network connection; the next check tries again');
  });

  it('says in its help which exit code means the site could not be read', async () => {
    using sandbox = createCliSandbox();
    const result = await sandbox.run(['help', 'parse']);
    expect(result.stdout).toMatch(/1 when the site\s+cannot be\s+read/);
  });
});
