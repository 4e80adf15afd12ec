// Keep-alive connections of one prober, per route (target origin and the proxy in front of it), as Go's Transport
// keeps idle connections per connectMethodKey (net/http/transport.go connectMethodKey, (*Transport).getConn): the
// first probe of a route opens the connection (and measures dns/connect/tls), later ones reuse it when it is idle.
import type { Socket } from 'node:net';
import type { Client } from 'undici';

/**
 * Idle connections kept per route. Go keeps 2 (net/http DefaultMaxIdleConnsPerHost), but Go speaks HTTP/2 to
 * proxy.golang.org and multiplexes every request on one connection; our probes are HTTP/1.1, one request at a time
 * per connection, and the verdict runs up to 32 at once.
 */
const MAX_IDLE_PER_ROUTE = 16;

/** Where a kept connection leads, restored into the probe state of a request that reuses it. */
export interface RouteContext {
  /** host:port of the target. */
  address: string;
  /** Redacted proxy URL, if the connection goes through one. */
  via?: string;
  /** host:port asked of the proxy by CONNECT. */
  target?: string;
  /** A CONNECT tunnel carries the connection. */
  tunnel: boolean;
}

/** One connection that can carry several requests, one after the other. */
export class PooledConnection {
  private dead = false;

  constructor(
    /** The route (see routeKey). */
    readonly key: string,
    /** The undici client bound to the prepared socket (it never dials itself). */
    readonly client: Client,
    /** The socket undici writes to (TLS or TCP). */
    readonly socket: Socket,
    /** Every socket under it (TCP, a tunnel's TLS), to unref while idle. */
    readonly layers: Socket[],
    readonly context: RouteContext,
    /** Destroys the sockets, last opened first. */
    private readonly teardown: Array<() => void>,
    /** Proxy-Authorization for requests sent in absolute form to an HTTP proxy. */
    readonly proxyAuth?: string,
  ) {
    socket.once('close', () => {
      this.dead = true;
    });
  }

  /** Still usable: neither we nor the server closed it. */
  get alive(): boolean {
    return !this.dead && !this.socket.destroyed && !this.client.destroyed && !this.client.closed;
  }

  /** Keeps (or stops keeping) the process alive for this connection: idle connections must not hold it open. */
  hold(on: boolean): void {
    for (const s of [this.socket, ...this.layers]) {
      if (on) s.ref();
      else s.unref();
    }
  }

  /** Closes the connection for good; safe to call twice. */
  destroy(): void {
    if (this.dead && this.client.destroyed) return;
    this.dead = true;
    void this.client.destroy().catch(() => undefined);
    for (const c of [...this.teardown].reverse()) {
      try {
        c();
      } catch {
        // best effort: a socket that is already gone
      }
    }
  }
}

/** The idle connections of one prober, by route. */
export class ConnectionPool {
  private readonly idle = new Map<string, PooledConnection[]>();
  private readonly open = new Set<PooledConnection>();
  private closed = false;

  /** An idle, still open connection for this route (now in use), or undefined. */
  take(key: string): PooledConnection | undefined {
    const list = this.idle.get(key);
    while (list?.length) {
      const c = list.pop()!;
      if (c.alive) {
        c.hold(true);
        return c;
      }
      this.forget(c);
    }
    return undefined;
  }

  /** Registers a new connection (in use). False when the pool is closed: the caller keeps it to itself. */
  add(c: PooledConnection): boolean {
    if (this.closed) return false;
    this.open.add(c);
    return true;
  }

  /** Hands a connection back after its request ended: kept idle when still open and there is room, else closed. */
  release(c: PooledConnection): void {
    const list = this.idle.get(c.key) ?? [];
    if (this.closed || !c.alive || list.length >= MAX_IDLE_PER_ROUTE) {
      this.forget(c);
      return;
    }
    c.hold(false);
    list.push(c);
    this.idle.set(c.key, list);
  }

  /** Closes a connection that cannot be reused (aborted, broken, body left unread). */
  forget(c: PooledConnection): void {
    this.open.delete(c);
    const list = this.idle.get(c.key);
    if (list?.includes(c)) list.splice(list.indexOf(c), 1);
    c.destroy();
  }

  /** Closes every connection, idle or in use; later connections are not kept. */
  close(): void {
    this.closed = true;
    for (const c of this.open) c.destroy();
    this.open.clear();
    this.idle.clear();
  }
}

/** The route of a request: scheme, host and port of the target, and the proxy URL (credentials included) if any. */
export function routeKey(protocol: string, hostPort: string, proxy: string | null | undefined): string {
  return `${proxy ?? ''} ${protocol}//${hostPort}`;
}
