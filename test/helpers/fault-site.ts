import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the faulty site answers one request. */
export type FaultHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A site on 127.0.0.1 that misbehaves on demand, and can go away and come back on the same port. */
export interface FaultySite extends AsyncDisposable {
  /** Base URL without a trailing slash; stays the same across `stop()` and `start()`. */
  url: string;
  /** Arrival times (ms, `performance.now()`) of the requests since the last `resetRequests()`. */
  requestTimes: number[];
  /** Bytes of response bodies the site managed to hand to the socket since the last `resetRequests()`. */
  bytesWritten(): number;
  /** Count a chunk of body written by a handler towards `bytesWritten`. */
  countBytes(bytes: number): void;
  resetRequests(): void;
  /** What every request is answered with from now on. */
  setHandler(handler: FaultHandler): void;
  /** Stop listening (connections are then refused) and cut every open connection. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  start(): Promise<void>;
}

/** Start a faulty site that answers 404 until given a handler. */
export async function startFaultySite(): Promise<FaultySite> {
  let handler: FaultHandler = (_req, res) => {
    res.writeHead(404);
    res.end();
  };
  const requestTimes: number[] = [];
  let written = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requestTimes.push(performance.now());
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let listening = true;

  const stop = async (): Promise<void> => {
    if (!listening) return;
    listening = false;
    // Stalled handlers keep sockets open forever; cut them so close() returns.
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requestTimes,
    bytesWritten: () => written,
    countBytes(bytes) {
      written += bytes;
    },
    resetRequests() {
      requestTimes.length = 0;
      written = 0;
    },
    setHandler(next) {
      handler = next;
    },
    stop,
    async start() {
      if (listening) return;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      listening = true;
    },
    [Symbol.asyncDispose]: stop,
  };
}
