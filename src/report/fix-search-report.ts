// Renders the fix search (core/verdict/choose-fix.ts): the failing fetches, the verified fixes best first as lines to
// copy (report/fix-render.ts), or an honest "no verified fix" with what was tried; and its JSON part.
import type { Fix } from '../core/fix/fix.js';
import type { Text } from '../core/i18n/message.js';
import type { FixSearch, TriedFix } from '../core/verdict/choose-fix.js';
import type { Verdict } from '../core/verdict/types.js';
import { fixMsg } from '../core/i18n/messages/fix.js';
import { renderFixLines, type FixDialect } from './fix-render.js';
import type { Output } from './output.js';

/** Why a verified candidate was dropped after the real `go mod download`. */
export interface Demotion {
  id: string;
  /** The candidate's changes (what `renderFixSearch` names as commands). */
  fixes: Fix[];
  reason: Text;
}

/**
 * A candidate named as the commands that make it, `; `-joined (its id is ours, not the user's). The command ends its
 * line and the reason goes on the next: a URL followed by `:` would not copy (`GOPROXY=http://host:port:`).
 */
function renderChange(
  out: Output,
  key: 'fix.tried' | 'fix.demoted',
  c: { id: string; fixes: Fix[]; reason: Text },
  indent: string,
): void {
  const lines = renderFixLines(c.fixes, 'posix', out).filter((l) => !l.startsWith('# '));
  out.line(`${indent}${out.t(fixMsg(key, { change: lines.length > 0 ? lines.join('; ') : c.id }))}`);
  out.line(`${indent}  ${out.t(c.reason)}`);
}

/** The failing modules, one line per module and reason (its .info, .mod and .zip fail for the same reason). */
function renderFailures(out: Output, verdict: Verdict): void {
  const lines = new Set(
    verdict.failures.map((f) => out.t(fixMsg('fix.failure', { module: f.need.module, message: f.message }))),
  );
  const modules = new Set(verdict.failures.map((f) => `${f.need.module}@${f.need.version ?? ''}`));
  out.line(out.c.bold(out.t(fixMsg('fix.failing', { count: modules.size }))));
  for (const l of lines) out.line(`  ${out.g.fail} ${l}`);
  out.line();
}

/** The failures, the verified fixes (or none, with what was tried), in the user's language. */
export function renderFixSearch(
  out: Output,
  verdict: Verdict,
  search: FixSearch,
  o: { demoted?: Demotion[]; showFailures?: boolean } = {},
): void {
  if (!verdict.willFail) {
    out.line(out.t(fixMsg('fix.noFailure')));
    return;
  }
  if (o.showFailures !== false) renderFailures(out, verdict);
  for (const d of o.demoted ?? []) renderChange(out, 'fix.demoted', d, '');
  if (search.verified.length === 0) {
    out.line(out.t(fixMsg('fix.none')));
    for (const t of search.tried) renderChange(out, 'fix.tried', t, '  ');
    return;
  }
  const dialect: FixDialect = 'posix';
  out.line(out.t(fixMsg('fix.verifiedHeading')));
  search.verified.forEach((v, k) => {
    const by = (v.fixes[0]?.verifiedBy ?? ['probe']).join(' + ');
    out.line(`  ${out.t(fixMsg('fix.option', { rank: k + 1, by, ms: Math.round(v.durationMs) }))}`);
    for (const l of renderFixLines(v.fixes, dialect, out)) out.line(`     ${l.startsWith('# ') ? out.c.dim(l) : l}`);
  });
}

const triedJson = (t: TriedFix) => ({ id: t.id, fixes: t.fixes, failures: t.failures, reason: t.reason });

/** The JSON part of the fix search (messages in English; values redacted by the document printer). */
export function fixSearchJson(verdict: Verdict, search: FixSearch, demoted: Demotion[] = []): Record<string, unknown> {
  return {
    willFail: verdict.willFail,
    failures: verdict.failures.map((f) => ({
      module: f.need.module,
      version: f.need.version ?? null,
      what: f.need.what,
      outcome: f.outcome,
      hop: f.hop ?? null,
      url: f.url ?? null,
      cause: f.cause ?? null,
      status: f.status ?? null,
      message: f.message,
    })),
    fixes: search.verified.map((v) => ({ id: v.id, fixes: v.fixes, durationMs: Math.round(v.durationMs) })),
    tried: search.tried.map(triedJson),
    demoted,
  };
}
