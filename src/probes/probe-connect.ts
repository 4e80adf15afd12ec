// Opening the connection of a probe step by step — DNS, TCP, CONNECT tunnel, TLS — timing each phase and
// verifying the certificate with Go's rules (verify-peer.ts) so that a rejected one still names its issuer.
import { lookup } from 'node:dns/promises';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import { classifyConnectStatus, classifyNetError, type ProbeFailure } from '../core/probe-cause.js';
import type { ProbeState } from './probe-deadline.js';
import { verifyPeerAsGo } from './verify-peer.js';

/** A probe step failed with a classified cause. */
export class ProbeFailed extends Error {
  constructor(readonly failure: ProbeFailure) {
    super(failure.message);
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
    throw new ProbeFailed(classifyNetError(err, state.phase, { address: state.address, via }));
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
    const found = await state.race(lookup(host, { all: true }));
    state.timings.dnsMs = state.elapsed();
    return found.map((a) => a.address);
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

/** Sends `CONNECT host:port` over a proxy connection and waits for a 2xx (transport.go dialConn CONNECT branch). */
export async function openTunnel(
  state: ProbeState,
  socket: Socket,
  target: string,
  via: string,
  proxyAuth: string | undefined,
): Promise<void> {
  state.phase = 'proxy-connect';
  const auth = proxyAuth ? `Proxy-Authorization: ${proxyAuth}\r\n` : '';
  socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\nUser-Agent: Go-http-client/1.1\r\n${auth}\r\n`);
  const status = await inPhase(state, via, () => state.race(readConnectStatus(socket)));
  if (status < 200 || status > 299) throw new ProbeFailed(classifyConnectStatus(status, via, target));
}

function readConnectStatus(socket: Socket): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buf.length > 64 * 1024)
          done(Object.assign(new Error('CONNECT response too large'), { code: 'HPE_HEADER_OVERFLOW' }));
        return;
      }
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(buf.subarray(0, end).toString('latin1'));
      if (end + 4 < buf.length) socket.unshift(buf.subarray(end + 4));
      if (!m) done(Object.assign(new Error('invalid CONNECT response'), { code: 'HPE_INVALID_CONSTANT' }));
      else done(null, Number(m[1]));
    };
    const onClose = (): void => done(Object.assign(new Error('proxy closed the connection'), { code: 'ECONNRESET' }));
    const done = (err: Error | null, status?: number): void => {
      socket.off('data', onData).off('error', done).off('close', onClose);
      if (err) reject(err);
      else resolve(status!);
    };
    socket.on('data', onData).once('error', done).once('close', onClose);
  });
}

/** Options of the TLS step. */
export interface TlsStep {
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
