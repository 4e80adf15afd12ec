// A loopback TCP relay in front of a TLS server that logs the first TLS record of every connection and, like the
// firewalls that drop the second packet of a large ClientHello, swallows connections whose first record is larger
// than a limit: it never forwards a byte and never answers (or resets, with swallow: 'reset').
//
// API
//   const m = await startTlsMiddlebox({ upstream: '127.0.0.1:PORT', maxFirstRecord: 1200 })
//   m.port / m.address     where to connect (127.0.0.1)
//   m.log                  per connection: { bytes: first record size (header included), record, swallowed }
//   m.waitFor(n)           resolves when n connections have sent their first record
//   m.close()              closes the listener and destroys every connection (swallowed ones included)
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { firstRecordLength } from './tls-record.js';

/** Options of startTlsMiddlebox. */
export interface TlsMiddleboxOptions {
  /** host:port of the TLS server behind the relay; without it every connection is closed after its first record. */
  upstream?: string;
  /** Swallow connections whose first record is larger than this many bytes (default: never). */
  maxFirstRecord?: number;
  /** What a swallowed connection gets: silence until close() (default) or a TCP reset. */
  swallow?: 'hang' | 'reset';
}

/** One connection seen by the middlebox. */
export interface MiddleboxEntry {
  /** Size of the first record, 5-byte header included. */
  bytes: number;
  /** The first record as received. */
  record: Buffer;
  swallowed: boolean;
}

/** A running middlebox. */
export interface TlsMiddlebox {
  port: number;
  address: string;
  log: MiddleboxEntry[];
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts the relay on 127.0.0.1:0. */
export async function startTlsMiddlebox(opts: TlsMiddleboxOptions = {}): Promise<TlsMiddlebox> {
  const log: MiddleboxEntry[] = [];
  const sockets = new Set<Socket>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const track = (s: Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };
  const record = (entry: MiddleboxEntry): void => {
    log.push(entry);
    for (const w of [...waiters]) {
      if (log.length < w.count) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  const server = createServer((client) => {
    track(client);
    onFirstRecord(client, (first, rest) => {
      const swallowed = opts.maxFirstRecord !== undefined && first.length > opts.maxFirstRecord;
      record({ bytes: first.length, record: first, swallowed });
      if (swallowed) {
        if (opts.swallow === 'reset') client.resetAndDestroy();
        else client.resume(); // read and drop everything, answer nothing
        return;
      }
      if (!opts.upstream) return void client.destroy();
      relay(client, Buffer.concat([first, rest]), opts.upstream, track);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    address: `127.0.0.1:${port}`,
    log,
    waitFor: (count) =>
      new Promise<void>((resolve) => (log.length >= count ? resolve() : waiters.push({ count, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** Buffers a connection's bytes until its first TLS record is complete. */
function onFirstRecord(client: Socket, done: (first: Buffer, rest: Buffer) => void): void {
  let buf = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    buf = Buffer.concat([buf, chunk]);
    const len = firstRecordLength(buf);
    if (len === null || buf.length < len) return;
    client.off('data', onData);
    client.pause();
    done(buf.subarray(0, len), buf.subarray(len));
  };
  client.on('data', onData);
}

function relay(client: Socket, head: Buffer, upstream: string, track: (s: Socket) => void): void {
  const i = upstream.lastIndexOf(':');
  const server = connect(Number(upstream.slice(i + 1)), upstream.slice(0, i));
  track(server);
  server.once('connect', () => {
    server.write(head);
    server.pipe(client);
    client.pipe(server);
    client.resume();
  });
  server.on('close', () => client.destroy());
  client.on('close', () => server.destroy());
}
