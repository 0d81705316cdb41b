import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// pyhabot as cron finds it: packed from this clone, installed globally the way the README says, and run from its
// own bin directory with nothing of the clone around. The install reaches the npm registry (or its cache) for the
// dependencies. The SQLite driver's install script is offered the binary this clone already built, through its
// installer's local-prebuilds directory, so it need not compile it again; if the versions differ, it compiles (one
// to four minutes on a busy two-core machine, hence the generous limits).

const repoRoot = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const INSTALL_TIMEOUT_MS = 420_000;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** What `npm pack --json` says about the tarball it wrote. */
interface PackResult {
  filename: string;
  files: { path: string }[];
}

let dir = '';
let tarball = '';
let packedFiles: string[] = [];
let prefix = '';
let installOutput = '';

/**
 * A directory holding this clone's compiled SQLite driver packed under the name its installer (prebuild-install)
 * looks for: `<name>-v<version>-node-v<abi>-<platform><libc>-<arch>.tar.gz`.
 */
async function packLocalPrebuild(into: string): Promise<string> {
  const driver = join(repoRoot, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(driver, 'package.json'), 'utf8')) as { version: string };
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  const libc = process.platform === 'linux' && report?.header?.glibcVersionRuntime === undefined ? 'musl' : '';
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}${libc}-${process.arch}`;
  mkdirSync(into);
  await run('tar', ['-czf', join(into, `${name}.tar.gz`), '-C', driver, 'build/Release/better_sqlite3.node']);
  return into;
}

/** Run the installed `pyhabot` with a scrubbed environment whose data directory is inside the temp dir. */
async function installedPyhabot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const home = join(dir, 'home');
  try {
    const { stdout, stderr } = await run(join(prefix, 'bin', 'pyhabot'), args, {
      cwd: home,
      env: { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', PERSISTENT_DATA_PATH: join(dir, 'data') },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pyhabot-global-'));
  mkdirSync(join(dir, 'home'));
  prefix = join(dir, 'prefix');
  // The fault suite builds first (npm run test:faults), so packing does not need to run the build again.
  const { stdout } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
    cwd: repoRoot,
    timeout: 60_000,
  });
  const [packed] = JSON.parse(stdout) as PackResult[];
  if (packed === undefined) throw new Error(`npm pack printed no result: ${stdout}`);
  tarball = join(dir, packed.filename);
  packedFiles = packed.files.map((file) => file.path);

  // The README's command, with a prefix of its own instead of the machine's global one.
  const install = await run(
    npm,
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--allow-scripts=better-sqlite3',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      tarball,
    ],
    {
      cwd: dir,
      env: {
        ...process.env,
        npm_config_better_sqlite3_local_prebuilds: await packLocalPrebuild(join(dir, 'prebuilds')),
      },
      timeout: INSTALL_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  installOutput = install.stdout + install.stderr;
}, INSTALL_TIMEOUT_MS + 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the program, its license and every doc the README links to', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['bin/pyhabot.js', 'dist/cli/main.js', 'LICENSE']));
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const linkedDocs = [...readme.matchAll(/\]\((docs\/[^)#\s]+)/g)].map((match) => match[1]);
    expect(linkedDocs).toContain('docs/running.md');
    expect(packedFiles).toEqual(expect.arrayContaining([...new Set(linkedDocs)]));
  });
});

describe('npm install --global from the tarball', () => {
  it('is the command the README gives, naming the tarball npm pack writes', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(`npm install --global --allow-scripts=better-sqlite3 ./${basename(tarball)}`);
  });

  it("needs no approval beyond the README's --allow-scripts=better-sqlite3", () => {
    // npm 11 lists the install scripts no allow-list covers; the SQLite driver's must not be among them.
    expect(installOutput).not.toMatch(/better-sqlite3@[\d.]+ \(install:/);
  });

  it('puts a pyhabot on PATH that runs away from the clone: --version, add, list', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const versionRun = await installedPyhabot(['--version']);
    expect(versionRun).toMatchObject({ code: 0, stderr: '' });
    expect(versionRun.stdout.trim()).toBe(version);

    const url = 'https://hardverapro.hu/aprok/hardver/videokartya/keres.php?stext=rtx+3080';
    const added = await installedPyhabot(['add', url, '--name', 'rtx 3080']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(/Added watch 1: rtx 3080/);

    const listed = await installedPyhabot(['list']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(/rtx 3080/);
    // The database went where the environment said, not into the clone.
    expect(existsSync(join(dir, 'data', 'pyhabot.db'))).toBe(true);
  });
});
