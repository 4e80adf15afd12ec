// The Go-shaped ClientHello check: over raw sockets, send the ClientHello the running Go would send (its size and
// key-share shape) and, beside it, the one Go sends with the fix applied; any ServerHello, HelloRetryRequest or
// alert proves the bytes passed. Runs inside the CONNECT tunnel when Go would use HTTPS_PROXY for the URL.
import { createECDH, randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { getProxyConfig, proxyForUrl } from '../core/http-proxy-env.js';
import { errorCode, type ProbeFailure } from '../core/probe-cause.js';
import { timeoutFailure } from '../core/probe-hop.js';
import { redactUrl } from '../core/redact.js';
import { buildClientHello, keyShareData, readServerAnswer } from '../core/tls/client-hello.js';
import { GROUP, type HelloShape } from '../core/tls/go-hello-shape.js';
import {
  helloFixLines,
  helloVerdict,
  largeHelloFailure,
  planHelloCheck,
  type HelloOutcome,
  type HelloVerdict,
} from '../core/tls/hello-check.js';
import { ProbeFailed, connectTcp, createRunResolver, hostPort, openTunnel, startTls } from './probe-connect.js';
import { DeadlineExceeded, ProbeState } from './probe-deadline.js';

/** Options of checkClientHello. */
interface HelloCheckOptions {
  /** Version of the go that will connect ("go1.26.8"); null = newest rules. */
  goVersion: string | null;
  /** The GODEBUG environment value go will run with. */
  godebug?: string;
  /** Environment for the proxy decision (HTTPS_PROXY, NO_PROXY); ignored when `via` is given. */
  env?: Record<string, string | undefined>;
  /** Proxy URL to tunnel through (null: direct), instead of deciding from `env`. */
  via?: string | null;
  /** Bound of each hello, connection included. */
  timeoutMs: number;
  /** Roots for the TLS hop to an https:// proxy (loadGoTrustedCAs().ca). */
  ca?: string[];
  platform?: NodeJS.Platform;
  signal?: AbortSignal;
}

/** Result of the check. */
export interface HelloCheckResult {
  /** Go's own ClientHello got an answer (also true when the endpoint could not be reached: nothing to say then). */
  ok: boolean;
  verdict: HelloVerdict | 'unreachable';
  /** Size of the first record Go sends (header included). */
  largeBytes: number;
  /** Size of the first record Go sends with the fix, when that hello was sent. */
  smallBytes?: number;
  outcomes: { go: HelloOutcome | 'unreachable'; fixed?: HelloOutcome | 'unreachable' };
  /** Redacted proxy URL when the hellos went through a CONNECT tunnel. */
  via?: string;
  /** For large-dropped: the failure (cause tls, phase tls); for unreachable: why the connection failed. */
  failure?: ProbeFailure;
  /** For large-dropped: the GODEBUG fix lines. */
  fix?: string[];
}

interface Attempt {
  outcome: HelloOutcome | 'unreachable';
  failure?: ProbeFailure;
}

/** Runs the check for the host of an https URL (only host and port are used; the port defaults to 443). */
export async function checkClientHello(url: string, opts: HelloCheckOptions): Promise<HelloCheckResult> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(u.port || 443);
  const proxy = opts.via !== undefined ? opts.via : proxyForUrl(getProxyConfig(opts.env ?? {}), u.href, opts.goVersion);
  const plan = planHelloCheck(opts.goVersion, opts.godebug);
  const large = helloBytes(plan.go, u.hostname);
  const small = plan.fix ? helloBytes(plan.fix.shape, u.hostname) : undefined;
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  const run = (bytes: Uint8Array, s: AbortSignal | undefined): Promise<Attempt> =>
    sendHello({ host, port, proxy, bytes, opts: { ...opts, signal: s } });
  const fixed = small ? run(small, signal) : undefined;
  const goAttempt = await run(large, opts.signal);
  if (goAttempt.outcome === 'answered') stop.abort();
  const fixAttempt = await fixed;
  const result: HelloCheckResult = {
    ok: true,
    verdict: 'ok',
    largeBytes: large.length,
    outcomes: { go: goAttempt.outcome },
  };
  if (small) result.smallBytes = small.length;
  if (fixAttempt && goAttempt.outcome !== 'answered') result.outcomes.fixed = fixAttempt.outcome;
  if (proxy) result.via = redactUrl(proxy);
  return decide(result, goAttempt, fixAttempt, { host, port, plan, opts });
}

function decide(
  r: HelloCheckResult,
  go: Attempt,
  fixed: Attempt | undefined,
  c: { host: string; port: number; plan: ReturnType<typeof planHelloCheck>; opts: HelloCheckOptions },
): HelloCheckResult {
  // A connection that failed before Go's hello was sent says nothing about the hello.
  if (go.outcome === 'unreachable') {
    r.verdict = 'unreachable';
    if (go.failure) r.failure = go.failure;
    return r;
  }
  const verdict = helloVerdict(go.outcome, fixed && asOutcome(fixed.outcome));
  r.verdict = verdict;
  r.ok = verdict !== 'large-dropped';
  if (verdict !== 'large-dropped' || !c.plan.fix || r.smallBytes === undefined) return r;
  const outcome = go.outcome === 'reset' || go.outcome === 'closed' ? go.outcome : 'silent';
  r.failure = largeHelloFailure({
    address: hostPort(c.host, c.port),
    ...(r.via ? { via: r.via } : {}),
    goVersion: c.opts.goVersion,
    largeBytes: r.largeBytes,
    smallBytes: r.smallBytes,
    outcome,
  });
  r.fix = helloFixLines(c.plan.fix, c.opts.goVersion, c.opts.platform ?? process.platform);
  return r;
}

// The fixed hello's connection failing is no answer either.
function asOutcome(o: HelloOutcome | 'unreachable'): HelloOutcome {
  return o === 'unreachable' ? 'silent' : o;
}

/** Builds one hello with fresh random material; ECDH parts other than X25519 are real public keys. */
function helloBytes(shape: HelloShape, serverName: string): Uint8Array {
  return buildClientHello(shape, serverName.replace(/^\[(.*)\]$/, '$1'), {
    random: (n) => randomBytes(n),
    keyShare: (group, bytes) => {
      const curve = ECDH_CURVES[group];
      if (curve) return createECDH(curve).generateKeys();
      const data = keyShareData(group, bytes, (n) => randomBytes(n));
      // SecP256r1MLKEM768: a real P-256 point first, then the ML-KEM key.
      if (group === GROUP.secp256r1MLKEM768) data.set(createECDH('prime256v1').generateKeys(), 0);
      return data;
    },
  });
}

const ECDH_CURVES: Record<number, string> = {
  [GROUP.p256]: 'prime256v1',
  [GROUP.p384]: 'secp384r1',
  [GROUP.p521]: 'secp521r1',
};

interface HelloSend {
  host: string;
  port: number;
  proxy: string | null;
  bytes: Uint8Array;
  opts: HelloCheckOptions;
}

/** Connects (directly or through the proxy's CONNECT tunnel), sends one hello and waits for the first answer. */
async function sendHello(s: HelloSend): Promise<Attempt> {
  const state = new ProbeState(s.opts.timeoutMs, s.opts.signal);
  // The same name resolution as the prober's (GOMODCTL_NO_EGRESS=1 keeps the suite's hellos on this machine).
  state.resolve = createRunResolver({ noEgress: s.opts.env?.GOMODCTL_NO_EGRESS === '1' });
  try {
    const socket = await openPath(state, s);
    state.phase = 'tls';
    state.address = hostPort(s.host, s.port);
    return { outcome: await state.race(exchange(socket, s.bytes)) };
  } catch (err) {
    if (err instanceof ProbeFailed) return { outcome: 'unreachable', failure: err.failure };
    if (err instanceof DeadlineExceeded || state.aborted) {
      if (state.phase === 'tls') return { outcome: 'silent' };
      const via = s.proxy ? redactUrl(s.proxy) : undefined;
      const failure = timeoutFailure(state.phase, s.opts.timeoutMs, {
        ...state.failureContext(),
        ...(via ? { via } : {}),
      });
      return { outcome: 'unreachable', failure };
    }
    throw err;
  } finally {
    state.finish();
  }
}

async function openPath(state: ProbeState, s: HelloSend): Promise<Socket> {
  if (!s.proxy) return connectTcp(state, s.host, s.port);
  const p = new URL(s.proxy);
  const via = redactUrl(s.proxy);
  const pHost = p.hostname.replace(/^\[(.*)\]$/, '$1');
  const pPort = Number(p.port || (p.protocol === 'https:' ? 443 : 80));
  state.phase = 'proxy-connect';
  let socket: Socket = await connectTcp(state, pHost, pPort, via);
  if (p.protocol === 'https:') {
    socket = await startTls(state, socket, { host: pHost, port: pPort, ca: s.opts.ca, via, record: false });
  }
  const auth =
    p.username || p.password
      ? `Basic ${Buffer.from(`${decodeURIComponent(p.username)}:${decodeURIComponent(p.password)}`).toString('base64')}`
      : undefined;
  await openTunnel(state, socket, hostPort(s.host, s.port), via, auth);
  return socket;
}

const RESETS = new Set(['ECONNRESET', 'EPIPE']);

/** Writes the hello and resolves with what the first bytes back say. */
function exchange(socket: Socket, hello: Uint8Array): Promise<HelloOutcome> {
  return new Promise<HelloOutcome>((resolve) => {
    let buf = Buffer.alloc(0);
    const done = (o: HelloOutcome): void => {
      socket.off('data', onData).off('error', onError).off('close', onClose);
      resolve(o);
    };
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      const answer = readServerAnswer(buf);
      if (answer) done(answer.kind === 'not-tls' ? 'not-tls' : 'answered');
    };
    const onError = (err: unknown): void => done(RESETS.has(errorCode(err)) ? 'reset' : 'closed');
    // A partial TLS record before the close still came from a TLS server.
    const onClose = (): void =>
      done(buf.length === 0 ? 'closed' : buf[0] === 0x15 || buf[0] === 0x16 ? 'answered' : 'not-tls');
    socket.on('data', onData).once('error', onError).once('close', onClose);
    socket.write(hello);
  });
}
