// An HTTP forward proxy on 127.0.0.1 (CONNECT tunnels and absolute-URI GETs) for HTTPS_PROXY/HTTP_PROXY tests.
//
// It never resolves names: targets are looked up in `hosts` ("name:port" first, then "name"), loopback literals
// (127.0.0.1, localhost, [::1]) pass through, anything else gets 502 — so nothing ever leaves the machine.
// Go never proxies loopback targets (x/net/http/httpproxy useProxy), so to send the real `go` through this proxy use a
// non-loopback NAME mapped here, e.g. GOPROXY=https://goproxy.corp.test + hosts {'goproxy.corp.test': '127.0.0.1:PORT'}
// + HTTPS_PROXY=<url> + SSL_CERT_FILE=<fault proxy caFile> (the fixture cert covers goproxy.corp.test and *.test).
// gomodctl's own probes must mirror Go's rule (no proxy for loopback), so test them the same way.
//
// Fault modes (opts.fault), for what a corporate proxy does to a CONNECT:
//   refuse          nothing listens on the URL's port (connection refused)
//   silent          accepts the TCP connection, reads the CONNECT, never answers
//   tunnel-silent   answers "200 Connection Established", then relays nothing (reads and drops what it is sent)
//   close           reads the CONNECT, then closes the connection without a word
//   { status, reason?, body?, headers? }   answers the CONNECT with that status (e.g. 403/502 and a text body)
// and opts.auth (+ opts.realm) answers 407 with `Proxy-Authenticate: Basic realm="…"` until the right credentials come.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** Options of startConnectProxy. */
export interface ConnectProxyOptions {
  /** Require Proxy-Authorization: Basic user:pass (else 407 with Proxy-Authenticate). */
  auth?: { user: string; pass: string };
  /** Answer every request 403 Forbidden (a corporate proxy that blocks the destination). */
  refuse?: boolean;
  /** Name (or name:port) → "127.0.0.1:PORT". */
  hosts?: Record<string, string>;
  /** Bound on connecting to the target (default 1500 ms). */
  connectTimeoutMs?: number;
  /** Realm in the 407's Proxy-Authenticate header (default "gomodctl test proxy"). */
  realm?: string;
  /** What the proxy does to every CONNECT instead of tunnelling (see the file comment). */
  fault?: ConnectFault;
}

/** A CONNECT fault mode. */
export type ConnectFault =
  | 'refuse'
  | 'silent'
  | 'tunnel-silent'
  | 'close'
  | { status: number; reason?: string; body?: string; headers?: Record<string, string> };

/** One request seen by the proxy. */
export interface ConnectLogEntry {
  method: string;
  /** CONNECT authority ("name:443") or the absolute URI of a forwarded request. */
  target: string;
  status: number;
  time: number;
  /** Raw headers (proxy-authorization kept for secret tests; never print it). */
  headers: Record<string, string | string[] | undefined>;
}

/** A running forward proxy. */
export interface ConnectProxy {
  /** http://127.0.0.1:PORT (no credentials; add user:pass@ yourself). */
  url: string;
  log: ConnectLogEntry[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Maps "name:port" to "host:port" via the hosts table; null when not allowed. */
function resolveTarget(authority: string, hosts: Record<string, string>): { host: string; port: number } | null {
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(authority);
  if (!m) return null;
  const [, name, port] = m as unknown as [string, string, string];
  const mapped = hosts[authority] ?? hosts[name];
  if (mapped !== undefined) {
    const i = mapped.lastIndexOf(':');
    return { host: mapped.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(mapped.slice(i + 1)) };
  }
  return LOOPBACK.has(name) ? { host: name.replace(/^\[|\]$/g, ''), port: Number(port) } : null;
}

function checkAccess(
  req: IncomingMessage,
  opts: ConnectProxyOptions,
): { status: number; text: string; extra?: string } | null {
  if (opts.refuse) return { status: 403, text: 'Forbidden' };
  if (!opts.auth) return null;
  const want = 'Basic ' + Buffer.from(`${opts.auth.user}:${opts.auth.pass}`).toString('base64');
  if (req.headers['proxy-authorization'] === want) return null;
  return {
    status: 407,
    text: 'Proxy Authentication Required',
    extra: `Proxy-Authenticate: Basic realm="${realmOf(opts)}"\r\n`,
  };
}

function realmOf(opts: ConnectProxyOptions): string {
  return opts.realm ?? 'gomodctl test proxy';
}

/** Starts a forward proxy on 127.0.0.1:0; close() destroys every open tunnel. */
export async function startConnectProxy(opts: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const log: ConnectLogEntry[] = [];
  const sockets = new Set<Socket>();
  const track = (s: Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const entry = (req: IncomingMessage, target: string, status: number): void => {
    log.push({ method: req.method ?? '', target, status, time: Date.now(), headers: { ...req.headers } });
  };
  const server = createServer((req, res) => forward(req, res, opts, entry));
  server.on('connection', track);
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) =>
    tunnel(req, client as Socket, head, opts, entry, track),
  );
  server.on('clientError', (_e, s) => s.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  if (opts.fault === 'refuse') await close(); // the port is released: connecting to it is refused
  return { url, log, close: opts.fault === 'refuse' ? async () => undefined : close };
}

/** Plays a fault mode on a CONNECT; true when it handled the request. */
function playFault(req: IncomingMessage, client: Socket, opts: ConnectProxyOptions, entry: Logger): boolean {
  const f = opts.fault;
  if (f === undefined || f === 'refuse') return false;
  const authority = req.url ?? '';
  client.on('error', () => undefined);
  if (f === 'silent') {
    entry(req, authority, 0);
    client.resume(); // read and drop: the client waits for an answer that never comes
  } else if (f === 'tunnel-silent') {
    entry(req, authority, 200);
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    client.resume();
  } else if (f === 'close') {
    entry(req, authority, 0);
    client.destroy();
  } else {
    entry(req, authority, f.status);
    const body = f.body ?? '';
    const headers = Object.entries({ 'Content-Type': 'text/plain; charset=utf-8', ...f.headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    const reason = f.reason ?? STATUS_REASON[f.status] ?? 'Error';
    client.end(
      `HTTP/1.1 ${f.status} ${reason}\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  return true;
}

const STATUS_REASON: Record<number, string> = {
  403: 'Forbidden',
  407: 'Proxy Authentication Required',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

type Logger = (req: IncomingMessage, target: string, status: number) => void;

function tunnel(
  req: IncomingMessage,
  client: Socket,
  head: Buffer,
  opts: ConnectProxyOptions,
  entry: Logger,
  track: (s: Socket) => void,
): void {
  if (playFault(req, client, opts, entry)) return;
  const authority = req.url ?? '';
  const fail = (status: number, text: string, extra = ''): void => {
    entry(req, authority, status);
    client.end(`HTTP/1.1 ${status} ${text}\r\n${extra}Content-Length: 0\r\n\r\n`);
  };
  const denied = checkAccess(req, opts);
  if (denied) return fail(denied.status, denied.text, denied.extra);
  const target = resolveTarget(authority, opts.hosts ?? {});
  if (!target) return fail(502, 'Bad Gateway');
  const upstream = connect(target.port, target.host);
  track(upstream);
  upstream.setTimeout(opts.connectTimeoutMs ?? 1500, () => upstream.destroy(new Error('connect timeout')));
  let connected = false;
  upstream.once('connect', () => {
    connected = true;
    upstream.setTimeout(0);
    entry(req, authority, 200);
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on('error', () => (connected ? client.destroy() : fail(502, 'Bad Gateway')));
  client.on('error', () => upstream.destroy());
  client.on('close', () => upstream.destroy());
}

function forward(req: IncomingMessage, res: ServerResponse, opts: ConnectProxyOptions, entry: Logger): void {
  const target = req.url ?? '';
  const reply = (status: number, text: string, headers: Record<string, string> = {}): void => {
    entry(req, target, status);
    res.writeHead(status, text, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(`${text}\n`);
  };
  const denied = checkAccess(req, opts);
  if (denied)
    return reply(
      denied.status,
      denied.text,
      denied.status === 407 ? { 'Proxy-Authenticate': `Basic realm="${realmOf(opts)}"` } : {},
    );
  let u: URL;
  try {
    u = new URL(target);
  } catch {
    return reply(400, 'Bad Request');
  }
  const dest = u.protocol === 'http:' ? resolveTarget(`${u.hostname}:${u.port || '80'}`, opts.hosts ?? {}) : null;
  if (!dest) return reply(502, 'Bad Gateway');
  const headers = { ...req.headers };
  delete headers['proxy-authorization'];
  const up = httpRequest(
    {
      host: dest.host,
      port: dest.port,
      method: req.method,
      path: u.pathname + u.search,
      headers,
      timeout: opts.connectTimeoutMs ?? 1500,
    },
    (r) => {
      entry(req, target, r.statusCode ?? 0);
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    },
  );
  up.on('timeout', () => up.destroy(new Error('timeout')));
  up.on('error', () => (res.headersSent ? res.destroy() : reply(502, 'Bad Gateway')));
  req.pipe(up);
}
