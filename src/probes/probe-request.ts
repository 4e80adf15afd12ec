// One request of a probe: the connection Go would open (direct, or through HTTPS_PROXY/HTTP_PROXY with CONNECT), the
// headers Go would send (its User-Agent, .netrc or GOAUTH credentials), and the answer, read as far as asked.
import { Client } from 'undici';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { getProxyConfig, proxyForUrl } from '../core/http-proxy-env.js';
import { findNetrcEntry } from '../core/netrc.js';
import { goMinorVersion } from '../core/go-version.js';
import { classifyNetError } from '../core/probe-cause.js';
import { redactUrl } from '../core/redact.js';
import { goKeepsErrorDetail } from '../core/server-response.js';
import { isHtmlAnswer } from '../core/gateway-page.js';
import { DeadlineExceeded, type ProbeState } from './probe-deadline.js';
import { ProbeFailed, connectTcp, hostPort, openTunnel, startTls } from './probe-connect.js';
import type { ProbeOptions } from './http-probe.js';
import { PooledConnection, routeKey, type RouteContext } from './connection-pool.js';

/** Statuses that redirect (net/http Client). */
export const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The answer of one request. */
export interface Answer {
  status: number;
  statusText?: string;
  contentType?: string;
  location?: string;
  challenges?: string[];
  headers?: Record<string, string | string[] | undefined>;
  /** What was read of the body. */
  raw?: Buffer;
  truncated?: boolean;
  /** The body as text, when the caller asked for it. */
  body?: string;
}

/** Error bodies are read for the server's words: at most this much, and for at most ERROR_BODY_MS past the headers. */
const ERROR_BODY_BYTES = 16 * 1024;
const ERROR_BODY_MS = 500;

/** Opens the connection (directly or through the proxy Go would use), sends the GET and reads what was asked. */
export async function requestOnce(
  state: ProbeState,
  u: URL,
  opts: ProbeOptions,
  ctx: { via?: string },
  first: boolean,
  goauth: Record<string, string> | null,
): Promise<Answer> {
  Object.assign(state, { via: undefined, target: undefined, step: undefined, tunnel: false }); // per redirect hop
  const headers: Record<string, string> = { 'user-agent': goUserAgent(opts.goVersion), ...opts.headers };
  for (const [k, v] of Object.entries(goauth ?? {})) headers[k.toLowerCase()] = v;
  const auth = headers.authorization ? undefined : authorizationFor(u, opts, first);
  if (auth) headers.authorization = auth;
  const proxy = proxyForUrl(getProxyConfig(opts.env), u.href, opts.goVersion);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const path = proxy && u.protocol === 'http:' ? `http://${u.host}${u.pathname}${u.search}` : u.pathname + u.search; // absolute-form to an HTTP proxy
  const key = routeKey(u.protocol, hostPort(host, port), proxy);
  const kept = opts.pool?.take(key);
  if (kept) {
    try {
      return await onConnection(state, kept, true, path, headers, opts, ctx);
    } catch (err) {
      // net/http/transport.go (*persistConn).shouldRetryRequest: a GET that failed on a reused connection before
      // the first byte of the answer (the server closed it while idle) is sent again on a new connection.
      if (!(err instanceof ReusedConnectionFailed)) throw err;
      Object.assign(state, { via: undefined, target: undefined, step: undefined, tunnel: false, phase: 'dns' });
      delete state.timings.reused;
    }
  }
  const collect = state.collect();
  let socket: Socket;
  const layers: Socket[] = [];
  let proxyAuth: string | undefined;
  if (proxy) {
    const p = await openViaProxy(state, proxy, host, port, u.protocol === 'https:', opts, ctx, layers);
    socket = p.socket;
    if (u.protocol === 'http:') proxyAuth = p.proxyAuth;
  } else {
    socket = await connectTcp(state, host, port);
    if (u.protocol === 'https:') {
      layers.push(socket);
      socket = await startTls(state, socket, { host, port, ca: opts.ca, record: true, ...goRules(opts) });
    }
  }
  const context: RouteContext = { address: hostPort(host, port), tunnel: state.tunnel };
  if (state.via) context.via = state.via;
  if (state.target) context.target = state.target;
  const conn = new PooledConnection(key, handOver(u, socket), socket, layers, context, collect(), proxyAuth);
  if (opts.pool && !opts.pool.add(conn)) conn.destroy();
  return onConnection(state, conn, false, path, headers, opts, ctx);
}

/** A request on a reused connection failed before any answer: it may be sent again on a new one. */
class ReusedConnectionFailed extends Error {}

/** An undici Client over the prepared socket: it never dials, so a connection that is gone is not replaced. */
function handOver(u: URL, socket: Socket): Client {
  let handedOver = false;
  return new Client(u.origin, {
    connect: (_o, cb) => {
      if (handedOver) return cb(new Error('probe connection already used'), null);
      handedOver = true;
      // undici must not get the socket synchronously from inside its connect call (it then never writes).
      setImmediate(() => cb(null, socket));
    },
    headersTimeout: 0,
    bodyTimeout: 0,
    pipelining: 1,
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MS,
  });
}

/** How long an idle connection is kept when the server does not say (net/http Transport IdleConnTimeout is 90 s). */
const KEEP_ALIVE_MS = 30_000;

/** Sends the request on `conn`; the connection goes back to the pool once its answer was read to the end. */
async function onConnection(
  state: ProbeState,
  conn: PooledConnection,
  reused: boolean,
  path: string,
  headers: Record<string, string>,
  opts: ProbeOptions,
  ctx: { via?: string },
): Promise<Answer> {
  const pool = opts.pool;
  const drop = (): void => (pool ? pool.forget(conn) : conn.destroy());
  state.own(drop);
  if (reused) {
    Object.assign(state, conn.context);
    if (conn.context.via) ctx.via = conn.context.via;
    state.timings.reused = true;
  }
  if (conn.proxyAuth) headers['proxy-authorization'] = conn.proxyAuth;
  state.phase = 'first-byte';
  state.address = conn.context.address;
  const sent = { answered: false };
  try {
    const { hop, done } = await sendRequest(state, conn.client, path, headers, opts, ctx.via, sent, !!pool);
    if (pool) {
      state.disown(drop); // from here the pool owns it (done is bounded)
      void done.then((reusable) => (reusable ? pool.release(conn) : pool.forget(conn)));
    }
    return hop;
  } catch (err) {
    if (reused && !sent.answered && !state.aborted && !(err instanceof DeadlineExceeded)) {
      state.disown(drop);
      drop();
      throw new ReusedConnectionFailed('kept-alive connection closed by the server');
    }
    throw err;
  }
}

/** The certificate rules of the go under test: its version and its GODEBUG (x509sha1, x509negativeserial…). */
function goRules(opts: ProbeOptions): { goVersion: string | null; godebug?: string } {
  return {
    goVersion: opts.goVersion ?? null,
    ...(opts.env.GODEBUG !== undefined ? { godebug: opts.env.GODEBUG } : {}),
  };
}

/** cmd/go's User-Agent: Go 1.27 sets its own (web/http.go userAgent); before, net/http's default. */
function goUserAgent(goVersion: string | null | undefined): string {
  const minor = goMinorVersion(goVersion);
  return minor !== null && minor >= 27 ? 'GoCommand/1 (+https://go.dev/cmd/go)' : 'Go-http-client/1.1';
}

/** Basic credentials Go would attach: .netrc for https (Go's host rules), else the URL's userinfo. */
function authorizationFor(u: URL, opts: ProbeOptions, first: boolean): string | undefined {
  const hasUserinfo = u.username !== '' || u.password !== '';
  if (u.protocol === 'http:') {
    if (hasUserinfo) {
      const message = `refusing to pass credentials to insecure URL ${redactUrl(u.href)} (Go never sends them over http; use https)`;
      throw new ProbeFailed({ cause: 'auth', message });
    }
    return undefined;
  }
  const entry = opts.credentials ? null : findNetrcEntry(opts.netrc ?? [], u.href, opts.goVersion ?? null);
  if (entry) return basic(entry.login, entry.password);
  if (hasUserinfo && first) return basic(decodeURIComponent(u.username), decodeURIComponent(u.password));
  return undefined;
}

function basic(user: string, pass: string): string {
  return 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
}

/** Connects to the proxy (TLS for https proxies) and, for https targets, opens a CONNECT tunnel and does TLS in it. */
async function openViaProxy(
  state: ProbeState,
  proxy: string,
  host: string,
  port: number,
  https: boolean,
  opts: ProbeOptions,
  ctx: { via?: string },
  layers: Socket[],
): Promise<{ socket: Socket; proxyAuth?: string }> {
  const via = redactUrl(proxy);
  ctx.via = via;
  state.via = via;
  state.target = hostPort(host, port);
  const p = new URL(proxy);
  if (p.protocol !== 'http:' && p.protocol !== 'https:') {
    throw new ProbeFailed({
      cause: 'proxy',
      phase: 'proxy-connect',
      message: `proxy ${via}: ${p.protocol.replace(':', '')} proxies cannot be probed by gomodctl (only http and https)`,
    });
  }
  const proxyAuth =
    p.username || p.password ? basic(decodeURIComponent(p.username), decodeURIComponent(p.password)) : undefined;
  const pHost = p.hostname.replace(/^\[(.*)\]$/, '$1');
  const pPort = Number(p.port || (p.protocol === 'https:' ? 443 : 80));
  state.phase = 'proxy-connect';
  state.step = 'dial';
  let socket: Socket = await connectTcp(state, pHost, pPort, via);
  if (p.protocol === 'https:') {
    layers.push(socket);
    socket = await startTls(state, socket, {
      host: pHost,
      port: pPort,
      ca: opts.ca,
      via,
      record: false,
      ...goRules(opts),
    });
    state.phase = 'proxy-connect';
  }
  state.step = undefined;
  if (!https) return { socket, proxyAuth };
  await openTunnel(state, socket, hostPort(host, port), via, proxyAuth);
  layers.push(socket);
  const tls = await startTls(state, socket, { host, port, ca: opts.ca, via, record: true, ...goRules(opts) });
  return { socket: tls };
}

/**
 * Sends the GET through the connection's undici Client and reads the body as asked. `done` tells, once the body was
 * read to its end (or given up), whether the connection can carry another request.
 */
async function sendRequest(
  state: ProbeState,
  client: Client,
  path: string,
  headers: Record<string, string>,
  opts: ProbeOptions,
  via: string | undefined,
  sent: { answered: boolean },
  keep: boolean,
): Promise<{ hop: Answer; done: Promise<boolean> }> {
  const res = await inRequestPhase(state, via, () =>
    state.race(client.request({ path, method: 'GET', headers, signal: state.signal })),
  );
  sent.answered = true;
  state.mark('ttfbMs', 'body');
  const hop: Answer = {
    status: res.statusCode,
    statusText: res.statusText,
    contentType: headerValue(res.headers['content-type']),
    location: headerValue(res.headers.location),
    challenges: headerList(res.headers['proxy-authenticate']),
    headers: res.headers,
  };
  const body = res.body;
  body.on('error', () => undefined); // destroying an unread undici body emits an AbortError
  const limit = opts.readBody || (opts.expect ? 64 * 1024 : 0);
  const redirect = REDIRECTS.has(res.statusCode) && hop.location;
  if (!redirect && limit > 0) {
    const read = await inRequestPhase(state, via, () => state.race(readLimited(body, limit)));
    Object.assign(hop, read, { body: read.raw.toString('utf8') });
  } else if (!redirect && wantsErrorWords(hop)) {
    // The server's words are a bonus: a body that does not come in time leaves the status as the verdict.
    Object.assign(hop, await readLimited(body, ERROR_BODY_BYTES, ERROR_BODY_MS).catch(() => ({})));
  } else if (keep) {
    // Read in the background, as Go reads the body of a redirect (net/http/client.go (*Client).do, up to
    // maxBodySlurpSize) and cmd/go every body it asks for: only a body read to its end leaves the connection usable.
    const done = drain(body, headerValue(res.headers['content-length']), redirect ? 2 << 10 : DRAIN_BYTES);
    // A body that is already there (most are a few bytes on one packet) is read before the probe ends, so the next
    // probe of the route finds the connection idle; a slower one goes on in the background.
    await state.race(Promise.race([done, pause(DRAIN_WAIT_MS)])).catch(() => undefined);
    return { hop, done };
  } else body.destroy();
  return { hop, done: Promise.resolve(body.readableEnded) };
}

/** How long a probe waits for the rest of a body it did not ask for before it goes on without it. */
const DRAIN_WAIT_MS = 50;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Bodies left unread by the caller are read (and dropped) up to this much, for at most DRAIN_MS, to keep the connection. */
const DRAIN_BYTES = 64 * 1024;
const DRAIN_MS = 1000;

/** Reads and drops a body up to `limit` bytes (bounded in time); true when it ended within both bounds. */
function drain(body: Readable, contentLength: string | undefined, limit: number): Promise<boolean> {
  if (body.readableEnded) return Promise.resolve(true);
  if (contentLength !== undefined && Number(contentLength) > limit) {
    body.destroy();
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    let size = 0;
    const timer = setTimeout(() => body.destroy(), DRAIN_MS);
    timer.unref();
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) body.destroy();
    });
    body.once('close', () => {
      clearTimeout(timer);
      resolve(body.readableEnded);
    });
    body.resume();
  });
}

/** An error answer whose body Go would print (text/plain) or that may be a gateway page (HTML). */
function wantsErrorWords(a: Answer): boolean {
  return a.status >= 400 && (goKeepsErrorDetail(a.status, a.contentType) || isHtmlAnswer(a.contentType, ''));
}

async function inRequestPhase<T>(state: ProbeState, via: string | undefined, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (state.aborted || err instanceof DeadlineExceeded) throw err;
    throw new ProbeFailed(classifyNetError(err, state.phase, { ...state.failureContext(), ...(via ? { via } : {}) }));
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Reads at most `limit` bytes of a body stream (for at most `ms` when given), then stops reading. */
async function readLimited(
  body: AsyncIterable<Buffer> & { destroy(): void },
  limit: number,
  ms?: number,
): Promise<{ raw: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const stop = (): void => {
    truncated = true;
    body.destroy();
  };
  const timer = ms === undefined ? undefined : setTimeout(stop, ms);
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) {
        truncated = true; // one chunk past the limit tells that the body was cut
        break;
      }
    }
  } catch (err) {
    if (!truncated || ms === undefined) throw err; // our own timer stopped it: keep what arrived
  } finally {
    clearTimeout(timer);
  }
  body.destroy();
  return { raw: Buffer.concat(chunks).subarray(0, limit), truncated };
}

function headerList(v: string | string[] | undefined): string[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}
