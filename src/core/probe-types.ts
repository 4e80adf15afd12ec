// The result of one probe as plain data: what was asked, the outcome, the phase timings and the classified cause.
import type { Text } from './i18n/message.js';

/** Failure causes of a probe (a fixed vocabulary, part of the doctor JSON document). */
export type ProbeCause =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'reset'
  | 'tls'
  | 'http-status'
  | 'auth'
  | 'bad-response'
  | 'proxy'
  | 'unknown';

/** Network phase in which a probe stalled or failed. */
export type ProbePhase = 'dns' | 'connect' | 'tls' | 'proxy-connect' | 'first-byte' | 'body';

/** Phase timings in milliseconds; a phase that did not happen is undefined. */
export interface ProbeTimings {
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  ttfbMs?: number;
  totalMs: number;
  /**
   * The request went on a kept-alive connection that an earlier probe of the run opened (net/http/httptrace
   * GotConnInfo.Reused): no dns, connect or tls phase of its own.
   */
  reused?: true;
}

/** Result of one bounded HTTP probe. */
export interface ProbeResult {
  /** Redacted URL that was requested. */
  url: string;
  ok: boolean;
  status?: number;
  cause?: ProbeCause;
  phase?: ProbePhase;
  /** One sentence describing the failure, secrets redacted (a catalogue Message, or verbatim text). */
  message?: Text;
  /** For TLS failures: what is wrong and who issued the certificate. */
  tls?: {
    reason: 'unknown-authority' | 'name-mismatch' | 'expired' | 'other';
    issuer?: string;
    code?: string;
    /** The error the running go prints for this certificate ("tls: failed to verify certificate: x509: …"). */
    go?: string;
  };
  timings: ProbeTimings;
  /** Response body (truncated), when asked for. */
  body?: string;
  /** Response body as bytes, when asked for with `binary`. */
  bytes?: Uint8Array;
  /** The body was longer than the bytes read. */
  truncated?: boolean;
  /** Final response headers (lower-case names), when asked for. */
  headers?: Record<string, string>;
  /** Redacted URLs the request was redirected to, in order. */
  redirects?: string[];
  /** Name of the HTTP proxy used, redacted, if any. */
  via?: string;
  /** The hop that failed: the HTTP(S) proxy, the DNS lookup of the target, or the target server itself. */
  hop?: ProbeHop;
  /** The other end of the failing hop: the proxy's redacted URL, the name looked up, or the target's host:port. */
  peer?: string;
  /** What the proxy did, when the proxy hop failed (or opened a tunnel through which nothing came back). */
  proxy?: ProxyFinding;
  /** What Go itself does at this point: its bound on the phase (null: none) and the error text it prints. */
  go?: { limitMs?: number | null; error?: string };
  /** The reason phrase of the status line as the server sent it (Go prints "403 <reason>"). */
  statusText?: string;
  /** The server's words: first lines of a text/plain error body, as Go prints them after "server response:". */
  serverResponse?: string;
  /** An HTML page where a Go proxy answer belongs (a gateway, captive portal or login page), with its title. */
  gateway?: GatewayPage;
}

/** The hop of a request's route (issue 9): the proxy, the DNS lookup of the target, or the target server. */
export type ProbeHop = 'proxy' | 'dns' | 'target';

/** What an HTTP(S) proxy did to a request. */
export type ProxyAction =
  | 'unresolved'
  | 'refused'
  | 'unreachable'
  | 'silent'
  | 'closed'
  | 'auth-required'
  | 'denied'
  | 'error-status'
  | 'tunnel-silent'
  | 'tls'
  | 'bad-answer';

/** The proxy hop of a probe: which proxy, what it did, and the words it used. */
export interface ProxyFinding {
  /** Redacted proxy URL. */
  url: string;
  /** The environment variable it came from (HTTPS_PROXY, https_proxy, HTTP_PROXY, http_proxy). */
  variable?: string;
  action: ProxyAction;
  /** Status of its answer to CONNECT (or of a proxied http request). */
  status?: number;
  /** Reason phrase it sent with the status. */
  reason?: string;
  /** Authentication schemes and realm from Proxy-Authenticate, e.g. 'Basic realm="Corp Gateway"'. */
  challenge?: string;
  realm?: string;
  /** First line of its answer's body. */
  firstLine?: string;
}

/** A recognised HTML page in place of a Go proxy answer. */
export interface GatewayPage {
  kind: 'html' | 'login-form';
  title?: string;
}

/** What a Go proxy URL is expected to return, for body classification (go help goproxy). */
export type GoProxyBodyKind = 'list' | 'info' | 'mod' | 'supported' | 'lookup';
