// The result of one probe as plain data: what was asked, the outcome, the phase timings and the classified cause.

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
}

/** Result of one bounded HTTP probe. */
export interface ProbeResult {
  /** Redacted URL that was requested. */
  url: string;
  ok: boolean;
  status?: number;
  cause?: ProbeCause;
  phase?: ProbePhase;
  /** One sentence describing the failure, secrets redacted. */
  message?: string;
  /** For TLS failures: what is wrong and who issued the certificate. */
  tls?: { reason: 'unknown-authority' | 'name-mismatch' | 'expired' | 'other'; issuer?: string; code?: string };
  timings: ProbeTimings;
  /** Response body (truncated), when asked for. */
  body?: string;
  /** Name of the HTTP proxy used, redacted, if any. */
  via?: string;
}

/** What a Go proxy URL is expected to return, for body classification (go help goproxy). */
export type GoProxyBodyKind = 'list' | 'info' | 'mod' | 'supported' | 'lookup';
