// Pure: the `gomodctl tidy --json` document (schemaVersion 1) and the exit code of a run (issue #3).
import type { Text } from '../i18n/message.js';
import type { Timeline } from './timeline.js';
import type { Fix } from '../fix/fix.js';

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
  /** What produced it: a rule of core/tidy/rules.ts RULES, or a diagnosis of core/tidy/diagnose.ts (stable ids). */
  rule: string;
  module?: string;
  version?: string;
  package?: string;
  url?: string;
  host?: string;
  /** Where it happened: proxy, sumdb, direct, toolchain, config, or a probe phase. */
  phase?: string;
  cause: TidyCause;
  /** The hop that failed when it is not the module proxy itself: the HTTP(S)_PROXY in between (issue 9). */
  hop?: 'proxy';
  /** What went wrong: a catalogue Message, or Go's own words (JSON: the English text). */
  message: Text;
  fix: Fix[];
  /**
   * Set when tidy's fix search (core/tidy/verified-fixes.ts) answered for this problem: whether `fix` holds a change it
   * verified, and the changes it tried that did not make the module fetchable.
   */
  fixSearch?: { verified: boolean; tried: Array<{ fixes: Fix[]; reason: Text }> };
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

/** One attempt of `gomodctl tidy --retry N`: how it ended and what the retry policy decided (core/tidy/retry.ts). */
export interface TidyAttempt {
  attempt: number;
  /** null when gomodctl killed go (--timeout, Ctrl-C, --stall-kill). */
  goExitCode: number | null;
  durationMs: number;
  /** ok, transient, permanent or unknown (retry.ts FailureKind). */
  result: string;
  /** The retry rule that decided (retry.ts RETRY_RULES id, or ok/stall-kill/timeout/interrupted/unknown). */
  rule: string;
  /** Why it was or was not retried (retry.ts; a catalogue message, English in JSON). */
  reason: Text;
  /** The Go line that decided, secrets redacted. */
  line?: string;
  /** True when another attempt followed. */
  retried: boolean;
  /** Back-off before the next attempt. */
  waitMs?: number;
}

/** What a tidy run found: the body of the `gomodctl tidy --json` document (schemaVersion 1). */
export interface TidyReport {
  // 'stalled': interrupted while the watchdog saw no progress; 'timeout': killed at --timeout.
  outcome: 'ok' | 'failed' | 'stalled' | 'timeout';
  goExitCode: number | null;
  durationMs: number;
  modules: TidyModule[];
  problems: TidyProblem[];
  /** With --retry: every attempt, in order (the modules and problems are those of the last). */
  attempts?: TidyAttempt[];
}

/** How the `go` process ended, as the runner saw it. */
export interface RunEnd {
  /** Go's exit code, null when it was killed. */
  goExitCode: number | null;
  /** Killed by gomodctl at --timeout. */
  timedOut: boolean;
  /** Ctrl-C / SIGTERM: the tree was killed and gomodctl exits 130. */
  interrupted: boolean;
  /** The watchdog fired and nothing progressed afterwards. */
  stalled: boolean;
}

/** The outcome word of the JSON report. */
export function decideOutcome(end: RunEnd): TidyReport['outcome'] {
  if (end.timedOut) return 'timeout';
  if (end.goExitCode === 0 && !end.interrupted) return 'ok';
  if (end.goExitCode === null && end.stalled) return 'stalled'; // interrupted or killed by --stall-kill in a stall
  return 'failed';
}

/** Exit codes: 0 tidy succeeded; 1 tidy failed; 3 killed at --timeout; 130 interrupted. */
export function exitCodeFor(end: RunEnd): number {
  if (end.interrupted) return 130;
  if (end.timedOut) return 3;
  return end.goExitCode === 0 ? 0 : 1;
}

/** Builds the JSON document from the timeline, the problems and how the run ended. */
export function buildTidyReport(t: Timeline, problems: TidyProblem[], end: RunEnd, durationMs: number): TidyReport {
  const failed = new Set(problems.map((p) => p.module).filter((m): m is string => Boolean(m)));
  const modules = t.snapshot(end.goExitCode === 0 && !end.interrupted, failed);
  // Modules only the diagnosis knows (no -x on Go < 1.21, or a hanging git): listed with the request that failed.
  for (const p of problems) {
    if (!p.module || modules.some((m) => m.path === p.module)) continue;
    const m: TidyModule = {
      path: p.module,
      status: p.cause === 'timeout' ? 'pending' : 'failed',
      requests: p.url ? [{ url: p.url }] : [],
    };
    if (p.version) m.version = p.version;
    modules.push(m);
  }
  return {
    outcome: decideOutcome(end),
    goExitCode: end.goExitCode,
    durationMs: Math.round(durationMs),
    modules,
    problems,
  };
}
