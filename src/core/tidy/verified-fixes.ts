// Tidy's route fixes through the verdict engine (issue 12: "[verdict]'s engine for the fix: verified fixes only, the
// same wording as doctor"). A rule drafts its route changes (another GOPROXY, `|`, dropping a silent entry) and
// fixes.ts turns the ones nothing verified into advice ("not verified: …"). After the run, the fix search of doctor
// (core/verdict/choose-fix.ts) is run for the modules those problems name (app/tidy-verify.ts): its verified top fix
// takes the advice's place; when it verified none, what it tried takes it. When the engine does not see the failure
// (a body that stops midway: its probe is answered), or the search did not finish in time, the advice stays.
import type { Fix } from '../fix/fix.js';
import { type Text, Message } from '../i18n/message.js';
import { fixMsg } from '../i18n/messages/fix.js';
import type { Need } from '../needs/types.js';
import type { TidyProblem } from './report-model.js';

/** A route change no probe verified: fixes.ts unverifiedAsAdvice made it advice. */
function isUnverifiedRoute(f: Fix): boolean {
  return (
    f.kind === 'comment' &&
    f.note instanceof Message &&
    (f.note.key === 'fix.fix.note.notVerified' || f.note.key === 'fix.fix.note.notVerifiedWhy')
  );
}

/** Whether the fix search could replace something in this problem: unverified route advice for a named module. */
function searchable(p: TidyProblem): boolean {
  return (
    p.module !== undefined &&
    p.cause !== 'leak' &&
    !p.module.startsWith('golang.org/toolchain') &&
    p.fix.some(isUnverifiedRoute)
  );
}

/**
 * The fetches the fix search must make succeed: for each problem with unverified route advice, the module's version
 * list (no version known), its .info, or its checksum-database lookup (the problem was at the database).
 */
export function searchNeeds(problems: TidyProblem[]): Need[] {
  const needs = new Map<string, Need>();
  for (const p of problems.filter(searchable)) {
    const module = p.module!;
    const n: Need =
      p.phase === 'sumdb' && p.version
        ? { module, version: p.version, what: 'sumdb-lookup', why: 'go.sum-missing', certainty: 'sure' }
        : p.version
          ? { module, version: p.version, what: 'info', why: 'require', certainty: 'sure' }
          : { module, what: 'list', why: 'require', certainty: 'sure' };
    needs.set(`${n.module}@${n.version ?? ''} ${n.what}`, n);
  }
  return [...needs.values()];
}

/** What the search found, as tidy uses it: the top verified fix, or the changes tried (none verified). */
export interface TidySearch {
  verified?: Fix[];
  tried: Array<{ fixes: Fix[]; reason: Text }>;
}

/** A change in words for a line of advice (`GOPROXY=…`, `unset HTTPS_PROXY`); the route variables only. */
function changeWords(fixes: Fix[]): string {
  return fixes
    .flatMap((f) =>
      f.kind === 'set'
        ? [`${f.variable}=${f.value ?? `$${f.valueFrom ?? ''}`}`]
        : f.kind === 'unset'
          ? [`unset ${f.variable}`]
          : [],
    )
    .join(' ');
}

/**
 * The problem with its unverified route advice replaced by the search's result: the verified top fix (marked
 * verified by the probe, rendered as commands like doctor's), or one line naming the changes tried.
 */
export function withSearchedFixes(p: TidyProblem, search: TidySearch): TidyProblem {
  if (!searchable(p)) return p;
  const at = p.fix.findIndex(isUnverifiedRoute);
  const kept = p.fix.filter((f) => !isUnverifiedRoute(f));
  const tried = search.tried.map((t) => changeWords(t.fixes)).filter((w) => w !== '');
  const verified = fixMsg('fix.note.verifiedHere', { module: p.module! });
  const instead: Fix[] = search.verified?.length
    ? [{ kind: 'comment', note: verified }, ...search.verified]
    : tried.length
      ? [{ kind: 'comment', note: fixMsg('fix.note.noneVerified', { tried: tried.join('; ') }) }]
      : [];
  const before = p.fix.slice(0, at).filter((f) => !isUnverifiedRoute(f)).length;
  return { ...p, fix: [...kept.slice(0, before), ...instead, ...kept.slice(before)] };
}
