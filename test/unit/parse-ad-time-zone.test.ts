import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// TZ is read when a process starts, so the only honest proof that the time parsing ignores the machine's time
// zone is to run its tests again in child processes started with other TZ values.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const timeTests = 'test/unit/parse-ad-time.test.ts';
const runFile = promisify(execFile);

function vitestCli(): string {
  const packageJsonPath = createRequire(import.meta.url).resolve('vitest/package.json');
  const { bin } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(packageJsonPath), bin.vitest ?? 'vitest.mjs');
}

// The child sets PYHABOT_TZ_CHILD, so a child never starts children of its own.
describe.skipIf(process.env.PYHABOT_TZ_CHILD === '1')('time parsing under other machine time zones', () => {
  it('gives the same answers under TZ=UTC, TZ=America/Los_Angeles and TZ=Pacific/Kiritimati', async () => {
    const zones = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];
    const runs = await Promise.all(
      zones.map((zone) =>
        runFile(process.execPath, [vitestCli(), 'run', timeTests, '--reporter=dot'], {
          cwd: repoRoot,
          env: { ...process.env, TZ: zone, PYHABOT_TZ_CHILD: '1' },
          timeout: 60_000,
        }).then(
          () => ({ zone, ok: true, output: '' }),
          (error: { stdout?: string; stderr?: string }) => ({
            zone,
            ok: false,
            output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
          }),
        ),
      ),
    );
    for (const run of runs) expect(run, run.output).toMatchObject({ zone: run.zone, ok: true });
  }, 90_000);
});
