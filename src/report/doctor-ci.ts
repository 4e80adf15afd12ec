// CI output of `gomodctl doctor --annotate`: the same GitHub dialect as tidy (report/tidy-ci.ts: annotations within
// GitHub's per-step limits, the rest in $GITHUB_STEP_SUMMARY, env fixes as $GITHUB_ENV lines).
import type { CheckResult } from '../core/doctor/check.js';
import { formatDuration } from '../core/duration.js';
import { type AnnotateMode, type CiFinding, writeGithub } from './tidy-ci.js';

/** Failed checks as errors, then warnings, in the order doctor prints them. */
export function doctorFindings(checks: CheckResult[]): CiFinding[] {
  const pick = (status: 'fail' | 'warn'): CiFinding[] =>
    checks
      .filter((c) => c.status === status)
      .map((c) => ({
        level: status === 'fail' ? 'error' : 'warning',
        title: `gomodctl doctor: ${c.title}${c.target ? ` (${c.target})` : ''}`,
        kind: c.cause ?? c.group,
        subject: c.target ?? '',
        message: String(c.message),
        facts: (c.details ?? []).map(String),
        fix: c.fix ?? [],
      }));
  return [...pick('fail'), ...pick('warn')];
}

/** Writes doctor's CI dialect (GitHub: annotations and step summary; GitLab and none: nothing beyond the log). */
export function writeDoctorCi(
  mode: Exclude<AnnotateMode, 'auto'>,
  checks: CheckResult[],
  durationMs: number,
  env: NodeJS.ProcessEnv,
  write: (line: string) => void,
): void {
  const failed = checks.filter((c) => c.status === 'fail').length;
  const heading = `gomodctl doctor: ${failed ? `${failed} failed` : 'ok'} (${formatDuration(durationMs)})`;
  if (mode === 'github') writeGithub(doctorFindings(checks), heading, env, write);
}
