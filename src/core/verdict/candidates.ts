// Candidate changes for a failing verdict (issue 13, item 5): each a list of fixes (core/fix/fix.ts data) and the
// configuration Go would see after them. Nothing here is printed as it stands: choose-fix.ts evaluates every
// candidate with the same engine and keeps only those under which every need is fetched.
import { getVar } from '../config-model.js';
import type { ConfigModel } from '../config-types.js';
import { setFix, type Fix } from '../fix/fix.js';
import type { Message } from '../i18n/message.js';
import { fixMsg } from '../i18n/messages/fix.js';
import { compareGoVersions } from '../go-version.js';
import { effectiveGodebug, godebugExists, godebugFatalError, withGodebug } from '../godebug.js';
import { formatGoproxy, parseGoproxy, type ProxyEntry } from '../goproxy.js';
import { parseGosumdb } from '../gosumdb.js';
import { urlHostname } from '../hosts.js';
import type { Mirror } from '../init/mirrors.js';
import { matchingPattern } from '../patterns.js';
import { isPublicModulePath, isPublicProxyUrl } from '../public-hosts.js';
import { applyFixes, type Config } from './apply-fixes.js';
import { isSharedHostPath, privatePrefix } from './private-prefix.js';
import type { Env } from './reach.js';
import type { NeedOutcome } from './types.js';

/** What the candidates are generated from. */
export interface CandidateInput {
  failures: NeedOutcome[];
  model: ConfigModel;
  env: Env;
  /** The running Go ("go1.26.8" or "1.26.8"). */
  goVersion: string;
  /** Mirrors to try instead of a failing proxy: the known list and every `--mirror URL`. */
  mirrors: Mirror[];
  /** The highest `go` line of the main modules (GOTOOLCHAIN=local only helps when the local Go satisfies it). */
  goModGo?: string;
}

/** One candidate change: its fixes and the configuration Go would see after them. */
export interface Candidate {
  id: string;
  fixes: Fix[];
  apply(model: ConfigModel, env: Env): Config;
}

const candidate = (id: string, fixes: Fix[]): Candidate => ({
  id,
  fixes,
  apply: (model, env) => applyFixes({ model, env }, fixes),
});

const trimSlash = (u: string): string => u.replace(/\/+$/, '');
const isBlocking = (f: NeedOutcome): boolean => f.failing;
const notFound = (f: NeedOutcome): boolean => f.status === 404 || f.status === 410;

/** The GOPROXY list with its entries (the implicit noproxy entry dropped), or null when it does not parse. */
function proxyEntries(model: ConfigModel): ProxyEntry[] | null {
  const parsed = parseGoproxy(getVar(model, 'GOPROXY'), '');
  return parsed.ok ? parsed.entries.filter((e) => e.kind !== 'noproxy') : null;
}

/** Index of the URL entry a proxy-hop failure came from, or -1. */
function entryIndex(entries: ProxyEntry[], f: NeedOutcome): number {
  const at = f.entry ? trimSlash(f.entry) : undefined;
  return entries.findIndex(
    (e) => e.kind === 'url' && (trimSlash(e.url) === at || f.url?.startsWith(`${trimSlash(e.url)}/`) === true),
  );
}

/** The failing proxy entries (indexes into the list), each once. */
function failingEntries(entries: ProxyEntry[], failures: NeedOutcome[]): Array<{ index: number; f: NeedOutcome }> {
  const seen = new Map<number, NeedOutcome>();
  for (const f of failures) {
    if (f.hop !== 'proxy' || !isBlocking(f)) continue;
    const i = entryIndex(entries, f);
    if (i >= 0 && !seen.has(i)) seen.set(i, f);
  }
  return [...seen].map(([index, f]) => ({ index, f }));
}

/** Drop a silent or failing entry; `|` after an entry that errors with something other than 404/410 (go help goproxy). */
function proxyListCandidates(i: CandidateInput, entries: ProxyEntry[]): Candidate[] {
  const out: Candidate[] = [];
  for (const { index, f } of failingEntries(entries, i.failures)) {
    const dropped = entries.filter((_, k) => k !== index);
    if (dropped.length > 0)
      out.push(candidate(`drop-entry:${index}`, [setFix(i.model, 'GOPROXY', formatGoproxy(dropped))]));
    const e = entries[index]!;
    if (f.outcome === 'fail' && !notFound(f) && !e.fallBackOnError && index < entries.length - 1) {
      const piped = entries.map((x, k) => (k === index ? { ...x, fallBackOnError: true } : x));
      out.push(candidate(`pipe-after:${index}`, [setFix(i.model, 'GOPROXY', formatGoproxy(piped))]));
    }
  }
  return out;
}

/** Another mirror in place of the failing entries (or before `direct` when direct failed); public paths only. */
function mirrorCandidates(i: CandidateInput, entries: ProxyEntry[]): Candidate[] {
  const publicFailures = i.failures.filter((f) => isBlocking(f) && !f.privateLooking);
  if (!publicFailures.some((f) => f.hop === 'proxy' || f.hop === 'direct' || f.hop === 'sumdb')) return [];
  const failing = new Set(failingEntries(entries, publicFailures).map((x) => x.index));
  const out: Candidate[] = [];
  for (const m of i.mirrors) {
    const url = trimSlash(m.url);
    if (entries.some((e) => e.kind === 'url' && trimSlash(e.url) === url)) continue;
    const kept = entries.filter((_, k) => !failing.has(k));
    const first = entries.findIndex((_, k) => failing.has(k));
    const at = first >= 0 ? Math.min(first, kept.length) : 0;
    const list: ProxyEntry[] = [...kept.slice(0, at), { kind: 'url', url, fallBackOnError: false }, ...kept.slice(at)];
    out.push(candidate(`mirror:${m.id}`, [setFix(i.model, 'GOPROXY', formatGoproxy(list))]));
  }
  return out;
}

/** The comma-separated list with the patterns it does not match yet. */
function withPatterns(current: string, prefixes: string[]): string | null {
  const add = prefixes.filter((p) => matchingPattern(current, p) === null);
  if (add.length === 0) return null;
  return [...current.split(',').filter((x) => x !== ''), ...add].join(',');
}

/**
 * A module on a host shared by many owners (github.com) that a proxy answers not found: a private repository there
 * looks public by its path, and a proxy cannot clone it. GOPRIVATE for its repository is worth trying (the modules
 * the proxy served are often in the module cache already, so there is no other evidence); verification decides, and
 * the note says when it applies.
 */
const sharedHostNotFound = (f: NeedOutcome): boolean =>
  !f.privateLooking && f.failing && f.hop === 'proxy' && notFound(f) && isSharedHostPath(f.need.module);

/** Repository prefixes of every failing private-looking module (a module no pattern can cover safely is skipped). */
function privatePrefixes(
  failures: NeedOutcome[],
  guessed: (f: NeedOutcome) => boolean,
  only?: (f: NeedOutcome) => boolean,
): string[] {
  const set = new Set<string>();
  for (const f of failures) {
    if (!f.failing || !(f.privateLooking || guessed(f)) || (only && !only(f))) continue;
    const p = privatePrefix(f.need.module);
    if (p) set.add(p);
  }
  return [...set];
}

/** The note of a GOPRIVATE fix that covers repositories whose paths look public. */
function guessedNote(failures: NeedOutcome[], isGuess: (f: NeedOutcome) => boolean): Message | undefined {
  const guessed = [...new Set(failures.filter(isGuess).flatMap((f) => privatePrefix(f.need.module) ?? []))];
  if (guessed.length === 0) return undefined;
  const key = guessed.length > 1 ? 'fix.note.privateGuesses' : 'fix.note.privateGuess';
  return fixMsg(key, { prefixes: guessed.join(', ') });
}

/**
 * GOPRIVATE covering every failing private-looking prefix (and an explicitly set GONOPROXY/GONOSUMDB too, which
 * GOPRIVATE no longer feeds: cfg.go envOr); GONOSUMDB alone where only the checksum lookup fails.
 */
function privateCandidates(i: CandidateInput): Candidate[] {
  const out: Candidate[] = [];
  const guessed = sharedHostNotFound;
  const prefixes = privatePrefixes(i.failures, guessed);
  const goprivate = withPatterns(getVar(i.model, 'GOPRIVATE'), prefixes);
  if (goprivate) {
    const fixes = [setFix(i.model, 'GOPRIVATE', goprivate, guessedNote(i.failures, guessed))];
    for (const name of ['GONOPROXY', 'GONOSUMDB']) {
      const v = i.model.vars[name];
      const widened = v && v.source !== 'default' ? withPatterns(v.value, prefixes) : null;
      if (widened) fixes.push(setFix(i.model, name, widened));
    }
    out.push(candidate('goprivate', fixes));
  }
  const sumdbOnly = privatePrefixes(
    i.failures,
    () => false,
    (f) => f.hop === 'sumdb',
  );
  const nosumdb = sumdbOnly.length ? withPatterns(getVar(i.model, 'GONOSUMDB'), sumdbOnly) : null;
  if (nosumdb) out.push(candidate('gonosumdb', [setFix(i.model, 'GONOSUMDB', nosumdb)]));
  return out;
}

/** Another checksum database URL, only for a failing sumdb hop (not a 404: the database does not know the version). */
function sumdbCandidates(i: CandidateInput): Candidate[] {
  const failing = i.failures.filter((f) => f.hop === 'sumdb' && isBlocking(f) && !notFound(f) && !f.privateLooking);
  if (failing.length === 0) return [];
  const current = getVar(i.model, 'GOSUMDB');
  const parsed = parseGosumdb(current);
  if (!parsed.ok || parsed.config.kind !== 'db' || parsed.config.name !== 'sum.golang.org') return [];
  // sumdb.go dbDial: "sum.golang.google.cn" is sum.golang.org's key served from https://sum.golang.google.cn.
  const values = [
    'sum.golang.google.cn',
    ...i.mirrors.map((m) => `sum.golang.org ${trimSlash(m.url)}/sumdb/sum.golang.org`),
  ];
  return values
    .filter((v) => v !== current && !(current === 'sum.golang.google.cn' && v.endsWith('//sum.golang.google.cn')))
    .map((v, k) => candidate(`gosumdb:${k}`, [setFix(i.model, 'GOSUMDB', v)]));
}

/** Unset the proxy variable, or NO_PROXY for an intranet host, when the CONNECT hop fails. */
function proxyEnvCandidates(i: CandidateInput): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const f of i.failures) {
    if (f.hop !== 'connect-proxy' || !isBlocking(f) || !f.url) continue;
    const variable = f.url.startsWith('http://') ? 'HTTP_PROXY' : 'HTTPS_PROXY';
    out.set(`unset:${variable}`, candidate(`unset:${variable}`, [{ kind: 'unset', variable, scope: 'env' }]));
    const host = urlHostname(f.url);
    if (host && !isPublicProxyUrl(f.url) && !isPublicModulePath(host)) {
      const fix: Fix = { kind: 'set', variable: 'NO_PROXY', value: host, append: true, scope: 'env' };
      out.set(`no-proxy:${host}`, candidate(`no-proxy:${host}`, [fix]));
    }
  }
  return [...out.values()];
}

/** GOTOOLCHAIN=local when the switch fails and the local Go satisfies the go line (toolchain.go Select). */
function toolchainCandidates(i: CandidateInput): Candidate[] {
  const failed = i.failures.some((f) => isBlocking(f) && (f.hop === 'toolchain' || f.need.why === 'toolchain'));
  if (!failed || !i.goModGo || getVar(i.model, 'GOTOOLCHAIN') === 'local') return [];
  if (compareGoVersions(i.goVersion.replace(/^go/, ''), i.goModGo.replace(/^go/, '')) < 0) return [];
  return [candidate('gotoolchain-local', [setFix(i.model, 'GOTOOLCHAIN', 'local')])];
}

/** GODEBUG=tlsmlkem=0 (a small ClientHello) for a TLS failure, on the Go versions that read it (godebugs table). */
function godebugCandidates(i: CandidateInput): Candidate[] {
  if (!i.failures.some((f) => isBlocking(f) && (f.cause === 'tls' || f.cause === 'timeout'))) return [];
  if (!godebugExists('tlsmlkem', i.goVersion)) return [];
  if (effectiveGodebug(i.env.GODEBUG, i.goVersion).get('tlsmlkem') === '0') return [];
  const value = withGodebug(i.env.GODEBUG, 'tlsmlkem', '0', i.goVersion);
  if (godebugFatalError(value, i.goVersion)) return [];
  return [candidate('godebug-tlsmlkem', [{ kind: 'set', variable: 'GODEBUG', value, scope: 'env' }])];
}

/** GOPRIVATE together with each other candidate, for runs where private and public modules both fail. */
function combined(privates: Candidate[], others: Candidate[]): Candidate[] {
  const gp = privates.find((c) => c.id === 'goprivate');
  if (!gp) return [];
  return others.map((c) => candidate(`${gp.id}+${c.id}`, [...gp.fixes, ...c.fixes]));
}

/** Every candidate change for these failures, each id once (none when nothing fails). */
export function generateCandidates(i: CandidateInput): Candidate[] {
  if (!i.failures.some(isBlocking)) return [];
  const entries = proxyEntries(i.model) ?? [];
  const privates = privateCandidates(i);
  const others = [
    ...proxyListCandidates(i, entries),
    ...mirrorCandidates(i, entries),
    ...sumdbCandidates(i),
    ...proxyEnvCandidates(i),
    ...toolchainCandidates(i),
    ...godebugCandidates(i),
  ];
  const mixed = i.failures.some((f) => f.privateLooking) && i.failures.some((f) => !f.privateLooking);
  const all = [...privates, ...others, ...(mixed ? combined(privates, others) : [])];
  const seen = new Set<string>();
  return all.filter((c) => !seen.has(c.id) && seen.add(c.id));
}
