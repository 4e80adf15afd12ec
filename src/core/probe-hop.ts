// Every hop named (issue 9): which hop of a probe failed — the HTTP(S) proxy, the DNS lookup or the target — who was
// on the other end, what the proxy did, and what Go itself does at that point (its bound and its error text, from
// test/fixtures/network: the same for Go 1.19, 1.26 and 1.27). A connection through a proxy is never described as a
// TCP connection to the target: through a tunnel the TCP peer is the proxy, the TLS and HTTP peer the target.
import { formatDuration } from './duration.js';
import { Message, type Text } from './i18n/message.js';
import { commonMsg } from './i18n/messages/common.js';
import { goBoundFor, goBoundWords } from './go-net-bounds.js';
import type { FailureContext, ProbeFailure } from './probe-cause.js';
import type { ProbePhase, ProxyAction } from './probe-types.js';

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA', 'EAI_NONAME', 'ESERVFAIL']);

/** What the proxy did, from the error code met while dialling it or waiting for its CONNECT answer. */
function proxyAction(code: string, cause: ProbeFailure['cause']): ProxyAction {
  if (DNS.has(code)) return 'unresolved';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT') return 'unreachable';
  if (cause === 'bad-response') return 'bad-answer';
  if (cause === 'tls') return 'tls';
  return 'closed';
}

/**
 * Go's error text for a failed proxy dial or CONNECT (transport.go dialConn wraps dial errors as "proxyconnect tcp"),
 * with ADDRESS where Go names the resolved address and the resolver left out (Go adds " on RESOLVER:53" at times).
 */
function goProxyError(action: ProxyAction, ctx: FailureContext): string | undefined {
  switch (action) {
    case 'unresolved':
      return `proxyconnect tcp: dial tcp: lookup ${ctx.address.replace(/:\d+$/, '')}: no such host`;
    case 'refused':
      return 'proxyconnect tcp: dial tcp ADDRESS: connect: connection refused';
    case 'closed':
      return ctx.step === 'answer' ? 'unexpected EOF' : undefined;
    default:
      return undefined;
  }
}

/** True when the failure happened on the way to the proxy: dialling it, its own TLS, or its CONNECT answer. */
export function isProxyHop(phase: ProbePhase, ctx: FailureContext): boolean {
  if (!ctx.via) return false;
  return phase === 'proxy-connect' || (phase === 'tls' && !ctx.tunnel);
}

/** Adds hop, peer, proxy finding and Go's own error text to a classified network error. */
export function nameHop(f: ProbeFailure, code: string, phase: ProbePhase, ctx: FailureContext): ProbeFailure {
  if (isProxyHop(phase, ctx)) {
    const action = proxyAction(code, f.cause);
    const error = goProxyError(action, ctx);
    const says = error ? `; Go fails with "${error.replace('ADDRESS', ctx.address)}"` : '';
    return {
      ...f,
      message: f.message + says,
      hop: 'proxy',
      peer: ctx.via,
      proxy: { url: ctx.via!, action },
      ...(error ? { go: { error } } : {}),
    };
  }
  if (f.phase === 'dns') return { ...f, hop: 'dns', peer: ctx.address.replace(/:\d+$/, '') };
  return { ...f, hop: 'target', peer: ctx.target ?? ctx.address };
}

/** Who a message names for the current phase: the proxy, the tunnel through it, or the target. */
export function peerWords(phase: ProbePhase, ctx: FailureContext): Text {
  if (isProxyHop(phase, ctx)) return commonMsg('probe.peer.proxy', { proxy: ctx.via ?? ctx.address });
  if (ctx.tunnel) return commonMsg('probe.peer.tunnel', { target: ctx.target ?? ctx.address, proxy: ctx.via ?? '' });
  return ctx.address;
}

/** The failure of a probe that hit its deadline in `phase`: where it stalled and what Go itself would do there. */
export function timeoutFailure(phase: ProbePhase, timeoutMs: number, ctx: FailureContext): ProbeFailure {
  const t = formatDuration(timeoutMs);
  const bound = goBoundFor(phase, ctx.step);
  const target = ctx.target ?? ctx.address;
  const message = commonMsg('probe.timeout', {
    stall: stallWords(phase, t, ctx, target),
    go: goBoundWords(bound, phase),
  });
  const f: ProbeFailure = { cause: 'timeout', phase, message, go: bound };
  if (isProxyHop(phase, ctx)) {
    const action: ProxyAction = ctx.step === 'answer' ? 'silent' : 'unreachable';
    return { ...f, hop: 'proxy', peer: ctx.via, proxy: { url: ctx.via!, action } };
  }
  if (phase === 'tls' && ctx.tunnel) {
    return { ...f, hop: 'proxy', peer: ctx.via, proxy: { url: ctx.via!, action: 'tunnel-silent' } };
  }
  if (phase === 'dns') return { ...f, hop: 'dns', peer: ctx.address.replace(/:\d+$/, '') };
  return { ...f, hop: 'target', peer: target };
}

/** A timeout failure's message without its clause on what Go does there (for a text that says that itself). */
export function withoutGoWords(m: Text): Text {
  const stall = m instanceof Message && m.key === 'common.probe.timeout' ? m.params.stall : undefined;
  return stall instanceof Message || typeof stall === 'string' ? stall : m;
}

function stallWords(phase: ProbePhase, t: string, ctx: FailureContext, target: string): Text {
  const via = ctx.via ?? '';
  const address = ctx.address;
  if (phase === 'proxy-connect') {
    return ctx.step === 'answer'
      ? commonMsg('probe.stall.connectAnswer', { proxy: via, target, t })
      : commonMsg('probe.stall.proxyConnect', { proxy: via, t });
  }
  if (phase === 'tls' && via && ctx.tunnel) return commonMsg('probe.stall.tunnelTls', { proxy: via, target, t });
  if (phase === 'tls' && via) return commonMsg('probe.stall.proxyTls', { proxy: via, t });
  // Through a proxy the TCP peer is the proxy: a tunnel to the target, or a request the proxy forwards (http URLs).
  const reached = via
    ? ctx.tunnel
      ? commonMsg('probe.reached.tunnel', { target, proxy: via })
      : commonMsg('probe.reached.proxy', { proxy: via, target })
    : commonMsg('probe.reached.direct', { address });
  switch (phase) {
    case 'dns':
      return commonMsg('probe.stall.dns', { host: address.replace(/:\d+$/, ''), t });
    case 'connect':
      return commonMsg('probe.stall.connect', { address, t });
    case 'tls':
      return commonMsg('probe.stall.tls', { address, t });
    case 'first-byte':
      return commonMsg('probe.stall.firstByte', { reached, t });
    default:
      return via
        ? commonMsg('probe.stall.bodyVia', { reached, target, t })
        : commonMsg('probe.stall.body', { target, t });
  }
}
