import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// The container set-up is text that no test runs through Docker here: these tests hold its promises against the
// documentation that makes them.

const repoRoot = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');

/** The text of a markdown section, from its heading to the next heading of the same level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`no section "${heading}"`);
  const level = heading.slice(0, heading.indexOf(' ') + 1);
  const end = markdown.indexOf(`\n${level}`, start + heading.length + 2);
  return markdown.slice(start, end === -1 ? undefined : end);
}

/** Every environment variable a text names: pyhabot's own (`PYHABOT_…`) and `LOG_LEVEL`. */
function variablesNamedIn(text: string): string[] {
  return [...new Set(text.match(/\b(?:PYHABOT_[A-Z][A-Z_]*|LOG_LEVEL)\b/g) ?? [])].sort();
}

function composeEnvironment(): Record<string, unknown> {
  const compose = load(read('docker-compose.yml')) as {
    services: { pyhabot?: { environment?: Record<string, unknown> } };
  };
  return compose.services.pyhabot?.environment ?? {};
}

describe('docker-compose.yml', () => {
  it('passes every variable that docs/running.md documents for the compose service', () => {
    const documented = variablesNamedIn(section(read('docs/running.md'), '## With docker compose'));
    // Sanity: the section still documents the loop's settings, so an emptied section cannot pass by accident.
    expect(documented).toEqual(expect.arrayContaining(['PYHABOT_CHECK_ARGS', 'PYHABOT_INTERVAL', 'PYHABOT_NOTIFY']));
    expect(Object.keys(composeEnvironment()).sort()).toEqual(expect.arrayContaining(documented));
  });

  it('takes each variable from the variable of the same name, in the shell or .env', () => {
    for (const [name, value] of Object.entries(composeEnvironment())) {
      expect(value, name).toMatch(new RegExp(`^\\$\\{${name}(?::?-[^}]*)?\\}$`));
    }
  });

  it('keeps --quiet only while PYHABOT_CHECK_ARGS is unset, as docker/loop.sh does', () => {
    // `${X-d}` (no colon) falls back only when X is unset: set but empty must reach the loop as "no arguments".
    // The same text is compose interpolation in one file and shell expansion in the other.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is meant for compose and sh, not JS.
    const quietUnlessSet = '${PYHABOT_CHECK_ARGS---quiet}';
    expect(composeEnvironment().PYHABOT_CHECK_ARGS).toBe(quietUnlessSet);
    expect(read('docker/loop.sh')).toContain(quietUnlessSet);
  });
});

describe('Dockerfile', () => {
  /** The instructions of the last stage: what the published image is made of. */
  function runtimeStage(): string {
    const dockerfile = read('Dockerfile');
    return dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  }

  it('ships the license in the image, and the build context lets it in', () => {
    expect(runtimeStage()).toMatch(/^COPY LICENSE /m);
    const ignore = read('.dockerignore').split('\n');
    // An allow-list: everything is excluded (`*`) and the files the build reads are let back in.
    expect(ignore).toContain('*');
    expect(ignore).toContain('!LICENSE');
  });

  it('builds the SQLite driver against the headers in the image, not ones downloaded from nodejs.org', () => {
    expect(read('Dockerfile')).toMatch(/npm_config_nodedir=\/usr\/local\b/);
  });
});

describe('README', () => {
  it('names the Node.js versions package.json#engines accepts', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    // "^20.19.0 || ^22.12.0 || >=24.0.0" → "20.19+", "22.12+", "24+"
    const versions = engines.split('||').map((range) => {
      const match = /(\d+)\.(\d+)\.\d+/.exec(range);
      if (match === null) throw new Error(`unexpected range ${range}`);
      return match[2] === '0' ? `${match[1]}+` : `${match[1]}.${match[2]}+`;
    });
    const requirements = /^Requirements: Node\.js (.*)$/m.exec(read('README.md'))?.[1] ?? '';
    for (const version of versions) expect(requirements).toContain(version);
  });
});
