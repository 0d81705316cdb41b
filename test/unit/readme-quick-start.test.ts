import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A newcomer's first two commands must both work offline: the README's Quick start opens with them, and the
// scripts they name do what the README says.

const repoRoot = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

/** The commands of the first shell block after `heading`, without their comments. */
function firstCommands(heading: string): string[] {
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

describe("README's Quick start", () => {
  it('opens with exactly two commands: install and run the offline demo, then the tests', () => {
    expect(firstCommands('## Quick start')).toEqual(['npm install && npm run demo', 'npm test']);
  });

  it('can rely on npm install to build, and on the demo to build before it runs', () => {
    // A fresh clone has no dist/; `prepare` runs on `npm install` and `npm ci` alike.
    expect(scripts.prepare).toBe('npm run build');
    expect(scripts.demo).toMatch(/^npm run build && node scripts\/demo\.js$/);
  });
});
