import type { ServerResponse } from 'node:http';
import { type LocalServer, startLocalServer } from './local-server.js';

/** How much an endless receiver managed to hand to its socket, and whether the client hung up. */
export interface StreamTally {
  written: number;
  closed: boolean;
}

/** A receiver that answers with a status, then streams `fill` bytes until the client hangs up or `bound` is sent. */
export async function startEndlessReceiver(
  status: number,
  fill: string,
  bound: number,
): Promise<{ server: LocalServer; stream: StreamTally }> {
  const stream: StreamTally = { written: 0, closed: false };
  const chunk = Buffer.alloc(64 * 1024, fill);
  const server = await startLocalServer((_req, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.on('close', () => {
      stream.closed = true;
    });
    const pump = (): void => {
      // Backpressure keeps the count honest: a write is only counted once the socket accepts more.
      while (!res.destroyed && stream.written < bound) {
        stream.written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });
  return { server, stream };
}

/** Wait up to two seconds for the client to hang up. */
export async function waitForHangUp(stream: StreamTally): Promise<void> {
  for (let tries = 0; tries < 200 && !stream.closed; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
