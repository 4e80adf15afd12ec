// Pure classification of what went wrong in a probe: Node/undici error codes and HTTP statuses become one ProbeCause,
// the phase it happened in, the hop that failed and one sentence a user can act on (TLS: tls-cause.ts; answer bodies:
// proxy-body.ts; timeouts and hops: probe-hop.ts; CONNECT answers: connect-answer.ts).
import type { Text } from './i18n/message.js';
import { commonMsg } from './i18n/messages/common.js';
import type { ProxyStep } from './go-net-bounds.js';
import { isProxyHop, nameHop, peerWords } from './probe-hop.js';
import type { ProbeCause, ProbeHop, ProbePhase, ProbeResult, ProxyFinding } from './probe-types.js';

/** A classified failure: cause, phase, one-sentence message, the hop that failed, and TLS details when relevant. */
export interface ProbeFailure {
  cause: ProbeCause;
  phase?: ProbePhase;
  message: Text;
  status?: number;
  tls?: ProbeResult['tls'];
  hop?: ProbeHop;
  peer?: string;
  proxy?: ProxyFinding;
  go?: ProbeResult['go'];
}

/** Where the failing connection went: "host:port" of the target or the proxy (already redacted). */
export interface FailureContext {
  /** host:port being connected to in this phase (the proxy's address in proxy phases). */
  address: string;
  /** Redacted proxy URL when the request went through HTTPS_PROXY/HTTP_PROXY. */
  via?: string;
  /** host:port of the target, when it differs from `address` (through a proxy). */
  target?: string;
  /** In the proxy-connect phase: dialling the proxy, or waiting for its answer to CONNECT. */
  step?: ProxyStep;
  /** A CONNECT tunnel is open: the TCP peer is the proxy, the TLS and HTTP peer is the target. */
  tunnel?: boolean;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA', 'EAI_NONAME', 'ESERVFAIL']);
const RESET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_SOCKET_CLOSED',
]);

/** The error code of a Node/undici error (also looks at `cause`), or "". */
export function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; cause?: unknown };
    if (typeof e.code === 'string') return e.code;
    if (e.cause) return errorCode(e.cause);
  }
  return '';
}

/** Classifies a network error thrown in `phase` into a cause, a sentence and the hop that failed. */
export function classifyNetError(err: unknown, phase: ProbePhase, ctx: FailureContext): ProbeFailure {
  const code = errorCode(err);
  return nameHop(classifyCode(err, code, phase, ctx), code, phase, ctx);
}

function classifyCode(err: unknown, code: string, phase: ProbePhase, ctx: FailureContext): ProbeFailure {
  const proxyHop = isProxyHop(phase, ctx);
  const who = peerWords(phase, ctx);
  if (DNS_CODES.has(code)) {
    const host = ctx.address.replace(/:\d+$/, '');
    const why = commonMsg(code === 'EAI_AGAIN' ? 'probe.dns.again' : 'probe.dns.noSuchHost');
    const what = proxyHop ? commonMsg('probe.dns.proxyHost', { proxy: ctx.via ?? '' }) : host;
    return {
      cause: proxyHop ? 'proxy' : 'dns',
      phase: proxyHop ? phase : 'dns',
      message: commonMsg('probe.dns', { host: what, why }),
    };
  }
  if (code === 'ECONNREFUSED') {
    return { cause: proxyHop ? 'proxy' : 'refused', phase, message: commonMsg('probe.refused', { peer: who }) };
  }
  if (code === 'ETIMEDOUT') {
    return { cause: 'timeout', phase, message: commonMsg('probe.connectTimeout', { peer: who }) };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    const why = commonMsg(code === 'EHOSTUNREACH' ? 'probe.noRoute' : 'probe.netUnreachable');
    return {
      cause: proxyHop ? 'proxy' : 'unknown',
      phase,
      message: commonMsg('probe.unreachable', { peer: who, why }),
    };
  }
  if (RESET_CODES.has(code)) {
    if (proxyHop && ctx.step === 'answer') {
      const message = commonMsg('probe.connectClosed', {
        proxy: ctx.via ?? '',
        target: ctx.target ?? commonMsg('probe.theTarget'),
      });
      return { cause: 'proxy', phase, message };
    }
    const where = phase === 'tls' ? commonMsg('probe.where.tls') : phaseWords(phase);
    return { cause: proxyHop ? 'proxy' : 'reset', phase, message: commonMsg('probe.closed', { peer: who, where }) };
  }
  if (code.startsWith('HPE_') || code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_RESPONSE') {
    return { cause: 'bad-response', phase, message: commonMsg('probe.badHttp', { peer: who, code }) };
  }
  if (phase === 'tls' && (code.startsWith('ERR_SSL_') || code === 'EPROTO')) {
    return {
      cause: 'tls',
      phase,
      message: commonMsg('probe.notTls', { peer: who }),
      tls: { reason: 'other', code },
    };
  }
  const text = err instanceof Error ? err.message : String(err);
  return {
    cause: proxyHop ? 'proxy' : 'unknown',
    phase,
    message: commonMsg('probe.other', { peer: who, error: `${text}${code ? ` (${code})` : ''}` }),
  };
}

function phaseWords(phase: ProbePhase): Text {
  switch (phase) {
    case 'first-byte':
      return commonMsg('probe.where.firstByte');
    case 'body':
      return commonMsg('probe.where.body');
    case 'proxy-connect':
      return commonMsg('probe.where.proxyConnect');
    default:
      return commonMsg('probe.where.other', { phase });
  }
}

/**
 * Classifies an HTTP status: null for success (< 400), auth for 401/403/407, http-status otherwise. `reason` is the
 * reason phrase the server sent (Go prints that one), else the standard text.
 */
export function classifyStatus(status: number, url: string, reason?: string): ProbeFailure | null {
  if (status < 400) return null;
  const text = reason || (STATUS_TEXT[status] ?? '');
  const label = text ? `${status} ${text}` : String(status);
  if (status === 401 || status === 403 || status === 407) {
    const hint = commonMsg(status === 403 ? 'probe.status.denied' : 'probe.status.credentials');
    return {
      cause: 'auth',
      phase: 'first-byte',
      status,
      message: commonMsg('probe.status.auth', { url, label, hint }),
    };
  }
  const key = status === 404 || status === 410 ? 'probe.status.notServed' : 'probe.status.other';
  return { cause: 'http-status', phase: 'first-byte', status, message: commonMsg(key, { url, label }) };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  407: 'Proxy Authentication Required',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
