// Pure: the `gomodctl tidy --json` document (schemaVersion 1) and the exit code of a run (issue #3).
import type { TidyModule, TidyProblem, TidyReport } from '../types.js';
import type { Timeline } from './timeline.js';

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
  if (end.interrupted && end.stalled) return 'stalled';
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
