import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliSandbox, runCli } from '../helpers/cli-sandbox.js';
import { startFakeHardverapro } from '../helpers/fake-hardverapro.js';
import { checkRecords } from '../helpers/fault-cli.js';
import { ListingPage } from '../helpers/listing-fixture.js';
import { startLocalServer } from '../helpers/local-server.js';

// Two checks started at the same moment on one database: exactly one runs, the other exits 75 at once and
// touches nothing. The two start-ups run side by side and reach the lock within a few tens of milliseconds of
// each other, while the winner holds it for at least 4 × 60 ms of page answers: they always overlap.
// Two databases take turns with 25 rounds each, so one pair starts up while the other waits on its pages.

const DATABASES = 2;
const ROUNDS_EACH = 25;
const WATCHES = 4;
const PAGE_DELAY_MS = 60;

/**
 * `rounds` times, start two checks together on one database; returns the exit codes of each round. With
 * `pairs`, watches 0 and 1 (2 and 3) show the same page, so each new ad is one merged message for two events.
 */
async function overlapRounds(rounds: number, firstAdId: number, pairs = false): Promise<string[]> {
  using sandbox = createCliSandbox();
  await using site = await startFakeHardverapro();
  const accepted = new Map<string, number>();
  await using receiver = await startLocalServer((_req, res, recorded) => {
    const key = (JSON.parse(recorded.body) as { idempotencyKey: string }).idempotencyKey;
    accepted.set(key, (accepted.get(key) ?? 0) + 1);
    res.writeHead(200);
    res.end('ok');
  });
  writeFileSync(
    join(sandbox.dir, '.pyhabotrc'),
    ['requestDelayMs: 0', 'newestFirst: false', 'maxRetries: 0', ''].join('\n'),
  );
  const pages: ListingPage[] = [];
  for (let index = 0; index < WATCHES; index += 1) {
    const shared = pairs && index % 2 === 1 ? pages.at(-1) : undefined;
    const page = shared ?? new ListingPage().keepFirst(6).withoutNextPage();
    if (shared === undefined) pages.push(page);
    const path = `/aprok/overlap${index}/index.html`;
    site.serve(path, (_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page.html);
      }, PAGE_DELAY_MS);
    });
    const added = await sandbox.run(['add', site.urlFor(path), '--allow-any-host', '--notify', receiver.url]);
    expect(added.code, added.stderr).toBe(0);
  }
  const baseline = await sandbox.run(['check']);
  expect(baseline.code, baseline.stderr).toBe(0);

  const outcomes: string[] = [];
  let nextAdId = firstAdId;
  for (let round = 0; round < rounds; round += 1) {
    for (const page of pages) {
      page.addAd(page.adIds()[2] as number, nextAdId, `Új hirdetés ${nextAdId}`);
      nextAdId += 1;
    }
    const start = () => runCli(['check', '--json'], { cwd: sandbox.dir, env: sandbox.env, timeoutMs: 30_000 });
    const runs = await Promise.all([start(), start()]);
    const codes = runs.map((run) => run.code).sort((a, b) => (a ?? -1) - (b ?? -1));
    outcomes.push(codes.join('+'));
    const winner = runs.find((run) => run.code === 0);
    const loser = runs.find((run) => run.code === 75);
    if (!winner || !loser) {
      expect.fail(`round ${round}: exit codes ${codes.join(', ')}\n${runs.map((run) => run.stderr).join('\n')}`);
    }
    expect(loser.stdout).toBe('');
    expect(loser.stderr).toMatch(/^pyhabot: another check is running on this database .*\nhint: .*\n$/);
    const newAds = checkRecords(winner.stdout).filter((record) => record.type === 'new_ad');
    expect(newAds).toHaveLength(WATCHES);
    // Nothing on stderr but what was asked for: no runtime warnings either.
    expect(winner.stderr).toBe('');
  }

  // Every event delivered exactly once: the loser never sent anything, and nothing was sent twice. A merged
  // message carries the key of the older of its two events.
  const recorded = sandbox.query<{ idempotency_key: string }>('SELECT idempotency_key FROM events ORDER BY id');
  expect(recorded).toHaveLength(rounds * WATCHES);
  const messageKeys = recorded.filter((_row, index) => !pairs || index % 2 === 0).map((row) => row.idempotency_key);
  expect([...accepted.keys()].sort()).toEqual(messageKeys.sort());
  expect([...accepted.values()].every((times) => times === 1)).toBe(true);
  expect(sandbox.query("SELECT COUNT(*) AS n FROM outbox WHERE status <> 'delivered'")).toEqual([{ n: 0 }]);
  expect(sandbox.query('SELECT COUNT(*) AS n FROM run_lock')).toEqual([{ n: 0 }]);
  return outcomes;
}

describe('two checks started together', () => {
  const rounds = DATABASES * ROUNDS_EACH;
  it(`runs exactly one of them, ${rounds} times out of ${rounds}, and delivers every notification once`, async () => {
    const outcomes = await Promise.all(
      Array.from({ length: DATABASES }, (_, index) => overlapRounds(ROUNDS_EACH, 9_200_000 + index * 100_000)),
    );
    expect(outcomes.flat()).toEqual(Array.from({ length: rounds }, () => '0+75'));
  });

  it('never sends a merged message twice', async () => {
    const outcomes = await overlapRounds(ROUNDS_EACH / 5, 9_400_000, true);
    expect(outcomes).toEqual(Array.from({ length: ROUNDS_EACH / 5 }, () => '0+75'));
  });
});
