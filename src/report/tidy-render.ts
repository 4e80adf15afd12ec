// Human output of `gomodctl tidy`: the final summary and the problems with their fixes (colour via the Output's chalk).
import type { ChalkInstance } from 'chalk';
import { formatDuration } from '../core/duration.js';
import { code, ENGLISH, type Message, type Text, type Translator } from '../core/i18n/message.js';
import { tidyMsg } from '../core/i18n/messages/tidy.js';
import { withoutGoWords } from '../core/probe-hop.js';
import { redactSecrets } from '../core/redact.js';
import type { TidyAttempt, TidyProblem, TidyReport } from '../core/tidy/report-model.js';
import { type FixDialect, renderFixes, renderFixSection } from './fix-render.js';

/** Extra facts for the summary line that are not in the JSON document. */
interface SummaryContext {
  timeoutMs?: number;
  interrupted: boolean;
  requestCount: number;
  go: string;
  /** --stall: how long go was quiet when the watchdog killed it (--stall-kill). */
  stallMs?: number;
  /** How fixes are written: `github-env` in GitHub Actions (a `$GITHUB_ENV` line outlives the step). */
  dialect?: FixDialect;
}

/** The body of the `gomodctl tidy --json` document: the report with each fix rendered as the line to copy. */
export function tidyJson(r: TidyReport): Record<string, unknown> {
  return {
    ...r,
    problems: r.problems.map(({ fixSearch, ...p }) => ({
      ...p,
      fix: renderFixes(p.fix),
      ...(fixSearch && {
        fixSearch: {
          verified: fixSearch.verified,
          tried: fixSearch.tried.map((t) => ({ fixes: renderFixes(t.fixes), reason: t.reason })),
        },
      }),
    })),
  };
}

/** English unless the caller passes the run's translator (Output.t of its language). */

/** One line saying how the run ended: modules fetched, time, problems (words from the tidy catalogue, frame.*). */
function summaryLine(r: TidyReport, ctx: SummaryContext, c: ChalkInstance, tr: Translator = ENGLISH): string {
  const fetched = r.modules.filter((m) => m.status === 'ok').length;
  const counts = tidyMsg('frame.stats', {
    modules: tidyMsg('frame.modules', { count: fetched }),
    requests: tidyMsg('frame.requests', { count: ctx.requestCount }),
    duration: formatDuration(r.durationMs),
  });
  const n = r.problems.length;
  const stats = n ? tidyMsg('frame.problems', { stats: counts, count: n }) : counts;
  if (r.outcome === 'ok') return `${c.green('✓')} ${tr.t(tidyMsg('frame.succeeded', { stats }))}`;
  if (r.outcome === 'timeout') {
    const timeout = formatDuration(ctx.timeoutMs ?? r.durationMs);
    return `${c.red('✗')} ${tr.t(tidyMsg('frame.timeout', { timeout, stats }))}`;
  }
  if (ctx.interrupted) return `${c.yellow('!')} ${tr.t(tidyMsg('frame.interrupted', { stats }))}`;
  if (r.outcome === 'stalled' && ctx.stallMs !== undefined) {
    // Not interrupted, so the watchdog killed go (--stall-kill; report-model.ts decideOutcome): go has no exit code.
    const stall = formatDuration(ctx.stallMs);
    return `${c.red('✗')} ${tr.t(tidyMsg('frame.stallKilled', { stall, stats }))}`;
  }
  return `${c.red('✗')} ${tr.t(tidyMsg('frame.failed', { code: r.goExitCode ?? '?', stats }))}`;
}

/** The lines describing one problem, indented, with its fixes. */
function problemLines(
  p: TidyProblem,
  index: number,
  c: ChalkInstance,
  tr: Translator = ENGLISH,
  dialect?: FixDialect,
): string[] {
  const lines = [`${c.bold(`${index + 1}.`)} ${c.red(`[${p.cause}]`)} ${tr.t(p.message)}`];
  const facts: string[] = [];
  if (p.module) facts.push(tr.t(tidyMsg('frame.module', { module: `${p.module}${p.version ? `@${p.version}` : ''}` })));
  if (p.package && p.package !== p.module) facts.push(tr.t(tidyMsg('frame.package', { package: p.package })));
  if (p.phase) facts.push(tr.t(tidyMsg('frame.phase', { phase: p.phase })));
  if (facts.length) lines.push(`   ${c.dim(facts.join(' · '))}`);
  if (p.url) lines.push(`   ${c.dim(tr.t(tidyMsg('frame.url')))} ${p.url}`);
  const words = { fix: tr.t(tidyMsg('frame.fixLabel')), oneOf: tr.t(tidyMsg('frame.fixOneOf')) };
  lines.push(...renderFixSection(p.fix, '   ', { label: c.cyan, note: c.dim, words }, dialect, tr));
  return lines.map(redactSecrets);
}
/** How an attempt ended: succeeded, or the kind of failure and the rule that judged it. */
function endedWords(a: TidyAttempt): Message {
  const rule = { rule: a.rule };
  if (a.result === 'ok') return tidyMsg('attempt.succeeded');
  if (a.result === 'transient') return tidyMsg('retry.transient', rule);
  if (a.result === 'permanent') return tidyMsg('retry.permanent', rule);
  return tidyMsg('attempt.unknown', rule);
}

/** With --retry: one line per attempt, what ended it and what the retry policy decided (core/tidy/retry.ts). */
function attemptLines(r: TidyReport, c: ChalkInstance, tr: Translator = ENGLISH): string[] {
  return (r.attempts ?? []).map((a) => {
    const ended = endedWords(a);
    const next = a.retried
      ? tidyMsg('attempt.retried', { wait: formatDuration(a.waitMs ?? 0) })
      : a.result === 'ok'
        ? ''
        : tidyMsg('attempt.notRetried');
    // The reason repeats the ended words when the rule alone decided ("transient failure (rule)").
    const why =
      a.result === 'ok' || String(a.reason).startsWith(`${a.result} failure`)
        ? ''
        : tidyMsg('attempt.why', { reason: a.reason });
    const line = a.line ? c.dim(` — ${a.line.trim()}`) : '';
    const words = { attempt: a.attempt, ended, why, next, duration: formatDuration(a.durationMs) };
    return `  ${tr.t(tidyMsg('attempt.line', words))}${line}`;
  });
}

/** The whole human report: summary, attempts (--retry), then (with --explain) every problem and its fix. */
export function renderHuman(
  r: TidyReport,
  ctx: SummaryContext,
  explain: boolean,
  c: ChalkInstance,
  tr: Translator = ENGLISH,
): string[] {
  const out = [summaryLine(r, ctx, c, tr), ...attemptLines(r, c, tr)];
  if (!explain) {
    if (r.problems.length) out.push(c.dim(`  ${tr.t(tidyMsg('frame.runExplain'))}`));
    return out.map(redactSecrets);
  }
  if (r.problems.length === 0 && r.outcome !== 'ok')
    out.push(`  ${tr.t(tidyMsg('frame.noCause', { command: code('`gomodctl doctor`') }))}`);
  for (const [i, p] of r.problems.entries()) out.push(...problemLines(p, i, c, tr, ctx.dialect));
  return out.map(redactSecrets);
}

/** The notice when a stall is detected: how long, what go waits on, how many URLs are being probed. */
export function stallStartText(quietMs: number, what: Text, probing: number, tr: Translator = ENGLISH): string {
  const quiet = formatDuration(quietMs);
  const text = probing
    ? tidyMsg('stall.startProbing', { quiet, what, count: probing })
    : tidyMsg('stall.start', { quiet, what });
  return redactSecrets(tr.t(text));
}

/** What one stall probe found: its status, or the failure in the prober's words (what Go does there follows on its own line: stillWaitingText). */
export function probeFindingText(
  f: { url: string; ok: boolean; status?: number; message?: Text; cause?: string },
  tr: Translator = ENGLISH,
): string {
  const result: Text = f.ok
    ? f.status === undefined
      ? tr.t(tidyMsg('stall.answered', { status: '' })).trim()
      : tr.t(tidyMsg('stall.answered', { status: f.status }))
    : ((f.message !== undefined ? withoutGoWords(f.message) : undefined) ?? f.cause ?? tr.t(tidyMsg('stall.failed')));
  return redactSecrets(tr.t(tidyMsg('stall.probe', { url: f.url, result })));
}

/** The line after the probes: go keeps waiting. */
export function stillWaitingText(wait: Text, tr: Translator = ENGLISH): string {
  return tr.t(tidyMsg('stall.stillWaiting', { wait }));
}

/** What the spinner says: the current module and how long the run has gone on. */
export function spinnerText(
  current: string | undefined,
  elapsedMs: number,
  quietMs: number,
  tr: Translator = ENGLISH,
): string {
  const what = current ? `go mod tidy: ${current}` : 'go mod tidy';
  const elapsed = formatDuration(elapsedMs);
  const text =
    quietMs >= 2000
      ? tidyMsg('frame.noProgress', { what, elapsed, quiet: formatDuration(quietMs) })
      : tidyMsg('frame.progress', { what, elapsed });
  return redactSecrets(tr.t(text));
}
