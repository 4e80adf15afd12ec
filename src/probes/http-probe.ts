// The probe engine: one bounded GET that sees the network the way `go` does (HTTPS_PROXY/NO_PROXY, Go's CA roots,
// .netrc) and reports phase timings and, on failure, one classified cause with a sentence the user can act on.
import { Client } from 'undici';
import type { Socket } from 'node:net';
import { getProxyConfig, proxyEnvSource, proxyForUrl } from '../core/http-proxy-env.js';
import { findNetrcEntry, goMinorVersion } from '../core/netrc.js';
import { classifyGoProxyBody, classifyNetError, type ProbeFailure } from '../core/probe-cause.js';
import { classifyAnswer, answerWords } from '../core/http-answer.js';
import { goKeepsErrorDetail } from '../core/server-response.js';
import { isHtmlAnswer } from '../core/gateway-page.js';
import { timeoutFailure } from '../core/probe-hop.js';
import { redactSecrets, redactUrl } from '../core/redact.js';
import { UsageError } from '../core/errors.js';
import type { GoProxyBodyKind, NetrcEntry, ProbeResult } from '../core/types.js';
import { GoAuthFatal, type CredentialSource } from '../core/credential-cache.js';
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
  /** GOAUTH as Go runs it (createGoAuth); when given, it replaces `netrc` and a 4xx is retried once like Go. */
  credentials?: CredentialSource;
  /** Trusted roots (loadGoTrustedCAs().ca); undefined = Node's defaults. */
  ca?: string[];
  /** Read up to this many body bytes into `body` (0/undefined: stop at the response headers). */
  readBody?: number;
  /** Check a 2xx body as a Go proxy answer of this kind (implies reading up to 64 KiB); failure → bad-response. */
  expect?: GoProxyBodyKind;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 10; // net/http default, kept by cmd/go (web/http.go checkRedirect)
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Answer {
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

/** Probes `url` with one bounded GET (following up to 10 redirects like Go) and never throws for network faults. */
export async function probeUrl(url: string, opts: ProbeOptions): Promise<ProbeResult> {
  const safeUrl = redactUrl(url);
  let current = parseProbeUrl(url);
  const start = current;
  const state = new ProbeState(opts.timeoutMs, opts.signal);
  const ctx: { via?: string } = {};
  try {
    let auth = start.protocol === 'https:' && opts.credentials ? await opts.credentials.initial(start.href) : null;
    let retried = false;
    for (let hop = 0; ; hop++) {
      const sameHost = current.host === start.host; // net/http copies Authorization only to the same host
      const r = await requestOnce(state, current, opts, ctx, hop === 0, sameHost ? auth : null);
      if (!REDIRECTS.has(r.status) || !r.location) {
        const again: Record<string, string> | null = retried ? null : await goAuthRetry(state, start, r, opts, auth);
        if (!again) return withProxyVariable(finalResult(state, safeUrl, ctx.via, r, opts), opts.env);
        [auth, retried, current, hop] = [again, true, start, -1];
        continue;
      }
      const next = new URL(r.location, current);
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
    return withProxyVariable(failureResult(state, safeUrl, ctx.via, toFailure(err, state, opts.timeoutMs)), opts.env);
  } finally {
    state.finish();
  }
}

/**
 * web/http.go get: an https request answered 4xx is sent once more with the credentials GOAUTH gives for the URL
 * and the response (Go 1.24+). Go resends even when nothing changed; we resend only when the headers differ.
 */
async function goAuthRetry(
  state: ProbeState,
  start: URL,
  r: Answer,
  opts: ProbeOptions,
  before: Record<string, string> | null,
): Promise<Record<string, string> | null> {
  if (!opts.credentials || start.protocol !== 'https:' || r.status < 400 || r.status > 499) return null;
  const res = { status: r.status, statusText: r.statusText, headers: r.headers ?? {} };
  const after = await state.race(opts.credentials.retry(start.href, res));
  return after && JSON.stringify(after) !== JSON.stringify(before) ? after : null;
}

/** Names the variable the failing proxy came from, for fixes that must edit that one (getEnvAny's choice). */
function withProxyVariable(r: ProbeResult, env: ProbeOptions['env']): ProbeResult {
  if (!r.proxy) return r;
  const source = proxyEnvSource(env, r.url.startsWith('https:') ? 'HTTPS_PROXY' : 'HTTP_PROXY');
  if (source) r.proxy = { ...r.proxy, variable: source.name };
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

function toFailure(err: unknown, state: ProbeState, timeoutMs: number): ProbeFailure {
  if (err instanceof ProbeFailed) return err.failure;
  if (err instanceof GoAuthFatal)
    return { cause: 'auth', message: `${err.message} (Go stops here, before any request)` };
  if (err instanceof DeadlineExceeded || state.aborted) {
    if (state.wasCancelled)
      return { cause: 'unknown', phase: state.phase, message: 'probe cancelled before it finished' };
    return timeoutFailure(state.phase, timeoutMs, state.failureContext());
  }
  return classifyNetError(err, state.phase, state.failureContext());
}

/** Opens the connection (directly or through the proxy Go would use), sends the GET and reads what was asked. */
async function requestOnce(
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
    if (u.protocol === 'https:') socket = await startTls(state, socket, { host, port, ca: opts.ca, record: true });
  }
  state.phase = 'first-byte';
  state.address = hostPort(host, port);
  return sendRequest(state, socket, u, path, headers, opts, ctx.via);
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
    socket = await startTls(state, socket, { host: pHost, port: pPort, ca: opts.ca, via, record: false });
    state.phase = 'proxy-connect';
  }
  state.step = undefined;
  if (!https) return { socket, proxyAuth };
  await openTunnel(state, socket, hostPort(host, port), via, proxyAuth);
  const tls = await startTls(state, socket, { host, port, ca: opts.ca, via, record: true });
  return { socket: tls };
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
): Promise<Answer> {
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
  const hop: Answer = {
    status: res.statusCode,
    statusText: res.statusText,
    contentType: headerValue(res.headers['content-type']),
    location: headerValue(res.headers.location),
    challenges: headerList(res.headers['proxy-authenticate']),
    headers: res.headers,
  };
  res.body.on('error', () => undefined); // destroying an unread undici body emits an AbortError
  const limit = opts.readBody || (opts.expect ? 64 * 1024 : 0);
  if (REDIRECTS.has(res.statusCode) && hop.location) res.body.destroy();
  else if (limit > 0) {
    const read = await inRequestPhase(state, via, () => state.race(readLimited(res.body, limit)));
    Object.assign(hop, read, { body: read.raw.toString('utf8') });
  } else if (wantsErrorWords(hop)) {
    // The server's words are a bonus: a body that does not come in time leaves the status as the verdict.
    Object.assign(hop, await readLimited(res.body, ERROR_BODY_BYTES, ERROR_BODY_MS).catch(() => ({})));
  } else res.body.destroy();
  return hop;
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
      if (size >= limit) {
        truncated = true;
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

function finalResult(
  state: ProbeState,
  url: string,
  via: string | undefined,
  hop: Answer,
  opts: ProbeOptions,
): ProbeResult {
  const result: ProbeResult = {
    url,
    ok: true,
    status: hop.status,
    timings: { ...state.timings, totalMs: state.elapsed() },
  };
  if (via) result.via = via;
  if (hop.statusText) result.statusText = hop.statusText;
  if (hop.body !== undefined) result.body = hop.body;
  const answer = { ...hop, body: hop.raw };
  const failure = classifyAnswer(answer, url, via) ?? bodyFailure(hop, opts.expect);
  if (!failure) return result;
  const words = answerWords(answer);
  Object.assign(result, hopFields(failure), words.serverResponse ? { serverResponse: words.serverResponse } : {});
  if (words.gateway) result.gateway = words.gateway;
  result.ok = false;
  result.cause = failure.cause;
  if (failure.phase) result.phase = failure.phase;
  result.message = redactSecrets(failure.message);
  return result;
}

/** The hop fields of a failure, for the result. */
function hopFields(f: ProbeFailure): Partial<ProbeResult> {
  const out: Partial<ProbeResult> = {};
  if (f.hop) out.hop = f.hop;
  if (f.peer) out.peer = f.peer;
  if (f.proxy) out.proxy = f.proxy;
  if (f.go) out.go = f.go;
  return out;
}

function bodyFailure(hop: Answer, expect: GoProxyBodyKind | undefined): ProbeFailure | null {
  if (!expect || hop.body === undefined) return null;
  const reason = classifyGoProxyBody(expect, hop.status, hop.contentType, hop.body);
  return reason ? { cause: 'bad-response', phase: 'body', message: reason, hop: 'target' } : null;
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
  Object.assign(result, hopFields(f));
  return result;
}
