// A loopback HTTP server that answers every request with one fixed answer — status, reason phrase, Content-Type and
// body — like a gateway, captive portal or login page in front of a module proxy. For "server words" tests: the real
// `go` and our probe read the same answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The fixed answer. */
export interface GatewayAnswer {
  status: number;
  /** Reason phrase (default: Node's standard one). */
  reason?: string;
  contentType?: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** A running gateway server. */
export interface GatewayServer {
  url: string;
  /** Paths requested, in order. */
  log: string[];
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1:0. */
export async function startGatewayServer(answer: GatewayAnswer): Promise<GatewayServer> {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    log.push(req.url ?? '');
    const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
    const headers = { ...(answer.contentType ? { 'Content-Type': answer.contentType } : {}), ...answer.headers };
    if (answer.reason !== undefined) res.writeHead(answer.status, answer.reason, headers);
    else res.writeHead(answer.status, headers);
    res.end(body);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    log,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
