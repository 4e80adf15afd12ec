// Opening the connection of a probe step by step — DNS, TCP, CONNECT tunnel, TLS — timing each phase and
// verifying the certificate with Go's rules (verify-peer.ts) so that a rejected one still names its issuer.
import { lookup } from 'node:dns/promises';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import { classifyConnectAnswer, parseConnectAnswer } from '../core/connect-answer.js';
import { classifyNetError, type ProbeFailure } from '../core/probe-cause.js';
import type { HostResolver, ProbeState } from './probe-deadline.js';
import { verifyPeerAsGo } from './verify-peer.js';

/** A probe step failed with a classified cause. */
export class ProbeFailed extends Error {
  constructor(readonly failure: ProbeFailure) {
    super(String(failure.message));
    this.name = 'ProbeFailed';
  }
}

/** Formats host:port, bracketing IPv6 literals. */
export function hostPort(host: string, port: string | number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Runs `step`; any error other than the deadline becomes a ProbeFailed classified in the current phase. */
async function inPhase<T>(state: ProbeState, via: string | undefined, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof ProbeFailed || state.aborted) throw err;
    throw new ProbeFailed(classifyNetError(err, state.phase, { ...state.failureContext(), via }));
  }
}

/**
 * Resolves host (skipped for IP literals) then connects over TCP, trying each address in turn on refusal.
 * In the proxy-connect phase (connecting to a proxy) the phase is kept; otherwise dns → connect.
 */
export async function connectTcp(state: ProbeState, host: string, port: number, via?: string): Promise<Socket> {
  const proxyPhase = state.phase === 'proxy-connect';
  state.address = hostPort(host, port);
  const addresses = await inPhase(state, via, async () => {
    if (isIP(host)) return [host];
    const found = state.resolve
      ? await state.race(state.resolve(host))
      : (await state.race(lookup(host, { all: true }))).map((a) => a.address);
    state.timings.dnsMs = state.elapsed();
    return found;
  });
  if (!proxyPhase) state.phase = 'connect';
  let lastErr: unknown;
  for (const address of addresses) {
    try {
      const socket = await inPhase(state, via, () => openSocket(state, address, port));
      state.timings.connectMs = state.elapsed();
      return socket;
    } catch (err) {
      lastErr = err;
      if (state.aborted || !(err instanceof ProbeFailed) || err.failure.cause === 'timeout') throw err;
    }
  }
  throw lastErr;
}

function openSocket(state: ProbeState, address: string, port: number): Promise<Socket> {
  const socket = netConnect({ host: address, port });
  state.own(() => socket.destroy());
  return state.race(
    new Promise<Socket>((resolve, reject) => {
      socket.once('connect', () => {
        socket.removeListener('error', reject);
        resolve(socket);
      });
      socket.once('error', reject);
    }),
  );
}

/**
 * Sends `CONNECT host:port` over a proxy connection and waits for its answer; only 200 opens the tunnel, as in Go
 * (net/http/transport.go dialConn, CONNECT branch). A refusal keeps the status, reason, challenge and body's first line.
 */
export async function openTunnel(
  state: ProbeState,
  socket: Socket,
  target: string,
  via: string,
  proxyAuth: string | undefined,
): Promise<void> {
  state.phase = 'proxy-connect';
  state.step = 'answer';
  const auth = proxyAuth ? `Proxy-Authorization: ${proxyAuth}\r\n` : '';
  socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\nUser-Agent: Go-http-client/1.1\r\n${auth}\r\n`);
  const { head, rest } = await inPhase(state, via, () => state.race(readConnectHead(socket)));
  const answer = parseConnectAnswer(head);
  if (!answer) {
    const err = Object.assign(new Error('invalid CONNECT response'), { code: 'HPE_INVALID_CONSTANT' });
    throw new ProbeFailed(classifyNetError(err, state.phase, state.failureContext()));
  }
  if (answer.status !== 200) {
    const body = await readSome(socket, rest, answer.contentLength ?? 0);
    throw new ProbeFailed(classifyConnectAnswer(answer, via, target, body));
  }
  if (rest.length > 0) socket.unshift(rest);
  state.step = undefined;
  state.tunnel = true;
}

/** Reads the answer's head up to the blank line; `rest` is what came after it. */
function readConnectHead(socket: Socket): Promise<{ head: string; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end >= 0) done(null, { head: buf.subarray(0, end).toString('latin1'), rest: buf.subarray(end + 4) });
      else if (buf.length > 64 * 1024)
        done(Object.assign(new Error('CONNECT response too large'), { code: 'HPE_HEADER_OVERFLOW' }));
    };
    const onClose = (): void => done(Object.assign(new Error('proxy closed the connection'), { code: 'ECONNRESET' }));
    const done = (err: Error | null, value?: { head: string; rest: Buffer }): void => {
      socket.off('data', onData).off('error', done).off('close', onClose);
      if (err) reject(err);
      else resolve(value!);
    };
    socket.on('data', onData).once('error', done).once('close', onClose);
  });
}

/** Up to 4 KiB of a refusal's body (Content-Length, else what arrives), waiting at most 300 ms: only words to show. */
function readSome(socket: Socket, first: Buffer, length: number): Promise<string> {
  const want = Math.min(length || 4096, 4096);
  return new Promise((resolve) => {
    let buf = first;
    const finish = (): void => {
      clearTimeout(timer);
      socket.off('data', onData).off('end', finish).off('close', finish).off('error', finish);
      resolve(buf.subarray(0, want).toString('utf8'));
    };
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length >= want) finish();
    };
    const timer = setTimeout(finish, buf.length >= want ? 0 : 300);
    socket.on('data', onData).once('end', finish).once('close', finish).once('error', finish);
  });
}

/** Options of the TLS step. */
interface TlsStep {
  host: string;
  port: number;
  ca: string[] | undefined;
  via?: string;
  /** Record the handshake end as tlsMs (false for the TLS hop to an https proxy). */
  record: boolean;
  /** The go whose certificate rules apply (null/undefined: newest). */
  goVersion?: string | null;
  /** Its GODEBUG (x509sha1 before 1.24). */
  godebug?: string;
}

const contexts = new WeakMap<string[], SecureContext>();

/**
 * One TLS context per list of trusted roots: parsing a system bundle (~150 PEMs) costs tens of milliseconds, which
 * tls.connect({ ca }) would pay again for every connection. Undefined roots: Node's defaults.
 */
export function secureContextFor(ca: string[] | undefined): SecureContext | undefined {
  if (!ca) return undefined;
  let ctx = contexts.get(ca);
  if (!ctx) contexts.set(ca, (ctx = createSecureContext({ ca })));
  return ctx;
}

/**
 * TLS over `socket`. The certificate is verified by Go's rules (verify-peer.ts), not by Node's: Node is told to
 * accept anything, so a certificate Go rejects still names its issuer and one Go accepts is never refused.
 */
export async function startTls(state: ProbeState, socket: Socket, step: TlsStep): Promise<TLSSocket> {
  const before = state.phase;
  state.phase = 'tls';
  state.address = hostPort(step.host, step.port);
  const tlsSocket = tlsConnect({
    socket,
    servername: isIP(step.host) ? undefined : step.host,
    secureContext: secureContextFor(step.ca),
    rejectUnauthorized: false,
    ALPNProtocols: ['http/1.1'],
  });
  state.own(() => tlsSocket.destroy());
  await inPhase(state, step.via, () =>
    state.race(
      new Promise<void>((resolve, reject) => {
        tlsSocket.once('secureConnect', () => {
          tlsSocket.removeListener('error', reject);
          resolve();
        });
        tlsSocket.once('error', reject);
      }),
    ),
  );
  const failure = verifyPeerAsGo(tlsSocket, {
    host: step.host,
    ca: step.ca,
    ...(step.goVersion !== undefined ? { goVersion: step.goVersion } : {}),
    ...(step.godebug !== undefined ? { godebug: step.godebug } : {}),
  });
  if (failure) {
    tlsSocket.destroy();
    throw new ProbeFailed(failure);
  }
  if (step.record) state.mark('tlsMs', 'first-byte');
  else state.phase = before;
  return tlsSocket;
}

/**
 * A resolver for one run: each host is looked up once and its answer shared (Go's resolver answers a burst of
 * lookups for the same name; a local resolver that drops part of a burst of hundreds makes probes fail that Go's
 * requests would not). A failed lookup is not kept: the next probe asks again.
 */
export function createRunResolver(o: { noEgress?: boolean } = {}): HostResolver {
  const cache = new Map<string, Promise<string[]>>();
  return (host) => {
    // GOMODCTL_NO_EGRESS=1 (the test suite's hermetic environment): a name other than localhost fails as a name that
    // does not resolve, so no probe of a run under test reaches beyond this machine (IP literals never get here).
    if (o.noEgress && host !== 'localhost') return Promise.reject(noEgressError(host));
    let p = cache.get(host);
    if (!p) {
      p = lookup(host, { all: true }).then((found) => found.map((a) => a.address));
      p.catch(() => cache.delete(host));
      cache.set(host, p);
    }
    return p;
  };
}

/** The error a blocked lookup gives: getaddrinfo's ENOTFOUND, so the probe reports a DNS failure as for a dead name. */
function noEgressError(host: string): Error {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${host} (GOMODCTL_NO_EGRESS=1)`), {
    code: 'ENOTFOUND',
    hostname: host,
  });
}
