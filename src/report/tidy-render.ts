// Human output of `gomodctl tidy`: the final summary and the problems with their fixes (colour via the Output's chalk).
import type { ChalkInstance } from 'chalk';
import { formatDuration } from '../core/duration.js';
import { redactSecrets } from '../core/redact.js';
import type { TidyProblem, TidyReport } from '../core/tidy/report-model.js';
import { renderFixes, renderFixSection } from './fix-render.js';

/** Extra facts for the summary line that are not in the JSON document. */
interface SummaryContext {
  timeoutMs?: number;
  interrupted: boolean;
  requestCount: number;
  go: string;
}

/** The body of the `gomodctl tidy --json` document: the report with each fix rendered as the line to copy. */
export function tidyJson(r: TidyReport): Record<string, unknown> {
  return { ...r, problems: r.problems.map((p) => ({ ...p, fix: renderFixes(p.fix) })) };
}

/** One line saying how the run ended: modules fetched, time, problems. */
function summaryLine(r: TidyReport, ctx: SummaryContext, c: ChalkInstance): string {
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
function problemLines(p: TidyProblem, index: number, c: ChalkInstance): string[] {
  const lines = [`${c.bold(`${index + 1}.`)} ${c.red(`[${p.cause}]`)} ${p.message}`];
  const facts: string[] = [];
  if (p.module) facts.push(`module ${p.module}${p.version ? `@${p.version}` : ''}`);
  if (p.package && p.package !== p.module) facts.push(`package ${p.package}`);
  if (p.phase) facts.push(`phase ${p.phase}`);
  if (facts.length) lines.push(`   ${c.dim(facts.join(' · '))}`);
  if (p.url) lines.push(`   ${c.dim('url')} ${p.url}`);
  lines.push(...renderFixSection(p.fix, '   ', { label: c.cyan, note: c.dim }));
  return lines.map(redactSecrets);
}

/** The whole human report: summary, then (with --explain) every problem and its fix. */
export function renderHuman(r: TidyReport, ctx: SummaryContext, explain: boolean, c: ChalkInstance): string[] {
  const out = [summaryLine(r, ctx, c)];
  if (!explain) {
    if (r.problems.length) out.push(c.dim('  run with --explain for the diagnosis and fixes'));
    return out.map(redactSecrets);
  }
  if (r.problems.length === 0 && r.outcome !== 'ok')
    out.push('  gomodctl found no specific cause; run `gomodctl doctor` for the whole configuration');
  for (const [i, p] of r.problems.entries()) out.push(...problemLines(p, i, c));
  return out.map(redactSecrets);
}

/** What the spinner says: the current module and how long the run has gone on. */
export function spinnerText(current: string | undefined, elapsedMs: number, quietMs: number): string {
  const what = current ? `go mod tidy: ${current}` : 'go mod tidy';
  const quiet = quietMs >= 2000 ? ` — no progress for ${formatDuration(quietMs)}` : '';
  return redactSecrets(`${what} (${formatDuration(elapsedMs)})${quiet}`);
}
