// CI output of `gomodctl tidy`: GitHub `::error` annotations and job summary, GitLab collapsible sections.
import { appendFileSync } from 'node:fs';
import { formatDuration } from '../core/duration.js';
import { translator, type Translator } from '../core/i18n/message.js';
import { tidyMsg } from '../core/i18n/messages/tidy.js';
import { redactSecrets } from '../core/redact.js';
import { UsageError } from '../core/errors.js';
import type { TidyProblem, TidyReport } from '../core/tidy/report-model.js';
import { renderFixes } from './fix-render.js';

/** Which CI dialect to write. */
export type AnnotateMode = 'auto' | 'github' | 'gitlab' | 'none';

/** Validates --annotate (bad value → UsageError, exit 2). */
export function parseAnnotateMode(value: string): AnnotateMode {
  if (value === 'auto' || value === 'github' || value === 'gitlab' || value === 'none') return value;
  throw new UsageError(tidyMsg('ci.invalidAnnotate', { value }));
}

/** Resolves `auto` from the environment: GITHUB_ACTIONS → github, GITLAB_CI → gitlab, else none. */
export function resolveAnnotateMode(mode: AnnotateMode, env: NodeJS.ProcessEnv): Exclude<AnnotateMode, 'auto'> {
  if (mode !== 'auto') return mode;
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.GITLAB_CI) return 'gitlab';
  return 'none';
}

/** English unless the caller passes the run's translator. */
const EN = translator('en');

// Workflow-command escaping (actions/toolkit core/src/command.ts escapeData / escapeProperty).
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error title=…::message` line per problem (fix included, secrets redacted). */
export function githubAnnotations(r: TidyReport, tr: Translator = EN): string[] {
  return r.problems.map((p) => {
    const title = `gomodctl tidy: ${p.cause}${p.module ? ` ${p.module}` : ''}`;
    const body = [
      tr.t(p.message),
      ...(p.url ? [tr.t(tidyMsg('ci.url', { url: p.url }))] : []),
      ...renderFixes(p.fix).map((fix) => tr.t(tidyMsg('ci.fix', { fix }))),
    ].join('\n');
    return redactSecrets(`::error title=${escapeProperty(title)}::${escapeData(body)}`);
  });
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function mdProblem(p: TidyProblem, tr: Translator): string {
  const fixes = renderFixes(p.fix)
    .map((f) => `\`${f.replace(/`/g, "'")}\``)
    .join('<br>');
  return `| ${p.cause} | ${mdCell(p.module ?? p.package ?? '')} | ${mdCell(tr.t(p.message))} | ${mdCell(fixes)} |`;
}

/** The Markdown job summary appended to $GITHUB_STEP_SUMMARY. */
export function githubSummaryMarkdown(r: TidyReport, tr: Translator = EN): string {
  const head = `${tr.t(tidyMsg('ci.heading', { outcome: r.outcome, duration: formatDuration(r.durationMs) }))}\n\n`;
  if (r.problems.length === 0) return redactSecrets(`${head}${tr.t(tidyMsg('ci.noProblems'))}\n`);
  const rows = [tr.t(tidyMsg('ci.columns')), '|---|---|---|---|', ...r.problems.map((p) => mdProblem(p, tr))];
  return redactSecrets(`${head}${rows.join('\n')}\n`);
}

/** Wraps lines in a GitLab collapsible section (docs.gitlab.com ci/jobs/job_logs "Custom collapsible sections"). */
export function gitlabSection(
  name: string,
  header: string,
  lines: string[],
  nowSec = Math.floor(Date.now() / 1000),
): string[] {
  const start = `\x1b[0Ksection_start:${nowSec}:${name}[collapsed=true]\r\x1b[0K${header}`;
  const end = `\x1b[0Ksection_end:${nowSec}:${name}\r\x1b[0K`;
  return [start, ...lines, end].map(redactSecrets);
}

/** Writes the CI dialect: annotations to `write`, the Markdown summary appended to $GITHUB_STEP_SUMMARY when set. */
export function writeCiReport(
  mode: Exclude<AnnotateMode, 'auto'>,
  r: TidyReport,
  env: NodeJS.ProcessEnv,
  write: (line: string) => void,
  tr: Translator = EN,
): void {
  if (mode === 'github') {
    githubAnnotations(r, tr).forEach(write);
    if (env.GITHUB_STEP_SUMMARY) {
      try {
        appendFileSync(env.GITHUB_STEP_SUMMARY, githubSummaryMarkdown(r, tr) + '\n');
      } catch {
        write(`::warning::${tr.t(tidyMsg('ci.summaryFailed'))}`);
      }
    }
  }
}
