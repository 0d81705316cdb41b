import { readFileSync } from 'node:fs';
import { ExitCode } from '../domain/exit-codes.js';
import { ignoreClosedPipes } from './terminal-output.js';
import { isVersionRequest } from './version-request.js';

/** Run the CLI with these arguments; sets `process.exitCode` and never calls `process.exit`. */
export async function main(argv: string[]): Promise<void> {
  ignoreClosedPipes([process.stdout, process.stderr]);
  const version = readVersion();
  // Answered before commander and the command table load, so `pyhabot --version` costs next to nothing;
  // isVersionRequest only says yes where commander would print exactly this.
  if (isVersionRequest(argv.slice(2))) {
    process.stdout.write(`${version}\n`);
    process.exitCode = ExitCode.ok;
    return;
  }
  const { runProgram } = await import('./run-program.js');
  await runProgram(argv, version);
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
