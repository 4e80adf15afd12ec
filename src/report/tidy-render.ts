// Human output of `gomodctl tidy`: the final summary and the problems with their fixes (colour via the Output's chalk).
import type { ChalkInstance } from 'chalk';
import { formatDuration } from '../core/duration.js';
import { redactSecrets } from '../core/redact.js';
import type { TidyProblem, TidyReport } from '../core/tidy/report-model.js';
import { type FixDialect, renderFixes } from './fix-render.js';

/** Extra facts for the summary line that are not in the JSON document. */
export interface SummaryContext {
  timeoutMs?: number;
  interrupted: boolean;
  requestCount: number;
  go: string;
  /** How fixes are written: `github-env` in GitHub Actions (a `$GITHUB_ENV` line outlives the step). */
  dialect?: FixDialect;
}

/** The body of the `gomodctl tidy --json` document: the report with each fix rendered as the line to copy. */
export function tidyJson(r: TidyReport): Record<string, unknown> {
  return { ...r, problems: r.problems.map((p) => ({ ...p, fix: renderFixes(p.fix) })) };
}

/** One line saying how the run ended: modules fetched, time, problems. */
export function summaryLine(r: TidyReport, ctx: SummaryContext, c: ChalkInstance): string {
  const fetched = r.modules.filter((m) => m.status === 'ok').length;
  const stats = `${fetched} module${fetched === 1 ? '' : 's'} fetched, ${ctx.requestCount} request${ctx.requestCount === 1 ? '' : 's'}, ${formatDuration(r.durationMs)}`;
  const n = r.problems.length;
  const probs = n ? `, ${n} problem${n === 1 ? '' : 's'}` : '';
  if (r.outcome === 'ok') return `${c.green('✓')} go mod tidy succeeded (${stats}${probs})`;
  if (r.outcome === 'timeout') {
    return `${c.red('✗')} go mod tidy killed at --timeout ${formatDuration(ctx.timeoutMs ?? r.durationMs)} (${stats}${probs})`;
  }
  if (ctx.interrupted) return `${c.yellow('!')} go mod tidy interrupted (${stats}${probs})`;
  return `${c.red('✗')} go mod tidy failed with exit code ${r.goExitCode ?? '?'} (${stats}${probs})`;
}

/** The lines describing one problem, indented, with its fixes. */
export function problemLines(p: TidyProblem, index: number, c: ChalkInstance, dialect?: FixDialect): string[] {
  const lines = [`${c.bold(`${index + 1}.`)} ${c.red(`[${p.cause}]`)} ${p.message}`];
  const facts: string[] = [];
  if (p.module) facts.push(`module ${p.module}${p.version ? `@${p.version}` : ''}`);
  if (p.package && p.package !== p.module) facts.push(`package ${p.package}`);
  if (p.phase) facts.push(`phase ${p.phase}`);
  if (facts.length) lines.push(`   ${c.dim(facts.join(' · '))}`);
  if (p.url) lines.push(`   ${c.dim('url')} ${p.url}`);
  renderFixes(p.fix, dialect).forEach((f, i) => lines.push(`   ${c.cyan(i === 0 ? 'fix' : '   ')} ${f}`));
  return lines.map(redactSecrets);
}

/** With --retry: one line per attempt, what ended it and what the retry policy decided (core/tidy/retry.ts). */
export function attemptLines(r: TidyReport, c: ChalkInstance): string[] {
  return (r.attempts ?? []).map((a) => {
    const ended = a.result === 'ok' ? 'succeeded' : `${a.result} failure (${a.rule})`;
    const next = a.retried
      ? `, retried after ${formatDuration(a.waitMs ?? 0)}`
      : a.result === 'ok'
        ? ''
        : ', not retried';
    const why = a.result === 'ok' || a.reason.startsWith(`${a.result} failure`) ? '' : `: ${a.reason}`;
    const line = a.line ? c.dim(` — ${a.line.trim()}`) : '';
    return `  attempt ${a.attempt}: ${ended}${why}${next} (${formatDuration(a.durationMs)})${line}`;
  });
}

/** The whole human report: summary, attempts (--retry), then (with --explain) every problem and its fix. */
export function renderHuman(r: TidyReport, ctx: SummaryContext, explain: boolean, c: ChalkInstance): string[] {
  const out = [summaryLine(r, ctx, c), ...attemptLines(r, c)];
  if (!explain) {
    if (r.problems.length) out.push(c.dim('  run with --explain for the diagnosis and fixes'));
    return out.map(redactSecrets);
  }
  if (r.problems.length === 0 && r.outcome !== 'ok')
    out.push('  gomodctl found no specific cause; run `gomodctl doctor` for the whole configuration');
  r.problems.forEach((p, i) => out.push(...problemLines(p, i, c, ctx.dialect)));
  return out.map(redactSecrets);
}

/** What the spinner says: the current module and how long the run has gone on. */
export function spinnerText(current: string | undefined, elapsedMs: number, quietMs: number): string {
  const what = current ? `go mod tidy: ${current}` : 'go mod tidy';
  const quiet = quietMs >= 2000 ? ` — no progress for ${formatDuration(quietMs)}` : '';
  return redactSecrets(`${what} (${formatDuration(elapsedMs)})${quiet}`);
}
