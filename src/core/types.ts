// Shared plain-value types that flow between core, probes, report and cli.
// Everything here is data: printable in a test, serialisable to JSON.
import type { Text } from './i18n/message.js';

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
  /** For a failed probe: the hop that failed (proxy, dns, target) and who was on the other end. */
  hop?: ProbeHop;
  peer?: string;
  timings?: { dnsMs?: number; connectMs?: number; tlsMs?: number; ttfbMs?: number; totalMs: number };
  message: string;
  /** Further lines shown indented under the check (human output), also in JSON. */
  details?: string[];
  /** Exact commands to copy. */
  fix?: string[];
}

/** One planned change to the GOENV file: `go env -w NAME=VALUE` or `go env -u NAME` (init/restore, issue #4). */
export type EnvFileOp = { op: 'set'; name: string; value: string } | { op: 'unset'; name: string };

/** One variable in an init/restore plan: its GOENV-file value before and after (null = absent/unset). */
export interface EnvFileChange {
  name: string;
  /** Value in the GOENV file before the change; null when the variable is not in the file. */
  before: string | null;
  /** Value in the GOENV file after the change; null when it will be removed (`go env -u`). */
  after: string | null;
  /** Effective value before the change, as `go` sees it (may come from the OS environment). */
  effectiveBefore: string;
  /** Non-empty OS environment value that shadows the GOENV file (go env -w has no effect then, §5.4). */
  shadowedBy?: string;
}

/** One complete `machine/login/password` entry of a .netrc file (go-semantics.md §6.3). */
export interface NetrcEntry {
  machine: string;
  login: string;
  password: string;
}

/** What a Go proxy URL is expected to return, for body classification (go help goproxy). */
export type GoProxyBodyKind = 'list' | 'info' | 'mod' | 'supported' | 'lookup';

/** Cause vocabulary of a `gomodctl tidy` problem (issue #3, JSON schema v1). */
export type TidyCause =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'reset'
  | 'tls'
  | 'not-found'
  | 'gone'
  | 'http-status'
  | 'auth'
  | 'checksum'
  | 'vcs-auth'
  | 'vcs'
  | 'toolchain'
  | 'config'
  | 'leak'
  | 'module-path'
  | 'go-sum'
  | 'unknown';

/** One diagnosed problem of a tidy run, ending in fixes that are real settings. */
export interface TidyProblem {
  module?: string;
  version?: string;
  package?: string;
  url?: string;
  host?: string;
  /** Where it happened: proxy, sumdb, direct, toolchain, config, or a probe phase. */
  phase?: string;
  cause: TidyCause;
  message: string;
  fix: string[];
}

/** One HTTP request of a tidy run as seen in `-x` output (or predicted by the route resolver). */
export interface TidyRequest {
  url: string;
  /** HTTP status, or undefined while in flight / on transport error. */
  status?: number;
  durationMs?: number;
  error?: string;
}

/** A module in the tidy timeline. */
export interface TidyModule {
  path: string;
  version?: string;
  status: 'ok' | 'failed' | 'pending';
  durationMs?: number;
  requests: TidyRequest[];
}

/** The `gomodctl tidy --json` document (schemaVersion 1). */
export interface TidyReport {
  schemaVersion: 1;
  command: 'tidy';
  // 'stalled': interrupted while the watchdog saw no progress; 'timeout': killed at --timeout.
  outcome: 'ok' | 'failed' | 'stalled' | 'timeout';
  goExitCode: number | null;
  durationMs: number;
  modules: TidyModule[];
  problems: TidyProblem[];
}

/** One step of a module's route: a place Go asks, in order (go-semantics.md §1.2, §1.4, §3.2). */
export interface RouteStep {
  kind: 'proxy' | 'direct' | 'off' | 'sumdb-supported' | 'sumdb' | 'vcs';
  /** Base URL of the step (redact before printing). */
  url?: string;
  /** Full request URLs in order, e.g. `<base>/<escaped>/@v/list`, `.info`, `.mod`, `.zip`. */
  requests?: string[];
  /** When Go moves on to the next step: `,` → on 404/410 only, `|` → on any error, last → never. */
  fallThrough: 'on-404-410' | 'on-any-error' | 'never';
  /** The variable (and pattern, when one matched) that decided this step. */
  decidedBy: { variable: string; pattern?: string };
  /** What else happens at this step (a catalogue message; JSON carries its English text). */
  note?: Text;
}

/** Where Go sends one module: download steps, then checksum database steps. */
export interface Route {
  module: string;
  version?: string;
  /** True when GONOPROXY (or GOPRIVATE through it) matches: fetched directly, never from a proxy. */
  private: boolean;
  steps: RouteStep[];
  sumdb: {
    checked: boolean;
    /** Why the database is (not) consulted: a message, or Go's own error text. */
    reason: Text;
    name?: string;
    via?: 'proxy' | 'direct' | 'url';
    urls?: string[];
  };
  warnings: Text[];
}
