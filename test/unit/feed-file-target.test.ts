import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { maskSecretsInText, maskTarget, parseTarget } from '../../src/domain/targets/parse-target.js';
import { writeFileAtomically } from '../../src/notify/channels/file/write-atomically.js';
import { sendNotifications } from '../../src/notify/send.js';
import { RENDER_NOW, samples } from '../helpers/notification-items.js';
import { parseAtom, parseJsonFeed } from '../helpers/parse-feed.js';

const directories: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pyhabot-feed-'));
  directories.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sendOptions = { language: 'en' as const, linkPreview: false, userAgent: 'test', now: () => RENDER_NOW };

describe('the file+ target', () => {
  it.each([
    ['file+/srv/www/feed.xml', 'atom'],
    ['file+/srv/www/feed.atom', 'atom'],
    ['file+/srv/www/feed.rss', 'rss'],
    ['FILE+/srv/www/feed.json', 'json'],
  ])('reads %s as a %s feed file, shown as written (a path is no secret)', (raw, format) => {
    const target = parseTarget(raw);
    expect(target).toMatchObject({
      channel: 'file',
      format,
      path: raw.slice('file+'.length),
      masked: raw,
      secrets: [],
    });
    expect(maskTarget(raw)).toBe(raw);
  });

  it.each([
    ['file+feed.xml', 'absolute path'],
    ['file+./feed.xml', 'absolute path'],
    ['file+/srv/www/', 'not a directory'],
    ['file+/srv/www/feed.txt', '.xml, .atom, .rss or .json'],
    ['file+/srv/www/feed', '.xml, .atom, .rss or .json'],
    ['file+https://example.org/feed.xml', 'absolute path'],
    ['file+/srv/my feed.xml', 'whitespace'],
  ])('refuses %s, saying it needs an %s', (raw, reason) => {
    expect(() => parseTarget(raw)).toThrow(UserError);
    expect(() => parseTarget(raw)).toThrow(reason);
  });

  it('leaves a path in a message as it is when masking', () => {
    expect(maskSecretsInText('wrote file+/srv/feed.xml', ['file+/srv/feed.xml'])).toBe('wrote file+/srv/feed.xml');
  });
});

describe('delivering to a feed file', () => {
  it('rewrites the whole file from the recorded history, with pending items not recorded yet', async () => {
    const path = join(tempDir(), 'feed.xml');
    const history = [{ ...samples.newAd, idempotencyKey: 'recorded-1' }];
    const outcomes = await sendNotifications(parseTarget(`file+${path}`), [samples.priceDrop], {
      ...sendOptions,
      feedHistory: () => history,
    });
    expect(outcomes).toEqual([{ itemIds: [samples.priceDrop.id], result: { status: 'delivered' } }]);
    const feed = parseAtom(readFileSync(path, 'utf8'));
    expect(feed.entries.map((entry) => entry.id)).toEqual([
      `urn:pyhabot:event:${samples.priceDrop.idempotencyKey}`,
      'urn:pyhabot:event:recorded-1',
    ]);
  });

  it('writes the same bytes again when nothing new was recorded', async () => {
    const path = join(tempDir(), 'feed.json');
    const history = [samples.newAd, samples.priceDrop];
    const target = parseTarget(`file+${path}`);
    await sendNotifications(target, [samples.priceDrop], { ...sendOptions, feedHistory: () => history });
    const first = readFileSync(path, 'utf8');
    await sendNotifications(target, [samples.priceDrop], {
      ...sendOptions,
      now: () => new Date(RENDER_NOW.getTime() + 3_600_000),
      feedHistory: () => history,
    });
    expect(readFileSync(path, 'utf8')).toBe(first);
    expect(parseJsonFeed(first).entries).toHaveLength(2);
  });

  it('reports a missing directory as a failure worth another try, naming the file', async () => {
    const path = join(tempDir(), 'missing', 'feed.xml');
    const outcomes = await sendNotifications(parseTarget(`file+${path}`), [samples.newAd], sendOptions);
    expect(outcomes).toEqual([
      {
        itemIds: [samples.newAd.id],
        result: { status: 'retry', error: `cannot write the feed file ${path}: its directory does not exist` },
      },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a directory it may not write to as permission denied', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o500);
    const outcomes = await sendNotifications(
      parseTarget(`file+${join(dir, 'feed.xml')}`),
      [samples.newAd],
      sendOptions,
    );
    chmodSync(dir, 0o700);
    expect(outcomes[0]?.result).toMatchObject({ status: 'retry', error: expect.stringContaining('permission denied') });
  });
});

// A worker thread cannot set the umask: the mutation run's test runner is one, and this test covers no module it
// mutates.
function canSetUmask(): boolean {
  try {
    process.umask(process.umask(0o022));
    return true;
  } catch {
    return false;
  }
}

describe('writeFileAtomically', () => {
  it.skipIf(!canSetUmask())(
    'creates a new file with mode 644 whatever the umask, and leaves no temporary file',
    async () => {
      const dir = tempDir();
      const path = join(dir, 'feed.xml');
      const umask = process.umask(0o077);
      try {
        await writeFileAtomically(path, 'one');
      } finally {
        process.umask(umask);
      }
      expect(readFileSync(path, 'utf8')).toBe('one');
      expect(statSync(path).mode & 0o777).toBe(0o644);
      expect(readdirSync(dir)).toEqual(['feed.xml']);
    },
  );

  it('keeps the mode of a file that exists', async () => {
    const path = join(tempDir(), 'feed.xml');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    await writeFileAtomically(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('replaces the file in one step: a reader holding the old file still reads the old text', async () => {
    const path = join(tempDir(), 'feed.xml');
    await writeFileAtomically(path, 'old');
    const inodeBefore = statSync(path).ino;
    await writeFileAtomically(path, 'new');
    expect(statSync(path).ino).not.toBe(inodeBefore);
  });
});
