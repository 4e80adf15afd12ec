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
import { hasPassword } from '../redact.js';
import { changeText } from './fixes.js';
import type { TidyProblem } from './report-model.js';

/** The notes fixes.ts unverifiedAsAdvice gives a route change no probe verified (their full keys). */
const UNVERIFIED = new Set([
  fixMsg('fix.note.notVerified', { change: '' }).key,
  fixMsg('fix.note.notVerifiedWhy', { change: '', why: '' }).key,
]);

/** A route change no probe verified: fixes.ts unverifiedAsAdvice made it advice. */
const isUnverifiedRoute = (f: Fix): boolean =>
  f.kind === 'comment' && f.note instanceof Message && UNVERIFIED.has(f.note.key);

/** Whether the fix search could replace something in this problem: unverified route advice for a named module. */
function searchable(p: TidyProblem): boolean {
  return (
    p.module !== undefined &&
    p.cause !== 'leak' &&
    !p.module.startsWith('golang.org/toolchain') &&
    p.fix.some(isUnverifiedRoute)
  );
}

/** The GOPROXY-protocol file a URL asks for (cmd/go/internal/modfetch/proxy.go): list, info, mod, zip or latest. */
function fileOf(url: string | undefined): 'list' | 'info' | 'mod' | 'zip' | 'latest' | undefined {
  const m = /\/@(v\/list|v\/[^/?#]+\.(info|mod|zip)|latest)(?:[?#]|$)/.exec(url ?? '');
  if (!m) return undefined;
  return m[1] === 'v/list' ? 'list' : m[1] === 'latest' ? 'latest' : (m[2] as 'info' | 'mod' | 'zip');
}

/**
 * The fetch the fix search must make succeed for a problem: the file its URL asked for (the version list, the .info,
 * .mod or .zip, @latest), else the version list (no version known) or the .info; its checksum-database lookup when
 * the problem was at the database (none without a version).
 */
function needOf(p: TidyProblem): Need | undefined {
  const module = p.module!;
  if (p.phase === 'sumdb')
    return p.version
      ? { module, version: p.version, what: 'sumdb-lookup', why: 'go.sum-missing', certainty: 'sure' }
      : undefined;
  const file = fileOf(p.url);
  if (file === 'list' || file === 'latest' || !p.version)
    return { module, what: file ?? 'list', why: 'require', certainty: 'sure' };
  return { module, version: p.version, what: file ?? 'info', why: 'require', certainty: 'sure' };
}

/** A need's identity (the search result says which of its needs failed by it). */
export const needKey = (n: Need): string => `${n.module}@${n.version ?? ''} ${n.what}`;

/** The needs of every problem with unverified route advice, each once. */
export function searchNeeds(problems: TidyProblem[]): Need[] {
  const needs = new Map<string, Need>();
  for (const p of problems.filter(searchable)) {
    const n = needOf(p);
    if (n) needs.set(needKey(n), n);
  }
  return [...needs.values()];
}

/** What the search found, as tidy uses it: the top verified fix, or the changes tried (none verified). */
export interface TidySearch {
  /** The needs (needKey) that failed under the configuration as it is: the search is about those only. */
  failing: string[];
  verified?: Fix[];
  tried: Array<{ fixes: Fix[]; reason: Text }>;
}

/** Texts joined by a message of two parts (`{first}; {rest}`), in the reader's language; undefined for none. */
function joined(texts: Text[], key: 'fix.note.changeList' | 'fix.note.changeWith'): Text | undefined {
  return texts.reduceRight<Text | undefined>((rest, first) => (rest ? fixMsg(key, { first, rest }) : first), undefined);
}

/** The changes a candidate makes, in words (fixes.ts changeText: `GOPROXY=…`, "add V to NO_PROXY", `unset …`). */
const candidateWords = (fixes: Fix[]): Text | undefined =>
  joined(
    fixes.flatMap((f) => changeText(f) ?? []),
    'fix.note.changeWith',
  );

/** A set fix whose value holds a password: printed redacted, the command would overwrite the real one. */
const holdsPassword = (f: Fix): boolean => f.kind === 'set' && hasPassword(f.value ?? '');

/**
 * The problem with its unverified route advice replaced by the search's result: the verified top fix (marked
 * verified by the probe, rendered as commands like doctor's), or one line naming the changes tried. Only for a
 * problem whose fetch failed in the search (another problem's failure proves nothing about it); the advice stays
 * when there is nothing to say instead, or when the verified change holds a password (it would print redacted).
 */
export function withSearchedFixes(p: TidyProblem, search: TidySearch): TidyProblem {
  if (!searchable(p)) return p;
  const need = needOf(p);
  if (!need || !search.failing.includes(needKey(need))) return p;
  const tried = joined(
    search.tried.flatMap((t) => candidateWords(t.fixes) ?? []),
    'fix.note.changeList',
  );
  const verified = fixMsg('fix.note.verifiedHere', { module: p.module! });
  const instead: Fix[] = search.verified?.length
    ? search.verified.some(holdsPassword)
      ? []
      : [{ kind: 'comment', note: verified }, ...search.verified]
    : tried
      ? [{ kind: 'comment', note: fixMsg('fix.note.noneVerified', { tried }) }]
      : [];
  if (instead.length === 0) return p;
  const at = p.fix.findIndex(isUnverifiedRoute);
  const kept = p.fix.filter((f) => !isUnverifiedRoute(f));
  const before = p.fix.slice(0, at).filter((f) => !isUnverifiedRoute(f)).length;
  const fixSearch = { verified: Boolean(search.verified?.length), tried: search.tried };
  return { ...p, fix: [...kept.slice(0, before), ...instead, ...kept.slice(before)], fixSearch };
}
