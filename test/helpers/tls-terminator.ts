// A TLS server on 127.0.0.1 with a chosen certificate chain, relaying the plaintext to an upstream (the plain
// fault proxy), so each certificate case of the x509 differential serves a real Go module proxy.
import { createServer, type TLSSocket } from 'node:tls';
import { connect, type AddressInfo } from 'node:net';

/** Options of startTlsTerminator. */
export interface TlsTerminatorOptions {
  key: string;
  /** The chain the server sends: leaf first, then any intermediates (PEM). */
  cert: string;
  /** host:port of the plain-HTTP upstream. */
  upstream: string;
}

/** A running terminator. */
export interface TlsTerminator {
  port: number;
  address: string;
  close(): Promise<void>;
}

/** Starts the terminator; close() destroys every connection. */
export async function startTlsTerminator(opts: TlsTerminatorOptions): Promise<TlsTerminator> {
  const sockets = new Set<{ destroy(): void }>();
  const i = opts.upstream.lastIndexOf(':');
  // SECLEVEL=0: the SHA-1 case must still be served (the verdict is the client's to give).
  const server = createServer(
    { key: opts.key, cert: opts.cert, ciphers: 'DEFAULT:@SECLEVEL=0' },
    (client: TLSSocket) => {
      const up = connect(Number(opts.upstream.slice(i + 1)), opts.upstream.slice(0, i));
      for (const s of [client, up]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(up).pipe(client);
      client.on('close', () => up.destroy());
      up.on('close', () => client.destroy());
    },
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
