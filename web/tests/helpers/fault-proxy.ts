/**
 * A fault injector between the site and the REAL CMS: a TCP proxy on 127.0.0.1 that, depending
 * on its mode, passes every connection through to the CMS or makes the CMS look broken. It
 * invents no content: in `pass` mode every byte comes from the CMS behind it.
 *
 * Modes:
 * - `pass`        connections are piped to the CMS, both ways;
 * - `refused`     nothing listens on the port any more: connections are refused (ECONNREFUSED);
 * - `reset`       connections are accepted, then reset before any answer (ECONNRESET);
 * - `slow`        connections are accepted and held, unanswered, until the mode changes: a CMS
 *                 slower than any timeout, so that only the site's own timeout ends a request
 *                 (a delay of a few seconds would race that timeout on a loaded machine);
 * - `nonsense`    every request is answered `200 OK` with a body that is not JSON;
 * - `wrong-shape` every request is answered `200 OK` with JSON the API contract does not allow.
 *
 * Changing the mode closes every open connection, so a keep-alive connection opened in `pass`
 * mode cannot carry requests past the fault.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type FaultMode = 'pass' | 'refused' | 'reset' | 'slow' | 'nonsense' | 'wrong-shape';

export interface FaultProxy {
  /** Origin of the proxy, e.g. http://127.0.0.1:40123 (stays the same in every mode). */
  readonly url: string;
  readonly mode: FaultMode;
  /** Connections accepted so far (in any mode but `refused`). */
  readonly connections: number;
  setMode(mode: FaultMode): Promise<void>;
  close(): Promise<void>;
}

const NONSENSE = '<html><body>Service temporarily replaced by a teapot \u0000\u0001 {"data": [</body>';
const WRONG_SHAPE = JSON.stringify({ data: { unexpected: true, practices: 'none' }, meta: 42 });

/** Reads the request head, then answers 200 with `body` and closes the connection. */
function answer200(socket: Socket, body: string, contentType: string): void {
  let head = '';
  const onData = (chunk: Buffer): void => {
    head += chunk.toString('latin1');
    if (!head.includes('\r\n\r\n')) return;
    socket.off('data', onData);
    socket.write(`HTTP/1.1 200 OK\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
    socket.end(body);
  };
  socket.on('data', onData);
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const upstreamPort = Number(upstream.port || 80);
  const open = new Set<Socket>();
  let mode: FaultMode = 'pass';
  let connections = 0;
  let server: Server | undefined;
  let port = 0;

  const track = (socket: Socket): Socket => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
    return socket;
  };

  const pipeUpstream = (client: Socket): void => {
    const cms = track(connect(upstreamPort, upstream.hostname));
    client.pipe(cms);
    cms.pipe(client);
    cms.on('close', () => client.destroy());
    client.on('close', () => cms.destroy());
  };

  const onConnection = (client: Socket): void => {
    connections += 1;
    track(client);
    switch (mode) {
      case 'pass':
        pipeUpstream(client);
        return;
      case 'reset':
        client.resetAndDestroy();
        return;
      case 'slow':
        // Read nothing, answer nothing; setMode and close destroy the connection.
        client.pause();
        return;
      case 'nonsense':
        answer200(client, NONSENSE, 'application/json; charset=utf-8');
        return;
      case 'wrong-shape':
        answer200(client, WRONG_SHAPE, 'application/json; charset=utf-8');
        return;
      case 'refused':
        // Not listening in this mode; a connection accepted just before the switch is dropped.
        client.destroy();
        return;
    }
  };

  const listen = async (): Promise<void> => {
    const next = createServer(onConnection);
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  };

  const stopListening = async (): Promise<void> => {
    const current = server;
    server = undefined;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  const dropConnections = (): void => {
    for (const socket of open) socket.destroy();
    open.clear();
  };

  await listen();

  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    get connections() {
      return connections;
    },
    async setMode(next: FaultMode) {
      if (next === mode) return;
      mode = next;
      dropConnections();
      if (next === 'refused') await stopListening();
      else if (!server) await listen();
    },
    async close() {
      dropConnections();
      await stopListening();
    },
  };
}
