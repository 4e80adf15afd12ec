// The probe engine: one bounded GET that sees the network the way `go` does (HTTPS_PROXY/NO_PROXY, Go's CA roots,
// .netrc or GOAUTH) and reports phase timings and, on failure, one classified cause with a sentence the user can
// act on, naming the hop that failed. One request's connection and reading: probe-request.ts.
import { proxyEnvSource } from '../core/http-proxy-env.js';
import { classifyNetError, type ProbeFailure } from '../core/probe-cause.js';
import { classifyGoProxyBody } from '../core/proxy-body.js';
import { classifyAnswer, answerWords } from '../core/http-answer.js';
import { timeoutFailure } from '../core/probe-hop.js';
import { redactSecrets, redactUrl } from '../core/redact.js';
import { mapVerbatim } from '../core/i18n/message.js';
import { commonMsg } from '../core/i18n/messages/common.js';
import { UsageError } from '../core/errors.js';
import type { GoProxyBodyKind, ProbeResult } from '../core/probe-types.js';
import type { NetrcEntry } from '../core/netrc.js';
import { GoAuthFatal, type CredentialSource } from '../core/credential-cache.js';
import { DeadlineExceeded, ProbeState, type HostResolver } from './probe-deadline.js';
import { ProbeFailed } from './probe-connect.js';
import type { ConnectionPool } from './connection-pool.js';
import { REDIRECTS, requestOnce, type Answer } from './probe-request.js';

/** Options of one probe. Everything the probe sees is passed in: no global state. */
export interface ProbeOptions {
  /** Wall-clock bound of the whole probe (redirects included). */
  timeoutMs: number;
  /** Environment Go would see (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, REQUEST_METHOD). */
  env: Record<string, string | undefined>;
  /** Go version for .netrc host matching (core/netrc.ts findNetrcEntry); null = newest rules. */
  goVersion?: string | null;
  /** Parsed .netrc entries (readNetrc); credentials are sent only over https to matching hosts. */
  netrc?: NetrcEntry[];
  /** GOAUTH as Go runs it (createGoAuth); when given, it replaces `netrc` and a 4xx is retried once like Go. */
  credentials?: CredentialSource;
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
  /** The run's shared resolver (createRunResolver); unset: one lookup per connection. */
  resolve?: HostResolver;
  /** The prober's kept-alive connections (one per route reused when idle); unset: a new connection per request. */
  pool?: ConnectionPool;
}

const MAX_REDIRECTS = 10; // net/http default, kept by cmd/go (web/http.go checkRedirect)

/** Probes `url` with one bounded GET (following up to 10 redirects like Go) and never throws for network faults. */
export async function probeUrl(url: string, opts: ProbeOptions): Promise<ProbeResult> {
  const safeUrl = redactUrl(url);
  let current = parseProbeUrl(url);
  const start = current;
  const state = new ProbeState(opts.timeoutMs, opts.signal);
  if (opts.resolve) state.resolve = opts.resolve;
  const ctx: { via?: string; redirects: string[] } = { redirects: [] };
  try {
    let auth = start.protocol === 'https:' && opts.credentials ? await opts.credentials.initial(start.href) : null;
    let retried = false;
    for (let hop = 0; ; hop++) {
      const sameHost = current.host === start.host; // net/http copies Authorization only to the same host
      const r = await requestOnce(state, current, opts, ctx, hop === 0, sameHost ? auth : null);
      if (!REDIRECTS.has(r.status) || !r.location) {
        const again: Record<string, string> | null = retried ? null : await goAuthRetry(state, start, r, opts, auth);
        if (!again)
          return withRedirects(withProxyVariable(finalResult(state, safeUrl, ctx.via, r, opts), opts.env), ctx);
        [auth, retried, current, hop] = [again, true, start, -1];
        continue;
      }
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
    const failed = failureResult(state, safeUrl, ctx.via, toFailure(err, state, opts.timeoutMs));
    return withRedirects(withProxyVariable(failed, opts.env), ctx);
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
    return { cause: 'auth', message: commonMsg('goauth.goStops', { error: err.message }) };
  if (err instanceof DeadlineExceeded || state.aborted) {
    if (state.wasCancelled) return { cause: 'unknown', phase: state.phase, message: commonMsg('probe.cancelled') };
    return timeoutFailure(state.phase, timeoutMs, state.failureContext());
  }
  return classifyNetError(err, state.phase, state.failureContext());
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
  if (hop.raw !== undefined && opts.readBody) {
    if (opts.binary) result.bytes = new Uint8Array(hop.raw);
    else result.body = hop.body ?? hop.raw.toString('utf8');
    if (hop.truncated) result.truncated = true;
  } else if (hop.body !== undefined) result.body = hop.body;
  if (opts.responseHeaders && hop.headers) result.headers = flatHeaders(hop.headers);
  const answer = { ...hop, body: hop.raw };
  const failure = classifyAnswer(answer, url, via) ?? bodyFailure(hop, opts.expect);
  if (!failure) return result;
  const words = answerWords(answer);
  Object.assign(result, hopFields(failure), words.serverResponse ? { serverResponse: words.serverResponse } : {});
  if (words.gateway) result.gateway = words.gateway;
  result.ok = false;
  result.cause = failure.cause;
  if (failure.phase) result.phase = failure.phase;
  result.message = mapVerbatim(failure.message, redactSecrets);
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

/** The URLs redirected to, in order (redacted), when there were any. */
function withRedirects(r: ProbeResult, ctx: { redirects: string[] }): ProbeResult {
  if (ctx.redirects.length) r.redirects = ctx.redirects;
  return r;
}

/** Response headers with lower-case names, repeated values joined by ", ". */
function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function failureResult(state: ProbeState, url: string, via: string | undefined, f: ProbeFailure): ProbeResult {
  const result: ProbeResult = {
    url,
    ok: false,
    cause: f.cause,
    message: mapVerbatim(f.message, redactSecrets),
    timings: { ...state.timings, totalMs: state.elapsed() },
  };
  if (f.phase) result.phase = f.phase;
  if (f.status !== undefined) result.status = f.status;
  if (f.tls) result.tls = f.tls;
  if (via) result.via = via;
  Object.assign(result, hopFields(f));
  return result;
}
