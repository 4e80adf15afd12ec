// Pure classification of what went wrong in a probe: Node/undici error codes, HTTP statuses, TLS findings and
// response bodies become one ProbeCause, the phase it happened in, and one sentence a user can act on.
import type { ProxyStep } from './go-net-bounds.js';
import { gatewayWords, recogniseGatewayPage } from './gateway-page.js';
import { isProxyHop, nameHop, peerWords } from './probe-hop.js';
import type { GoProxyBodyKind, ProbeCause, ProbeHop, ProbePhase, ProbeResult, ProxyFinding } from './types.js';

/** A classified failure: cause, phase, one-sentence message, the hop that failed, and TLS details when relevant. */
export interface ProbeFailure {
  cause: ProbeCause;
  phase?: ProbePhase;
  message: string;
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
    const why = code === 'EAI_AGAIN' ? 'temporary DNS failure, the resolver did not answer' : 'no such host';
    const what = proxyHop ? `the host of proxy ${ctx.via}` : host;
    return {
      cause: proxyHop ? 'proxy' : 'dns',
      phase: proxyHop ? phase : 'dns',
      message: `DNS lookup of ${what} failed (${why})`,
    };
  }
  if (code === 'ECONNREFUSED') {
    return { cause: proxyHop ? 'proxy' : 'refused', phase, message: `connection refused by ${who}` };
  }
  if (code === 'ETIMEDOUT') {
    return { cause: 'timeout', phase, message: `TCP connect to ${who} timed out` };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    const why = code === 'EHOSTUNREACH' ? 'no route to host' : 'network is unreachable';
    return { cause: proxyHop ? 'proxy' : 'unknown', phase, message: `cannot reach ${who} (${why})` };
  }
  if (RESET_CODES.has(code)) {
    if (proxyHop && ctx.step === 'answer') {
      const message = `proxy ${ctx.via} closed the connection without answering the CONNECT to ${ctx.target ?? 'the target'}`;
      return { cause: 'proxy', phase, message };
    }
    const where = phase === 'tls' ? 'during the TLS handshake' : phaseWords(phase);
    return { cause: proxyHop ? 'proxy' : 'reset', phase, message: `connection closed by ${who} ${where}` };
  }
  if (code.startsWith('HPE_') || code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_RESPONSE') {
    return { cause: 'bad-response', phase, message: `${who} did not answer with valid HTTP (${code})` };
  }
  if (phase === 'tls' && (code.startsWith('ERR_SSL_') || code === 'EPROTO')) {
    return {
      cause: 'tls',
      phase,
      message: `TLS handshake with ${who} failed: the server does not speak TLS here (plain HTTP port?)`,
      tls: { reason: 'other', code },
    };
  }
  const text = err instanceof Error ? err.message : String(err);
  return { cause: proxyHop ? 'proxy' : 'unknown', phase, message: `${who}: ${text}${code ? ` (${code})` : ''}` };
}

function phaseWords(phase: ProbePhase): string {
  switch (phase) {
    case 'first-byte':
      return 'before sending a response';
    case 'body':
      return 'while sending the response body';
    case 'proxy-connect':
      return 'while setting up the CONNECT tunnel';
    default:
      return `during ${phase}`;
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
    const hint = status === 403 ? 'access denied' : 'credentials required or rejected';
    return { cause: 'auth', phase: 'first-byte', status, message: `${url} answered ${label} (${hint})` };
  }
  const hint = status === 404 || status === 410 ? ' (reachable; it does not serve this path)' : '';
  return { cause: 'http-status', phase: 'first-byte', status, message: `${url} answered ${label}${hint}` };
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

/** What a TLS handshake revealed about the peer certificate, for Go-ordered verification. */
export interface TlsFindings {
  /** Certificate issuer, e.g. "CN=Corp Inspect CA". */
  issuer?: string;
  expired: boolean;
  /** The leaf does not cover the requested name (tls.checkServerIdentity failed). */
  nameMismatch: boolean;
  /** Node's verification error code when the chain is not trusted (e.g. SELF_SIGNED_CERT_IN_CHAIN). */
  authorizationCode?: string;
  host: string;
  /** Names the certificate is valid for (subjectaltname), for the mismatch sentence. */
  validFor?: string;
  /** The error the running go prints for this certificate (kept in the result as tls.go). */
  goError?: string;
  /** One more sentence of explanation (legacy Common Name, missing intermediate…). */
  detail?: string;
}

const UNKNOWN_AUTHORITY_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

/**
 * Classifies a TLS verification failure in Go's order (crypto/x509 Certificate.Verify: leaf validity period first,
 * then the host name, then the chain to a trusted root), so we report what `go` would report. Null when valid.
 */
export function classifyTls(f: TlsFindings): ProbeFailure | null {
  const issuer = (f.issuer ? ` (issuer: ${f.issuer})` : '') + (f.detail ? `; ${f.detail}` : '');
  const base = { cause: 'tls' as const, phase: 'tls' as const };
  if (f.expired) {
    return {
      ...base,
      message: `certificate of ${f.host} has expired or is not yet valid${issuer}`,
      tls: tlsInfo('expired', f),
    };
  }
  if (f.nameMismatch) {
    const valid = f.validFor ? `; it is valid for ${f.validFor}` : '';
    return {
      ...base,
      message: `certificate is not valid for ${f.host}${valid}${issuer}`,
      tls: tlsInfo('name-mismatch', f),
    };
  }
  if (!f.authorizationCode) return null;
  if (UNKNOWN_AUTHORITY_CODES.has(f.authorizationCode)) {
    return {
      ...base,
      message: `certificate signed by unknown authority${issuer}; if a TLS-inspecting gateway is expected, point SSL_CERT_FILE at its CA`,
      tls: tlsInfo('unknown-authority', f),
    };
  }
  if (f.authorizationCode === 'CERT_HAS_EXPIRED' || f.authorizationCode === 'CERT_NOT_YET_VALID') {
    return {
      ...base,
      message: `a certificate in the chain of ${f.host} has expired${issuer}`,
      tls: tlsInfo('expired', f),
    };
  }
  return {
    ...base,
    message: `certificate of ${f.host} rejected (${f.authorizationCode})${issuer}`,
    tls: tlsInfo('other', f),
  };
}

function tlsInfo(reason: NonNullable<ProbeResult['tls']>['reason'], f: TlsFindings): NonNullable<ProbeResult['tls']> {
  const info: NonNullable<ProbeResult['tls']> = { reason };
  if (f.issuer) info.issuer = f.issuer;
  if (f.authorizationCode) info.code = f.authorizationCode;
  else if (reason === 'name-mismatch') info.code = 'ERR_TLS_CERT_ALTNAME_INVALID';
  else if (reason === 'expired') info.code = 'CERT_HAS_EXPIRED';
  if (f.goError) info.go = f.goError;
  return info;
}

const VERSION_RE = /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/**
 * Checks that a 2xx body is what a Go module proxy or checksum database returns for `kind` (go help goproxy;
 * go-semantics.md §1, §3). Returns a reason when it is not (HTML from a captive portal, JSON without Version…),
 * null when it looks right or the status is not 2xx (the status is then the problem).
 */
export function classifyGoProxyBody(
  kind: GoProxyBodyKind,
  status: number,
  contentType: string | undefined,
  body: string,
): string | null {
  if (status < 200 || status > 299 || kind === 'supported') return null;
  const page = recogniseGatewayPage(contentType, body);
  if (page) {
    const guess = page.kind === 'login-form' ? 'a gateway asking to sign in' : 'captive portal or login page?';
    return `the server answered with ${gatewayWords(page)}, not a Go module proxy response (${guess})`;
  }
  switch (kind) {
    case 'list': {
      const bad = body
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0] ?? '')
        .find((v) => v !== '' && !VERSION_RE.test(v));
      return bad === undefined
        ? null
        : `the version list contains "${bad.slice(0, 40)}", which is not a Go module version`;
    }
    case 'info':
      return infoProblem(body);
    case 'mod':
      return /^\s*module\s/m.test(body) ? null : 'the go.mod answer has no module directive';
    case 'lookup':
      return /^\d+\n/.test(body) && body.includes(' h1:') && body.includes('\n\n')
        ? null
        : 'the checksum database answer is not a record followed by a signed tree note';
  }
}

function infoProblem(body: string): string | null {
  try {
    const v = JSON.parse(body) as { Version?: unknown };
    if (v && typeof v === 'object' && typeof v.Version === 'string') return null;
    return 'the .info answer is JSON without a "Version" field';
  } catch {
    return 'the .info answer is not JSON';
  }
}
