import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, runNode } from '../helpers/cli-sandbox.js';

const DEMO = resolve(import.meta.dirname, '../../scripts/demo.js');

function runDemo(): Promise<CliResult> {
  // As CI runs it: no terminal, nothing from this environment but PATH.
  return runNode([DEMO], { env: { PATH: process.env.PATH, LANG: 'C.UTF-8', TZ: 'UTC' }, timeoutMs: 25_000 });
}

const demoDirs = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('pyhabot-demo-'));

describe('npm run demo (scripts/demo.js)', () => {
  it('walks from a new watch to a new ad, a price drop and its notification, then a re-post, offline, and cleans up', async () => {
    const dirsBefore = new Set(demoDirs());
    const { code, stdout, stderr } = await runDemo();
    expect(stderr).toBe('');
    expect(code).toBe(0);

    // Each step under its heading, in order.
    const headings = [...stdout.matchAll(/^=== (.*)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([
      'pyhabot demo',
      '1. Watch a search, with Discord notifications',
      '2. First check: the ads listed now are the baseline, none is reported as new',
      '3. The site changes',
      '4. Second check: exactly the new ad and the price drop are reported',
      '5. The notification, as the Discord webhook received it',
      '6. A seller lets an ad expire and posts it again, cheaper, under a new id',
      '7. Third check: the re-post is labelled with its first listing, and its price set in context',
      '8. The newest ads the watch has seen',
      '9. Health, as the container healthcheck asks for it',
      '10. What such ads cost, from the prices the watch recorded',
      '11. The same news as a feed, for a feed reader',
      'Done',
    ]);
    const section = (number: number): string => stdout.split(/^=== /m)[number + 1] ?? '';

    expect(section(1)).toMatch(/--notify discord\+http:\/\/127\.0\.0\.1:\d+\/api\/webhooks\//);
    expect(section(1)).toMatch(/Added watch 1: Demo: mobiles/);
    expect(section(2)).toMatch(/\[Demo: mobiles\] baseline: 100 ads recorded/);
    expect(section(2)).not.toMatch(/^NEW /m);

    const secondCheck = section(4);
    expect(secondCheck).toMatch(/^NEW \[Demo: mobiles\] Samsung Galaxy S24 128GB, bontatlan, 2 év garancia$/m);
    expect(secondCheck).toMatch(/^ {4}219 000 Ft/m);
    // A tenth off the first ordinary ad's price, rounded to thousands (170 000 Ft on the committed page).
    expect(secondCheck).toMatch(
      /^PRICE DROP \[Demo: mobiles\] .+\n {4}170 000 Ft -> 153 000 Ft \(-17 000 Ft, -10 %; lowest 153 000 Ft\)/m,
    );
    expect(secondCheck).toMatch(/1 watch, 1 new ad, 1 price drop/);
    expect(secondCheck.match(/^(NEW|PRICE DROP) /gm)).toHaveLength(2);

    // The one Discord message the local receiver got, as it got it: the request line, then the JSON body.
    const [requestLine, ...bodyLines] = section(5).split('\n').slice(1);
    expect(requestLine).toBe('POST /api/webhooks/1234567890/demo-token');
    const message = JSON.parse(bodyLines.join('\n').replaceAll('\u00a0', ' ')) as {
      content: string;
      embeds: {
        title: string;
        author: { name: string };
        fields: { name: string; value: string }[];
        description?: string;
      }[];
    };
    expect(message.content).toBe('1 new ad and 1 price change for Demo: mobiles');
    expect(message.embeds.map((embed) => [embed.author.name, embed.title])).toEqual([
      ['New ad', 'Samsung Galaxy S24 128GB, bontatlan, 2 év garancia'],
      ['Price drop', 'Apple iPhone 15 128GB Független Dobozos CSERE IS'],
    ]);
    expect(message.embeds[0]?.fields[0]).toEqual({ name: 'Price', value: '219 000 Ft', inline: true });
    expect(message.embeds[1]?.fields[0]?.value).toBe(
      '170 000 Ft → 153 000 Ft (−17 000 Ft, −10 %), lowest seen 153 000 Ft',
    );
    // Both prices set against the 100 ads of the baseline (less the unpriced ones, and the dropped ad itself).
    expect(secondCheck).toMatch(/^ {4}\d+ % above the median of 98 ads \(90 days\), in the dearest quarter$/m);
    expect(message.embeds[0]?.description).toMatch(/^\d+ % above the median of 98 ads \(90 days\)/);

    // The same seller's same title under a new id: a new ad, labelled with its first listing and price context.
    const repostCheck = section(7);
    expect(repostCheck).toMatch(/^NEW \[Demo: mobiles\] Apple iPhone 12 Pro 128GB Független Dobozos \+ Ajándékok$/m);
    expect(repostCheck).toMatch(/^ {4}re-posted; first listed today at 89 000 Ft, now 76 000 Ft$/m);
    expect(repostCheck).toMatch(/^ {4}\d+ % (above|below) the median of 98 ads \(90 days\)/m);
    expect(repostCheck).toMatch(/1 watch, 1 new ad, \d/);

    // A short view: five ads, the new one first.
    expect(section(8)).toMatch(/^\$ pyhabot ads 1 --limit 5$/m);
    const adRows = section(8).match(/^\d+ {2}.*$/gm) ?? [];
    expect(adRows).toHaveLength(5);
    expect(adRows[0]).toMatch(/^7328587 {2}Apple iPhone 12 Pro/);
    expect(adRows[1]).toMatch(/^7328586 {2}Samsung Galaxy S24/);
    for (const line of section(8).split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    expect(section(9)).toMatch(/^healthy$/m);
    expect(section(9)).toMatch(/0 pending, 0 dead, [1-9]\d* delivered/);

    // The recorded prices: 100 priced ads, figures from the middle 90, on 80 columns.
    expect(section(10)).toMatch(/^100 ads with a price, 2 without one$/m);
    expect(section(10)).toMatch(/^ {2}median {4}\d[\d ]* Ft$/m);
    for (const line of section(10).split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    // The feed: the three pieces of news, newest first, the re-post with its notes.
    // Feed texts keep a price's digits together with no-break spaces.
    const items =
      section(11)
        .replaceAll('\u00a0', ' ')
        .match(/<item>[\s\S]*?<\/item>/g) ?? [];
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('New ad: Apple iPhone 12 Pro 128GB');
    expect(items[0]).toMatch(/<i>re-posted; first listed today at 89 000 Ft, now 76 000 Ft<\/i>/);
    expect(items[1]).toContain('Price drop: Apple iPhone 15 128GB');

    // No colour codes without a terminal, and the temporary directory is gone.
    expect(stdout).not.toContain('\u001b[');
    expect(demoDirs().filter((name) => !dirsBefore.has(name))).toEqual([]);
  });
});
