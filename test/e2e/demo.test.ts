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
  it('walks from a new watch to a new ad and a price drop, offline, and cleans up', async () => {
    const dirsBefore = new Set(demoDirs());
    const { code, stdout, stderr } = await runDemo();
    expect(stderr).toBe('');
    expect(code).toBe(0);

    // Each step under its heading, in order.
    const headings = [...stdout.matchAll(/^=== (.*)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([
      'pyhabot demo',
      '1. Watch a search',
      '2. First check: the ads listed now become the baseline, none is reported as new',
      '3. The site changes',
      '4. Second check: exactly the new ad and the price drop are reported',
      '5. What the watch has seen, with price history',
      '6. Health, as the container healthcheck asks for it',
      'Done',
    ]);
    const section = (number: number): string => stdout.split(/^=== /m)[number + 1] ?? '';

    expect(section(1)).toMatch(/Added watch 1: Demo: mobiles/);
    expect(section(2)).toMatch(/\[Demo: mobiles\] baseline: 100 ads recorded/);
    expect(section(2)).not.toMatch(/^NEW /m);

    const secondCheck = section(4);
    expect(secondCheck).toMatch(/^NEW \[Demo: mobiles\] Samsung Galaxy S24 128GB, bontatlan, 2 év garancia$/m);
    expect(secondCheck).toMatch(/^ {4}219 000 Ft/m);
    // A tenth off the first ordinary ad's price, rounded to thousands (170 000 Ft on the committed page).
    expect(secondCheck).toMatch(/^PRICE DROP \[Demo: mobiles\] .+\n {4}170 000 Ft -> 153 000 Ft \(-17 000 Ft\)/m);
    expect(secondCheck).toMatch(/1 watch, 1 new ad, 1 price drop/);
    expect(secondCheck.match(/^(NEW|PRICE DROP) /gm)).toHaveLength(2);

    expect(section(5)).toMatch(/170 000 Ft -> 153 000 Ft/);
    expect(section(6)).toMatch(/^healthy$/m);

    // No colour codes without a terminal, and the temporary directory is gone.
    expect(stdout).not.toContain('\u001b[');
    expect(demoDirs().filter((name) => !dirsBefore.has(name))).toEqual([]);
  });
});
