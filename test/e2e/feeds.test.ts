import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { ListingPage } from '../helpers/listing-fixture.js';
import { parseFeed } from '../helpers/parse-feed.js';

const MOBIL = '/aprok/mobil/index.html';
const CONFIG = ['requestDelayMs: 0', 'newestFirst: false', 'maxRetries: 0', 'deliveryBackoffMs: 0', ''].join('\n');

function configure(sandbox: CliSandbox): void {
  writeFileSync(join(sandbox.dir, '.pyhabotrc'), CONFIG);
}

interface EventRow {
  type: string;
  idempotency_key: string;
  ad_id: number;
  created_at: string;
}

/** The events as the database holds them, newest first. */
function recordedEvents(sandbox: CliSandbox, watchId?: number): EventRow[] {
  return sandbox.query<EventRow>(
    `SELECT type, idempotency_key, ad_id, created_at FROM events ${watchId === undefined ? '' : 'WHERE watch_id = ?'}
     ORDER BY id DESC`,
    ...(watchId === undefined ? [] : [watchId]),
  );
}

/** A watch of a small page with one new ad and one price drop recorded after its baseline. */
async function watchWithNews(
  sandbox: CliSandbox,
  site: Awaited<ReturnType<typeof startFakeHardverapro>>,
  notify: string[] = [],
): Promise<{ page: ListingPage; dropped: number }> {
  configure(sandbox);
  const page = new ListingPage().keepFirst(10).withoutNextPage();
  site.serve(MOBIL, page);
  const added = await sandbox.run([
    'add',
    site.urlFor(MOBIL),
    '--allow-any-host',
    '--name',
    'Mobiles & <tablets>',
    ...notify.flatMap((target) => ['--notify', target]),
  ]);
  expect(added.code, added.stderr).toBe(0);
  expect((await sandbox.run(['check'])).code).toBe(0);
  const dropped = page.adIds()[6] as number;
  site.serve(MOBIL, page.clone().setPrice(dropped, '1 000 Ft').addAd(dropped, 99_000_001, 'Új telefon & tok'));
  const news = await sandbox.run(['check']);
  expect(news.code, news.stderr).toBe(0);
  return { page, dropped };
}

describe('pyhabot feed', () => {
  it.each(['atom', 'rss', 'json'] as const)(
    "writes the watch's events as a valid %s feed: stable ids, links to the ads, dates",
    async (format) => {
      using sandbox = createCliSandbox();
      await using site = await startFakeHardverapro();
      const { dropped } = await watchWithNews(sandbox, site);
      const events = recordedEvents(sandbox, 1);
      expect(events.map((event) => event.type).sort()).toEqual(['new_ad', 'price_changed']);

      const result = await sandbox.run(['feed', '1', '--format', format]);
      expect(result.code, result.stderr).toBe(0);
      const feed = parseFeed(format, result.stdout);
      expect(feed.title).toBe('pyhabot: Mobiles & <tablets>');
      expect(feed.link).toBe(site.urlFor(MOBIL));
      expect(feed.entries.map((entry) => entry.id)).toEqual(events.map((event) => `urn:uuid:${event.idempotency_key}`));
      for (const [index, entry] of feed.entries.entries()) {
        const event = events[index] as EventRow;
        expect(entry.link).toMatch(/^https:\/\/hardverapro\.hu\/apro\/.+\/friss\.html$/);
        // RSS dates have whole seconds.
        expect(Math.abs(entry.date - Date.parse(event.created_at))).toBeLessThan(1000);
      }
      const drop = feed.entries.find((entry) => entry.title.startsWith('Price drop:'));
      expect(drop?.title.replaceAll('\u00a0', ' ')).toMatch(/→ 1 000 Ft/);
      expect(events.find((event) => event.type === 'price_changed')?.ad_id).toBe(dropped);
      expect(feed.entries.find((entry) => entry.title.startsWith('New ad:'))?.title).toContain('Új telefon & tok');

      // The same events, the same feed: a reader sees nothing new.
      expect((await sandbox.run(['feed', '1', '--format', format])).stdout).toBe(result.stdout);
    },
  );

  it('writes --output in one step with mode 644, keeps the mode of a file that exists, and picks the format by extension', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    await watchWithNews(sandbox, site);
    const written = await sandbox.run(['feed', '--all', '--output', 'all.json']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe('Wrote 2 entries to all.json (json)\n');
    const path = join(sandbox.dir, 'all.json');
    expect(parseFeed('json', readFileSync(path, 'utf8')).entries).toHaveLength(2);
    expect(statSync(path).mode & 0o777).toBe(0o644);

    chmodSync(path, 0o600);
    expect((await sandbox.run(['feed', '1', '--output', 'all.json'])).code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(sandbox.dir).filter((name) => name.includes('.tmp'))).toEqual([]);

    const rss = await sandbox.run(['feed', '1', '--output', 'watch.rss']);
    expect(rss.stdout).toContain('(rss)');
    expect(parseFeed('rss', readFileSync(join(sandbox.dir, 'watch.rss'), 'utf8')).entries).toHaveLength(2);
  });

  it('refuses an unclear request or an unwritable --output with one line, a hint and exit 2', async () => {
    using sandbox = createCliSandbox();
    await sandbox.run(['add', 'https://hardverapro.hu/aprok/mobil/index.html']);
    const neither = await sandbox.run(['feed']);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('which watch?');
    const both = await sandbox.run(['feed', '1', '--all']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give a watch id or --all, not both');
    const badFormat = await sandbox.run(['feed', '1', '--format', 'html']);
    expect(badFormat.code).toBe(2);
    const missing = await sandbox.run(['feed', '1', '--output', 'no/such/dir/feed.xml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot write no/such/dir/feed.xml: its directory does not exist');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const empty = await sandbox.run(['feed', '1']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(parseFeed('atom', empty.stdout).entries).toEqual([]);
  });
});

describe('the file+ notification target', () => {
  it('rewrites the feed file after each check that records news, from the database', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    const feedPath = join(sandbox.dir, 'public', 'mobiles.xml');
    mkdirSync(join(sandbox.dir, 'public'));
    await watchWithNews(sandbox, site, [`file+${feedPath}`]);

    const first = readFileSync(feedPath, 'utf8');
    const feed = parseFeed('atom', first);
    expect(feed.entries.map((entry) => entry.id)).toEqual(
      recordedEvents(sandbox, 1).map((event) => `urn:uuid:${event.idempotency_key}`),
    );
    expect(statSync(feedPath).mode & 0o777).toBe(0o644);
    expect(sandbox.query<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE status = 'delivered'")[0]?.n).toBe(2);

    // A check with nothing new leaves the file as it is.
    const quiet = await sandbox.run(['check']);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(readFileSync(feedPath, 'utf8')).toBe(first);
  });

  it('reports a directory that is missing as a delivery failure, then catches up once it exists', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    const feedPath = join(sandbox.dir, 'later', 'feed.json');
    configure(sandbox);
    const page = new ListingPage().keepFirst(5).withoutNextPage();
    site.serve(MOBIL, page);
    await sandbox.run([
      'add',
      site.urlFor(MOBIL),
      '--allow-any-host',
      '--notify-existing',
      '--notify',
      `file+${feedPath}`,
    ]);
    const failed = await sandbox.run(['check']);
    expect(failed.stdout).toContain(`cannot write the feed file ${feedPath}: its directory does not exist`);
    expect(existsSync(feedPath)).toBe(false);
    expect(sandbox.query<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'")[0]?.n).toBe(5);

    mkdirSync(join(sandbox.dir, 'later'));
    const caughtUp = await sandbox.run(['check']);
    expect(caughtUp.code, caughtUp.stderr).toBe(0);
    expect(parseFeed('json', readFileSync(feedPath, 'utf8')).entries).toHaveLength(5);
  });

  it('is accepted by add, shown as written, and written by notify-test with the samples on top', async () => {
    using sandbox = createCliSandbox();
    await using site = await startFakeHardverapro();
    const feedPath = join(sandbox.dir, 'feed.rss');
    await watchWithNews(sandbox, site, [`file+${feedPath}`]);
    const shown = await sandbox.run(['show', '1']);
    expect(shown.stdout).toContain(`file+${feedPath}`);

    const tested = await sandbox.run(['notify-test', '1']);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/^ok {2}file\+\S+feed\.rss {2}sample new ad: delivered/m);
    const entries = parseFeed('rss', readFileSync(feedPath, 'utf8')).entries;
    expect(entries).toHaveLength(4);
    expect(entries.filter((entry) => entry.id.startsWith('urn:pyhabot:event:sample-'))).toHaveLength(2);

    const invalid = await sandbox.run(['notify-test', 'file+relative/feed.xml']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('"file+" must be followed by an absolute path');
  });
});

describe('help of the feed command', () => {
  it('names every option, the formats and the file target', async () => {
    using sandbox = createCliSandbox();
    const help = await sandbox.run(['feed', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pyhabot feed [options] [id]');
    for (const text of ['--all', '--format <format>', '--output <file>']) expect(help.stdout).toContain(text);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(choices: "atom", "rss", "json")');
    expect(help.stdout).toMatch(/Atom 1\.0, RSS 2\.0 or JSON Feed 1\.1/);
    expect(help.stdout).toContain('file+/path/feed.xml');
    const notifyTest = await sandbox.run(['notify-test', '--help']);
    expect(notifyTest.stdout).toContain('file+/path/feed.xml');
  });
});
