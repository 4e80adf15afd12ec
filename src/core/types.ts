// Shared plain-value types that flow between core, probes, report and cli.
// Everything here is data: printable in a test, serialisable to JSON.

/** Where a Go configuration variable's effective value came from (go-semantics.md §1.1, §5.4). */
export type ConfigSource = 'env' | 'goenv' | 'goroot' | 'default';

/** One Go configuration variable in the config model. */
export interface ConfigVar {
  name: string;
  /** Effective value as `go` would see it (not redacted; redact at the edge). */
  value: string;
  source: ConfigSource;
  /** Value in the GOENV file, when the process environment shadows it (non-empty env wins). */
  shadowedGoenvValue?: string;
  /** Value Go would use with neither env nor GOENV file (go.env or compiled default). */
  defaultValue: string;
  /** True when the variable is present in the GOENV file (even when shadowed). */
  inGoenvFile: boolean;
}

/** The whole configuration as Go sees it. */
export interface ConfigModel {
  /** Go version string like "go1.26.8", or null when Go was not found. */
  goVersion: string | null;
  /** Path of the GOENV file, or "off"/null. */
  goenvPath: string | null;
  vars: Record<string, ConfigVar>;
}

/** One entry of a parsed GOPROXY list (go-semantics.md §1.2). */
export type ProxyEntry =
  | { kind: 'url'; url: string; fallBackOnError: boolean }
  | { kind: 'direct'; fallBackOnError: boolean }
  | { kind: 'off'; fallBackOnError: boolean }
  /** Implicit entry Go prepends when GONOPROXY is set and GOPROXY != "direct". */
  | { kind: 'noproxy'; fallBackOnError: boolean };

/** Parsed GOSUMDB (go-semantics.md §3.1). */
export type SumdbConfig =
  | { kind: 'off' }
  | {
      kind: 'db';
      /** Database name, e.g. "sum.golang.org". */
      name: string;
      /** Full verifier key name+hash+keydata. */
      key: string;
      /** Explicit URL from GOSUMDB, bypassing proxies; undefined → resolved through GOPROXY. */
      url?: string;
    };

/** Failure causes of a probe (fixed vocabulary, issue #2 §3). */
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

/** Doctor check status. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** Result of one doctor check (JSON schema v1, see README). */
export interface CheckResult {
  id: string;
  group: string;
  title: string;
  status: CheckStatus;
  target?: string;
  cause?: string;
  phase?: string;
  httpStatus?: number;
  timings?: { dnsMs?: number; connectMs?: number; tlsMs?: number; ttfbMs?: number; totalMs: number };
  message: string;
  /** Further lines shown indented under the check (human output), also in JSON. */
  details?: string[];
  /** Exact commands to copy. */
  fix?: string[];
}
