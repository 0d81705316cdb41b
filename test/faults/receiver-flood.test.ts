import { describe, expect, it } from 'vitest';
import { createCliSandbox } from '../helpers/cli-sandbox.js';
import { startEndlessReceiver, waitForHangUp } from '../helpers/endless-receiver.js';
import { runCliMeasured } from '../helpers/fault-cli.js';

/** Where the receiver stops on its own, so a regression fails instead of running for ever. */
const STREAM_BOUND = 512 * 1024 * 1024;
/** Per attempt: the cap plus what socket buffers may hold after pyhabot hangs up. */
const READ_ALLOWANCE = 16 * 1024 * 1024;

describe('a receiver that floods its reply', () => {
  it.each([
    [200, 0, /^ok /m],
    [503, 1, /^failed /m],
  ])('notify-test reads a bounded part of an endless %i reply and judges on the status', async (status, code, line) => {
    using sandbox = createCliSandbox();
    const { server, stream } = await startEndlessReceiver(status, 'x', STREAM_BOUND);
    await using _server = server;
    const result = await runCliMeasured(sandbox, ['notify-test', `${server.url}/hook`], {
      env: { PYHABOT_DELIVERY_TIMEOUT_MS: '20000' },
      timeoutMs: 60_000,
    });
    expect(result.code, result.stderr).toBe(code);
    expect(result.stdout).toMatch(line);
    await waitForHangUp(stream);
    expect(stream.closed).toBe(true);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(stream.written).toBeLessThan(READ_ALLOWANCE * server.requests.length);
    expect(result.maxRssMb).not.toBeNull();
    expect(result.maxRssMb ?? Number.POSITIVE_INFINITY).toBeLessThan(200);
  });
});
