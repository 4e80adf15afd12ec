// Pure retry policy of `gomodctl tidy --retry N`: from a finished run's classified lines, is the failure transient
// (another attempt may succeed) or permanent (it would fail the same way)? Go itself never retries a module download
// (cmd/go/internal/modfetch/proxy.go: one GET per proxy entry, then the next entry or the error), so CI pipelines
// wrap it in loops that match the wrong strings; this is the one table, each rule tested on real captured lines.
import type { Text } from '../i18n/message.js';
import { tidyMsg } from '../i18n/messages/tidy.js';
import type { TidyEvent } from './classify.js';

/** transient: worth another attempt; permanent: would fail the same way; unknown: no rule knows the failure. */
type FailureKind = 'transient' | 'permanent' | 'unknown';

/** One rule of the table: an id, what it means for a retry, and the Go (or git) text it matches. */
interface RetryRule {
  id: string;
  kind: 'transient' | 'permanent';
  match: RegExp;
}

// Status lines as cmd/go/internal/modfetch/proxy.go and web/http.go print them: `reading URL: 404 Not Found`, and
// git's `The requested URL returned error: 502` (after `git ls-remote … exit status 128:`).
const STATUS = (codes: string): RegExp => new RegExp(`reading \\S+: (${codes})\\b|returned error: (${codes})\\b`);

/** Ordered, first match per line wins: specific before general (429 before other 4xx, temporary DNS before NXDOMAIN). */
export const RETRY_RULES: readonly RetryRule[] = [
  { id: 'checksum', kind: 'permanent', match: /SECURITY ERROR|checksum mismatch|missing go\.sum entry/ },
  { id: 'goproxy-off', kind: 'permanent', match: /disabled by GOPROXY=off/ },
  {
    id: 'invalid-version',
    kind: 'permanent',
    match: /invalid version|version "[^"]*" invalid|invalid go version|no matching versions for query/,
  },
  { id: 'unknown-revision', kind: 'permanent', match: /unknown revision/ },
  { id: 'go-mod', kind: 'permanent', match: /errors parsing go\.mod|unknown directive|module declares its path as/ },
  { id: 'toolchain', kind: 'permanent', match: /toolchain not available|requires go >= / },
  { id: 'rate-limit', kind: 'transient', match: STATUS('429') },
  { id: 'server-error', kind: 'transient', match: STATUS('5\\d\\d') },
  { id: 'request-timeout', kind: 'transient', match: STATUS('408') },
  { id: 'not-found', kind: 'permanent', match: STATUS('404|410') },
  {
    id: 'auth',
    kind: 'permanent',
    match: new RegExp(
      `${STATUS('401|403|407').source}|Proxy Authentication Required|terminal prompts disabled|` +
        'could not read (Username|Password)|Authentication failed',
    ),
  },
  { id: 'client-error', kind: 'permanent', match: STATUS('4\\d\\d') },
  { id: 'bad-response', kind: 'permanent', match: /invalid response from proxy|proxy returned info for version/ },
  { id: 'tls-timeout', kind: 'transient', match: /TLS handshake timeout/ },
  { id: 'tls', kind: 'permanent', match: /x509: |tls: failed to verify|remote error: tls/ },
  {
    id: 'http2',
    kind: 'transient',
    match: /stream error: stream ID \d+|http2: (client connection lost|server sent GOAWAY)/,
  },
  {
    id: 'reset',
    kind: 'transient',
    match:
      /connection reset by peer|broken pipe|forcibly closed|: EOF$|unexpected EOF|early EOF|transport connection broken|unexpected disconnect/,
  },
  { id: 'dns-temporary', kind: 'transient', match: /Temporary failure in name resolution|server misbehaving/ },
  { id: 'dns', kind: 'permanent', match: /no such host|Could not resolve host/ },
  {
    id: 'timeout',
    kind: 'transient',
    match: /i\/o timeout|context deadline exceeded|Client\.Timeout exceeded|timed out/,
  },
];

/** How a finished attempt of `go mod tidy`/`download` ended. */
export interface FinishedRun {
  /** The attempt's classified lines, in order. */
  events: readonly TidyEvent[];
  /** Go's exit code; null when gomodctl killed it. */
  goExitCode: number | null;
  /** Why gomodctl killed go: the watchdog's stall kill (--stall-kill), --timeout, or Ctrl-C/SIGTERM. */
  killed?: 'stall' | 'timeout' | 'interrupt';
}

/** The decision after one attempt, with the rule and the Go line that decided it. */
export interface RetryDecision {
  retry: boolean;
  kind: FailureKind | 'ok';
  rule: string;
  /** Why, in words (a catalogue message: English in JSON). */
  reason: Text;
  line?: string;
}

/** The first rule matching one line of Go output, or undefined. */
export function matchRetryRule(line: string): RetryRule | undefined {
  const l = line.length > 8192 ? line.slice(0, 8192) : line; // bound regex work on pathological lines
  return RETRY_RULES.find((r) => r.match.test(l));
}

/** Go's final error lines (and lines no rule of the classifier knows), then the -x trace of failed requests. */
function linesOf(events: readonly TidyEvent[]): { final: string[]; trace: string[] } {
  const final: string[] = [];
  const trace: string[] = [];
  for (const ev of events) {
    if (ev.kind === 'error' || ev.kind === 'unknown') final.push(ev.text);
    else if (ev.kind === 'get-error') trace.push(`${ev.url}: ${ev.error}`);
    else if (ev.kind === 'get-done' && ev.status >= 400) trace.push(`reading ${ev.url}: ${ev.status} ${ev.statusText}`);
  }
  return { final, trace };
}

/**
 * Classifies lines: a permanent match anywhere wins (the next attempt would hit it again), else a transient one; among
 * several, the rule earliest in the table (the most specific: "invalid version" over "errors parsing go.mod").
 */
function judge(lines: string[]): { rule: RetryRule; line: string } | undefined {
  let best: { rule: RetryRule; line: string; rank: number } | undefined;
  for (const line of lines) {
    const rule = matchRetryRule(line);
    if (!rule) continue;
    const rank = RETRY_RULES.indexOf(rule) + (rule.kind === 'transient' ? RETRY_RULES.length : 0);
    if (!best || rank < best.rank) best = { rule, line, rank };
  }
  return best && { rule: best.rule, line: best.line };
}

/**
 * Decides whether to run attempt `attempt + 1` after attempt `attempt` (1-based) ended as `run`, with at most
 * `maxRetries` retries. Only transient failures are retried; a run killed at --timeout or interrupted never is.
 */
export function decideRetry(run: FinishedRun, policy: { attempt: number; maxRetries: number }): RetryDecision {
  const left = policy.attempt <= policy.maxRetries;
  const decide = (kind: FailureKind, rule: string, reason: Text, line?: string): RetryDecision => {
    const retry = kind === 'transient' && left;
    const why = kind === 'transient' && !left ? tidyMsg('retry.noneLeft', { reason, max: policy.maxRetries }) : reason;
    return line === undefined ? { retry, kind, rule, reason: why } : { retry, kind, rule, reason: why, line };
  };
  if (run.killed === 'interrupt') return decide('permanent', 'interrupted', tidyMsg('retry.interrupted'));
  if (run.killed === 'timeout') return decide('permanent', 'timeout', tidyMsg('retry.timeout'));
  if (run.goExitCode === 0 && !run.killed) return { retry: false, kind: 'ok', rule: 'ok', reason: tidyMsg('retry.ok') };
  if (run.killed === 'stall') return decide('transient', 'stall-kill', tidyMsg('retry.stallKill'));
  const { final, trace } = linesOf(run.events);
  const found = judge(final) ?? judge(trace);
  if (!found) return decide('unknown', 'unknown', tidyMsg('retry.unknown'));
  const what = found.rule.kind === 'transient' ? 'retry.transient' : 'retry.permanent';
  return decide(found.rule.kind, found.rule.id, tidyMsg(what, { rule: found.rule.id }), found.line);
}

/**
 * Milliseconds to wait before retry number `attempt` (1-based): exponential back-off, doubling from `baseMs` up to
 * `maxMs`, with "equal jitter" (half fixed, half random) so parallel CI jobs do not retry in step yet always wait.
 * `rng` returns a number in [0, 1), e.g. Math.random; inject a fixed one in tests.
 */
export function backoffMs(attempt: number, rng: () => number, opts: { baseMs?: number; maxMs?: number } = {}): number {
  const base = opts.baseMs ?? 1000;
  const max = opts.maxMs ?? 30_000;
  const n = Math.max(1, Math.floor(Number.isFinite(attempt) ? attempt : 1));
  const ceiling = Math.min(max, base * 2 ** Math.min(n - 1, 30));
  const x = rng();
  const r = Number.isFinite(x) ? Math.min(Math.max(x, 0), 1 - Number.EPSILON) : 0;
  return Math.floor(ceiling / 2 + (r * ceiling) / 2);
}
