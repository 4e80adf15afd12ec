// CI output of `gomodctl doctor --annotate`: the same GitHub dialect as tidy (report/tidy-ci.ts: annotations within
// GitHub's per-step limits, the rest in $GITHUB_STEP_SUMMARY, env fixes as $GITHUB_ENV lines).
import type { CheckResult } from '../core/doctor/check.js';
import { formatDuration } from '../core/duration.js';
import { ENGLISH, type Translator } from '../core/i18n/message.js';
import { doctorMsg } from '../core/i18n/messages/doctor.js';
import { type AnnotateMode, type CiFinding, writeGithub } from './tidy-ci.js';

/** English unless the caller passes the run's translator (Output.t of its language). */

/** Failed checks as errors, then warnings, in the order doctor prints them; words in the run's language. */
export function doctorFindings(checks: CheckResult[], tr: Translator = ENGLISH): CiFinding[] {
  const pick = (status: 'fail' | 'warn'): CiFinding[] =>
    checks
      .filter((c) => c.status === status)
      .map((c) => ({
        level: status === 'fail' ? 'error' : 'warning',
        title: tr.t(
          c.target
            ? doctorMsg('ci.titleTarget', { title: c.title, target: c.target })
            : doctorMsg('ci.title', { title: c.title }),
        ),
        kind: c.cause ?? c.group,
        subject: c.target ?? '',
        message: tr.t(c.message),
        facts: (c.details ?? []).map((d) => tr.t(d)),
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
  tr: Translator = ENGLISH,
): void {
  const failed = checks.filter((c) => c.status === 'fail').length;
  const duration = formatDuration(durationMs);
  const heading = tr.t(
    failed ? doctorMsg('ci.headingFailed', { count: failed, duration }) : doctorMsg('ci.headingOk', { duration }),
  );
  if (mode === 'github') writeGithub(doctorFindings(checks, tr), heading, env, write, tr);
}
