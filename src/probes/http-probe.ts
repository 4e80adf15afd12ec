// The probe engine: one bounded GET that sees the network the way `go` does (HTTPS_PROXY/NO_PROXY, Go's CA roots,
// .netrc) and reports phase timings and, on failure, one classified cause with a sentence the user can act on.
import { Client } from 'undici';
import type { Socket } from 'node:net';
import { getProxyConfig, proxyForUrl } from '../core/http-proxy-env.js';
import { findNetrcEntry } from '../core/netrc.js';
import {
  classifyGoProxyBody,
  classifyNetError,
  classifyStatus,
  timeoutFailure,
  type ProbeFailure,
} from '../core/probe-cause.js';
import { redactSecrets, redactUrl } from '../core/redact.js';
import { UsageError } from '../core/errors.js';
import type { GoProxyBodyKind, NetrcEntry, ProbeResult } from '../core/types.js';
import { DeadlineExceeded, ProbeState } from './probe-deadline.js';
import { ProbeFailed, connectTcp, hostPort, openTunnel, startTls } from './probe-connect.js';

export { classifyGoProxyBody } from '../core/probe-cause.js';

/** Options of one probe. Everything the probe sees is passed in: no global state. */
export interface ProbeOptions {
  /** Wall-clock bound of the whole probe (redirects included). */
  timeoutMs: number;
  /** Environment Go would see (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, REQUEST_METHOD). */
  env: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** Go version for .netrc host matching (go-semantics.md §6.3); null = newest rules. */
  goVersion?: string | null;
  /** Parsed .netrc entries (readNetrc); credentials are sent only over https to matching hosts. */
  netrc?: NetrcEntry[];
  /** Trusted roots (loadGoTrustedCAs().ca); undefined = Node's defaults. */
  ca?: string[];
  /** Read up to this many body bytes into `body` (0/undefined: stop at the response headers). */
  readBody?: number;
  /** Keep the body read by readBody as bytes in `bytes` instead of decoding it into `body` (zips). */
  binary?: boolean;
  /** Return the final response's headers in `headers` (names lower-cased, repeated values joined by ", "). */
  responseHeaders?: boolean;
  /** Check a 2xx body as a Go proxy answer of this kind (implies reading up to 64 KiB); failure → bad-response. */
  expect?: GoProxyBodyKind;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 10; // net/http default, kept by cmd/go (web/http.go checkRedirect)
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Hop {
  status: number;
  contentType?: string;
  location?: string;
  data?: Buffer;
  truncated?: boolean;
  headers?: Record<string, string>;
}

/** Probes `url` with one bounded GET (following up to 10 redirects like Go) and never throws for network faults. */
export async function probeUrl(url: string, opts: ProbeOptions): Promise<ProbeResult> {
  const safeUrl = redactUrl(url);
  let current = parseProbeUrl(url);
  const state = new ProbeState(opts.timeoutMs, opts.signal);
  const ctx: { via?: string; redirects: string[] } = { redirects: [] };
  try {
    for (let hop = 0; ; hop++) {
      const r = await requestOnce(state, current, opts, ctx, hop === 0);
      if (!REDIRECTS.has(r.status) || !r.location)
        return withRedirects(finalResult(state, safeUrl, ctx.via, r, opts), ctx);
      const next = new URL(r.location, current);
      ctx.redirects.push(redactUrl(next.href));
      if (hop + 1 > MAX_REDIRECTS)
        throw new ProbeFailed({
          cause: 'http-status',
          status: r.status,
          message: `${safeUrl}: stopped after 10 redirects`,
        });
      if (current.protocol === 'https:' && next.protocol !== 'https:') {
        const message = `redirected from secure URL ${redactUrl(current.href)} to insecure URL ${redactUrl(next.href)} (Go refuses this)`;
        throw new ProbeFailed({ cause: 'http-status', status: r.status, phase: 'first-byte', message });
      }
      current = next;
    }
  } catch (err) {
    return withRedirects(failureResult(state, safeUrl, ctx.via, toFailure(err, state, opts.timeoutMs, ctx.via)), ctx);
  } finally {
    state.finish();
  }
}

/** The URLs redirected to, in order (redacted), when there were any. */
function withRedirects(r: ProbeResult, ctx: { redirects: string[] }): ProbeResult {
  if (ctx.redirects.length) r.redirects = ctx.redirects;
  return r;
}

function parseProbeUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(
      `"${redactUrl(url)}" is not a valid URL; expected an absolute http(s) URL such as https://proxy.golang.org/github.com/pkg/errors/@v/list.`,
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new UsageError(
      `"${redactUrl(url)}" has scheme ${u.protocol.replace(':', '')}; only http and https can be probed, e.g. https://proxy.golang.org.`,
    );
  }
  return u;
}

function toFailure(err: unknown, state: ProbeState, timeoutMs: number, via: string | undefined): ProbeFailure {
  if (err instanceof ProbeFailed) return err.failure;
  if (err instanceof DeadlineExceeded || state.aborted) {
    if (state.wasCancelled)
      return { cause: 'unknown', phase: state.phase, message: 'probe cancelled before it finished' };
    return timeoutFailure(state.phase, timeoutMs, { address: state.address, via });
  }
  return classifyNetError(err, state.phase, { address: state.address, via });
}

/** Opens the connection (directly or through the proxy Go would use), sends the GET and reads what was asked. */
async function requestOnce(
  state: ProbeState,
  u: URL,
  opts: ProbeOptions,
  ctx: { via?: string },
  first: boolean,
): Promise<Hop> {
  const headers: Record<string, string> = { 'user-agent': 'Go-http-client/1.1', ...opts.headers };
  const auth = authorizationFor(u, opts, first);
  if (auth) headers.authorization = auth;
  const proxy = proxyForUrl(getProxyConfig(opts.env), u.href, opts.goVersion);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  let socket: Socket;
  let path = u.pathname + u.search;
  if (proxy) {
    const p = await openViaProxy(state, proxy, host, port, u.protocol === 'https:', opts, ctx);
    socket = p.socket;
    if (u.protocol === 'http:') {
      path = `http://${u.host}${path}`; // absolute-form request to an HTTP proxy
      if (p.proxyAuth) headers['proxy-authorization'] = p.proxyAuth;
    }
  } else {
    socket = await connectTcp(state, host, port);
    if (u.protocol === 'https:')
      socket = await startTls(state, socket, { host, port, ca: opts.ca, record: true, ...goRules(opts) });
  }
  state.phase = 'first-byte';
  state.address = hostPort(host, port);
  return sendRequest(state, socket, u, path, headers, opts, ctx.via);
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
  const entry = findNetrcEntry(opts.netrc ?? [], u.href, opts.goVersion ?? null);
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
): Promise<{ socket: Socket; proxyAuth?: string }> {
  const via = redactUrl(proxy);
  ctx.via = via;
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
  let socket: Socket = await connectTcp(state, pHost, pPort, via);
  if (p.protocol === 'https:') {
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
  if (!https) return { socket, proxyAuth };
  await openTunnel(state, socket, hostPort(host, port), via, proxyAuth);
  const tls = await startTls(state, socket, { host, port, ca: opts.ca, via, record: true, ...goRules(opts) });
  return { socket: tls };
}

/** The Go whose certificate rules the TLS step applies. */
function goRules(opts: ProbeOptions): { goVersion?: string | null; godebug?: string } {
  return {
    goVersion: opts.goVersion ?? null,
    ...(opts.env.GODEBUG !== undefined ? { godebug: opts.env.GODEBUG } : {}),
  };
}

/** Sends the GET on the prepared socket through an undici Client and reads the body as asked. */
async function sendRequest(
  state: ProbeState,
  socket: Socket,
  u: URL,
  path: string,
  headers: Record<string, string>,
  opts: ProbeOptions,
  via: string | undefined,
): Promise<Hop> {
  let handedOver = false;
  const client = new Client(u.origin, {
    connect: (_o, cb) => {
      if (handedOver) return cb(new Error('probe connection already used'), null);
      handedOver = true;
      // undici must not get the socket synchronously from inside its connect call (it then never writes).
      setImmediate(() => cb(null, socket));
    },
    headersTimeout: 0,
    bodyTimeout: 0,
    pipelining: 1,
  });
  state.own(() => void client.destroy().catch(() => undefined));
  const res = await inRequestPhase(state, via, () =>
    state.race(client.request({ path, method: 'GET', headers, signal: state.signal })),
  );
  state.mark('ttfbMs', 'body');
  const contentType = headerValue(res.headers['content-type']);
  const location = headerValue(res.headers.location);
  const limit = opts.readBody || (opts.expect ? 64 * 1024 : 0);
  const hop: Hop = { status: res.statusCode, contentType, location };
  if (opts.responseHeaders) hop.headers = flatHeaders(res.headers);
  res.body.on('error', () => undefined); // destroying an unread undici body emits an AbortError
  if (limit > 0 && !(REDIRECTS.has(res.statusCode) && location)) {
    Object.assign(hop, await inRequestPhase(state, via, () => state.race(readLimited(res.body, limit))));
  } else res.body.destroy();
  return hop;
}

async function inRequestPhase<T>(state: ProbeState, via: string | undefined, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (state.aborted || err instanceof DeadlineExceeded) throw err;
    throw new ProbeFailed(classifyNetError(err, state.phase, { address: state.address, via }));
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Reads at most `limit` bytes of a body stream (one byte more tells whether it was cut), then stops reading. */
async function readLimited(
  body: AsyncIterable<Buffer> & { destroy(): void },
  limit: number,
): Promise<{ data: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > limit) break;
  }
  body.destroy();
  const all = Buffer.concat(chunks);
  return { data: all.subarray(0, limit), truncated: all.length > limit };
}

function finalResult(
  state: ProbeState,
  url: string,
  via: string | undefined,
  hop: Hop,
  opts: ProbeOptions,
): ProbeResult {
  const result: ProbeResult = {
    url,
    ok: true,
    status: hop.status,
    timings: { ...state.timings, totalMs: state.elapsed() },
  };
  if (via) result.via = via;
  if (hop.data !== undefined) {
    if (opts.binary) result.bytes = new Uint8Array(hop.data);
    else result.body = hop.data.toString('utf8');
    if (hop.truncated) result.truncated = true;
  }
  if (hop.headers) result.headers = hop.headers;
  const failure = classifyStatus(hop.status, url) ?? bodyFailure(hop, opts.expect);
  if (failure) {
    result.ok = false;
    result.cause = failure.cause;
    if (failure.phase) result.phase = failure.phase;
    result.message = redactSecrets(failure.message);
  }
  return result;
}

function bodyFailure(hop: Hop, expect: GoProxyBodyKind | undefined): ProbeFailure | null {
  if (!expect || hop.data === undefined) return null;
  const reason = classifyGoProxyBody(expect, hop.status, hop.contentType, hop.data.toString('utf8'));
  return reason ? { cause: 'bad-response', phase: 'body', message: reason } : null;
}

function failureResult(state: ProbeState, url: string, via: string | undefined, f: ProbeFailure): ProbeResult {
  const result: ProbeResult = {
    url,
    ok: false,
    cause: f.cause,
    message: redactSecrets(f.message),
    timings: { ...state.timings, totalMs: state.elapsed() },
  };
  if (f.phase) result.phase = f.phase;
  if (f.status !== undefined) result.status = f.status;
  if (f.tls) result.tls = f.tls;
  if (via) result.via = via;
  return result;
}
