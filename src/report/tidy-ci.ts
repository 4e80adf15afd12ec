// CI output of `gomodctl tidy`: GitHub `::error` annotations and job summary, GitLab collapsible sections.
import { appendFileSync, statSync } from 'node:fs';
import { formatDuration } from '../core/duration.js';
import { ENGLISH, type Translator } from '../core/i18n/message.js';
import { tidyMsg } from '../core/i18n/messages/tidy.js';
import { redactSecrets } from '../core/redact.js';
import type { AnnotateMode } from '../core/annotate-mode.js';
import type { TidyReport } from '../core/tidy/report-model.js';
import { type FixDialect, renderFixes } from './fix-render.js';
import type { Fix } from '../core/fix/fix.js';
import { type AnnotationLevel, fitStepSummary, packAnnotations } from '../core/ci-limits.js';

export { type AnnotateMode, parseAnnotateMode } from '../core/annotate-mode.js';

/** Resolves `auto` from the environment: GITHUB_ACTIONS → github, GITLAB_CI → gitlab, else none. */
export function resolveAnnotateMode(mode: AnnotateMode, env: NodeJS.ProcessEnv): Exclude<AnnotateMode, 'auto'> {
  if (mode !== 'auto') return mode;
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.GITLAB_CI) return 'gitlab';
  return 'none';
}

/** English unless the caller passes the run's translator. */

// Workflow-command escaping (actions/toolkit core/src/command.ts escapeData / escapeProperty).
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The fix dialect of a CI mode: in GitHub Actions an environment fix is a `$GITHUB_ENV` line (it outlives the step). */
export function ciDialect(mode: Exclude<AnnotateMode, 'auto'>): FixDialect {
  return mode === 'github' ? 'github-env' : 'posix';
}

/** One finding for the CI dialects: level, title, the message with its facts, and the fixes. */
export interface CiFinding {
  level: AnnotationLevel;
  title: string;
  /** The first column of the summary table (cause, or the doctor group). */
  kind: string;
  subject: string;
  message: string;
  facts: string[];
  fix: Fix[];
}

function tidyFindings(r: TidyReport, tr: Translator = ENGLISH): CiFinding[] {
  return r.problems.map((p) => ({
    level: 'error',
    title: tr.t(
      p.module
        ? tidyMsg('ci.titleModule', { cause: p.cause, module: p.module })
        : tidyMsg('ci.title', { cause: p.cause }),
    ),
    kind: p.cause,
    subject: p.module ?? p.package ?? '',
    message: tr.t(p.message),
    facts: p.url ? [tr.t(tidyMsg('ci.url', { url: p.url }))] : [],
    fix: p.fix,
  }));
}

/**
 * `::error`/`::warning` lines within GitHub's per-step limits (core/ci-limits.ts packAnnotations: 10 per level, one
 * notice pointing to the rest, each message cut at 4096 characters); the rest goes to the step summary only.
 */
function githubAnnotationLines(findings: CiFinding[], tr: Translator = ENGLISH): string[] {
  const items = findings.map((f) => ({
    level: f.level,
    title: f.title,
    message: [
      f.message,
      ...f.facts,
      ...renderFixes(f.fix, 'github-env', tr).map((fix) => tr.t(tidyMsg('ci.fix', { fix }))),
    ].join('\n'),
    item: f,
  }));
  return packAnnotations(items).annotations.map((a) =>
    redactSecrets(`::${a.level} title=${escapeProperty(tr.t(a.title))}::${escapeData(tr.t(a.message))}`),
  );
}

/** One `::error title=…::message` line per problem (fix included, secrets redacted), within GitHub's limits. */
export function githubAnnotations(r: TidyReport, tr: Translator = ENGLISH): string[] {
  return githubAnnotationLines(tidyFindings(r, tr), tr);
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function mdRow(f: CiFinding, tr: Translator): string {
  const fixes = renderFixes(f.fix, 'github-env', tr)
    .map((x) => `\`${x.replace(/`/g, "'")}\``)
    .join('<br>');
  return `| ${mdCell(f.kind)} | ${mdCell(f.subject)} | ${mdCell([f.message, ...f.facts].join(' '))} | ${mdCell(fixes)} |`;
}

/**
 * The Markdown step summary: every finding (those past the annotation limit included), kept under GitHub's size
 * limit given the bytes the step's summary file already holds (fitStepSummary), so GitHub never drops it whole.
 */
export function summaryMarkdown(
  heading: string,
  findings: CiFinding[],
  usedBytes = 0,
  tr: Translator = ENGLISH,
): string {
  const head = `### ${heading}\n\n`;
  if (findings.length === 0) return redactSecrets(`${head}${tr.t(tidyMsg('ci.noProblems'))}\n`);
  const rows = findings.map((f) => redactSecrets(mdRow(f, tr)));
  const fit = fitStepSummary(
    {
      head: `${head}${tr.t(tidyMsg('ci.columns'))}\n|---|---|---|---|\n`,
      rows,
      tail: (n) => (n ? `\n${tr.t(tidyMsg('ci.moreNotShown', { count: n }))}\n` : ''),
    },
    { usedBytes },
  );
  return fit.text;
}

/** The Markdown job summary appended to $GITHUB_STEP_SUMMARY. */
export function githubSummaryMarkdown(r: TidyReport, tr: Translator = ENGLISH, usedBytes = 0): string {
  return summaryMarkdown(ciHeading(r, tr), tidyFindings(r, tr), usedBytes, tr);
}

/** The outcome word of the heading (the JSON keeps the code: ok, failed, stalled, timeout). */
const OUTCOME = {
  ok: 'ci.outcome.ok',
  failed: 'ci.outcome.failed',
  stalled: 'ci.outcome.stalled',
  timeout: 'ci.outcome.timeout',
} as const satisfies Record<TidyReport['outcome'], string>;

/** "gomodctl tidy: failed (4.2s)", in the run's language. */
function ciHeading(r: TidyReport, tr: Translator): string {
  const outcome = tidyMsg(OUTCOME[r.outcome]);
  return tr.t(tidyMsg('ci.heading', { outcome, duration: formatDuration(r.durationMs) })).replace(/^#+\s*/, '');
}

/**
 * Wraps lines in a GitLab collapsible section (docs.gitlab.com ci/jobs/job_logs "Custom collapsible sections"),
 * collapsed only when `collapsed` (a failed run shows its diagnosis expanded).
 */
export function gitlabSection(
  name: string,
  header: string,
  lines: string[],
  nowSec = Math.floor(Date.now() / 1000),
  collapsed = true,
): string[] {
  const start = `\x1b[0Ksection_start:${nowSec}:${name}[collapsed=${collapsed}]\r\x1b[0K${header}`;
  const end = `\x1b[0Ksection_end:${nowSec}:${name}\r\x1b[0K`;
  return [start, ...lines, end].map(redactSecrets);
}

function summaryBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Writes GitHub annotations to `write` and the Markdown summary to $GITHUB_STEP_SUMMARY (when set). */
export function writeGithub(
  findings: CiFinding[],
  heading: string,
  env: NodeJS.ProcessEnv,
  write: (line: string) => void,
  tr: Translator = ENGLISH,
): void {
  // Copied into a shell from there: plain spaces, not the no-break ones a terminal translator keeps code() with.
  const plain = (text: string): string => text.replaceAll('\u00a0', ' ');
  for (const l of githubAnnotationLines(findings, tr)) write(plain(l));
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    appendFileSync(path, `${plain(summaryMarkdown(heading, findings, summaryBytes(path), tr))}\n`);
  } catch {
    write(`::warning::${tr.t(tidyMsg('ci.summaryFailed'))}`);
  }
}

/** Writes the CI dialect: annotations to `write`, the Markdown summary appended to $GITHUB_STEP_SUMMARY when set. */
export function writeCiReport(
  mode: Exclude<AnnotateMode, 'auto'>,
  r: TidyReport,
  env: NodeJS.ProcessEnv,
  write: (line: string) => void,
  tr: Translator = ENGLISH,
): void {
  if (mode === 'github') writeGithub(tidyFindings(r, tr), ciHeading(r, tr), env, write, tr);
}
