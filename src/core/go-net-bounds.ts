// What Go itself does when a phase of a request does not finish: the bound cmd/go's HTTP client puts on it and the
// error Go then prints. cmd/go uses a copy of http.DefaultClient (cmd/go/internal/web/http.go
// securityPreservingHTTPClient; 1.21+ securityPreservingDefaultClient), so its transport is http.DefaultTransport
// (net/http/transport.go DefaultTransport): Dialer.Timeout 30 s, TLSHandshakeTimeout 10 s, no ResponseHeaderTimeout,
// no Client.Timeout. The CONNECT exchange with a proxy has its own 1-minute bound (transport.go dialConn, CONNECT
// branch: connectCtx). Read in Go 1.19.8, 1.21.0, 1.22.0, 1.23.0, 1.24.0, 1.25.0, 1.26.8 and 1.27.3: the same values.
// Only GOINSECURE hosts use another client (impatientInsecureHTTPClient, Timeout 5 s), never GOPROXY URLs.
import type { Text } from './i18n/message.js';
import { commonMsg } from './i18n/messages/common.js';
import type { ProbePhase } from './probe-types.js';

/** Go's own bound on one phase and the error it prints when the bound is reached. */
interface GoBound {
  /** Milliseconds after which Go gives up; null when Go sets no limit (it waits while the connection stays open). */
  limitMs: number | null;
  /** The end of Go's error text, as captured from the real go (test/fixtures/network). */
  error?: string;
}

/** Which step of a phase: the proxy's own dial, or waiting for its answer to CONNECT (both in 'proxy-connect'). */
export type ProxyStep = 'dial' | 'answer';

const DIAL_MS = 30_000; // net.Dialer{Timeout: 30 * time.Second} in DefaultTransport: DNS lookup and TCP connect
const TLS_MS = 10_000; // DefaultTransport.TLSHandshakeTimeout
const CONNECT_ANSWER_MS = 60_000; // dialConn: context.WithTimeout(ctx, 1*time.Minute) around the CONNECT round trip

/** Go's bound for a phase; `step` tells the proxy dial from the wait for the CONNECT answer. */
export function goBoundFor(phase: ProbePhase, step?: ProxyStep): GoBound {
  switch (phase) {
    case 'dns':
      return { limitMs: DIAL_MS, error: 'dial tcp: lookup HOST: i/o timeout' };
    case 'connect':
      return { limitMs: DIAL_MS, error: 'dial tcp ADDRESS: i/o timeout' };
    case 'proxy-connect':
      return step === 'answer'
        ? { limitMs: CONNECT_ANSWER_MS, error: 'context deadline exceeded' }
        : { limitMs: DIAL_MS, error: 'proxyconnect tcp: dial tcp ADDRESS: i/o timeout' };
    case 'tls':
      return { limitMs: TLS_MS, error: 'net/http: TLS handshake timeout' };
    case 'first-byte':
    case 'body':
      return { limitMs: null };
  }
}

/**
 * The clause a timeout message ends with: what Go does in that phase. A dial can also end sooner when the operating
 * system gives up first (Windows after about 21 s); that is said too.
 */
export function goBoundWords(bound: GoBound, phase: ProbePhase): Text {
  if (bound.limitMs === null) return commonMsg(phase === 'body' ? 'probe.go.noLimitBody' : 'probe.go.noLimit');
  const dial = phase === 'dns' || phase === 'connect' || bound.error?.startsWith('proxyconnect');
  return commonMsg(dial ? 'probe.go.givesDial' : 'probe.go.gives', {
    limit: seconds(bound.limitMs),
    error: bound.error ?? '',
  });
}

function seconds(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}

/**
 * Go's bounds on the steps before a response, as words for a stall no probe has placed in a step yet: the dial (and,
 * for https, the TLS handshake; through an HTTPS_PROXY, the wait for its CONNECT answer), never the response itself.
 */
export function goBoundsBeforeResponse(
  https: boolean,
  viaProxy: boolean,
): { dial: string; tls?: string; connect?: string } {
  const dial = seconds(DIAL_MS);
  if (!https) return { dial };
  return viaProxy
    ? { dial, tls: seconds(TLS_MS), connect: seconds(CONNECT_ANSWER_MS) }
    : { dial, tls: seconds(TLS_MS) };
}

/**
 * What Go does about a request that has not been answered, from a probe of it: the bound of the phase where the
 * probe stalled, else (no probe, or it stalled after the connection was up) Go's lack of a response limit.
 */
export function goWaitWords(finding?: { phase?: string; go?: { limitMs?: number | null; error?: string } }): Text {
  const go = finding?.go;
  if (go?.limitMs) {
    return commonMsg('probe.go.givesAfter', {
      limit: seconds(go.limitMs),
      where: finding?.phase ? commonMsg('probe.go.inPhase', { phase: finding.phase }) : '',
      with: go.error ? commonMsg('probe.go.withError', { error: go.error }) : '',
    });
  }
  return commonMsg('probe.go.noLimitAny');
}
