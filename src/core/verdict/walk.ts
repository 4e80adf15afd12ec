// One need walked along its route as Go walks it: each GOPROXY entry in order (modfetch/proxy.go TryProxies: `,`
// moves on only after 404/410, `|` after any error, a wait without a bound never moves on), `off`
// (repo.go errProxyOff), `direct` (repo.go lookupDirect: vcs.go RepoRootForImportPath, then git), and for a
// checksum lookup the base found through `<proxy>/sumdb/<name>/supported` or the database itself (sumdb.go initBase,
// fetch.go checkModSum). Pure: the network is the injected Asker.
import { verdictMsg } from '../i18n/messages/verdict.js';
import { commonMsg } from '../i18n/messages/common.js';
import type { Text } from '../i18n/message.js';
import { getVar } from '../config-model.js';
import type { ConfigModel } from '../config-types.js';
import { escapePath, escapeVersion } from '../escape.js';
import { parseGoproxy } from '../goproxy.js';
import type { Need } from '../needs/types.js';
import { matchingPattern } from '../patterns.js';
import type { GoProxyBodyKind, ProbeResult } from '../probe-types.js';
import { classifyGoProxyBody } from '../proxy-body.js';
import { isPublicModulePath, isPublicProxyUrl } from '../public-hosts.js';
import { redactUrl } from '../redact.js';
import { resolveRoute, type RouteStep } from '../route.js';
import { answerKind, failureWords } from './answers.js';
import { directPlan, matchGoImport, parseMetaGoImports } from './go-import.js';
import type { GitAnswer, NeedOutcome, Outcome, OutcomeHop } from './types.js';

/** The engine's view of the network: probes grouped by the place that answers for them (cached, deduplicated). */
export interface Asker {
  /** GET url; `key` names the endpoint (a proxy entry, a database base, a host) whose connection failure covers it. */
  get(key: string, url: string, body?: boolean): Promise<ProbeResult>;
  git?(repo: string): Promise<GitAnswer>;
  /** The probe bound, for words about waits. */
  timeoutMs: number;
}

/** A walk's outcome; `failing` is set where it differs from "fail or hang" (a leak). */
type Walked = Omit<NeedOutcome, 'need' | 'privateLooking' | 'failing'> & { failing?: boolean };

const trim = (u: string): string => u.replace(/\/+$/, '');

/** Whether a module path looks private: GOPRIVATE/GONOPROXY/GONOSUMDB match it, or its host is not a known public one. */
export function isPrivateLooking(model: ConfigModel, module: string): boolean {
  for (const v of ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB'])
    if (matchingPattern(getVar(model, v), module) !== null) return true;
  const host = module.split('/')[0] ?? '';
  return module.includes('/') && host.includes('.') && !isPublicModulePath(module);
}

/** The file a need fetches from a GOPROXY-protocol base (go help goproxy). */
export function needUrl(base: string, need: Need): string {
  const b = `${trim(base)}/${escapePath(need.module)}/@`;
  if (need.what === 'list') return `${b}v/list`;
  if (need.what === 'latest') return `${b}latest`;
  return `${b}v/${escapeVersion(need.version ?? '')}.${need.what === 'sumdb-lookup' ? 'info' : need.what}`;
}

function fromProbe(r: ProbeResult, hop: OutcomeHop, entry: string, outcome: Outcome, message: Text): Walked {
  const w: Walked = { outcome, hop: r.hop === 'proxy' ? 'connect-proxy' : hop, entry, url: r.url, message };
  if (r.cause) w.cause = r.cause;
  if (r.status !== undefined) w.status = r.status;
  w.durationMs = Math.round(r.timings.totalMs);
  return w;
}

function hangWords(r: ProbeResult, t: number, proxy = false): Text {
  return verdictMsg(proxy ? 'hangProxy' : 'hang', { url: r.url, seconds: t / 1000 });
}

/** The answer a fetch expects, whose body Go parses (a 200 that is not one fails in Go too); zips are not read. */
const EXPECT: Partial<Record<Need['what'], GoProxyBodyKind>> = {
  info: 'info',
  mod: 'mod',
  list: 'list',
  latest: 'info',
};

/** A 200 whose body is not the Go answer expected (a gateway page, a captive portal): Go fails parsing it. */
function badBody(r: ProbeResult, expect: GoProxyBodyKind | undefined): Text | null {
  if (!expect || r.body === undefined) return null;
  return classifyGoProxyBody(expect, r.status ?? 200, undefined, r.body);
}

/** A GOPROXY-protocol fetch (a proxy entry, or a go-import "mod" server). */
async function proxyFetch(ask: Asker, base: string, need: Need, hop: OutcomeHop): Promise<Walked & { kind: string }> {
  const entry = redactUrl(trim(base));
  const expect = EXPECT[need.what];
  const r = await ask.get(trim(base), needUrl(base, need), expect !== undefined);
  const kind = answerKind(r);
  const bad = kind === 'ok' ? badBody(r, expect) : null;
  if (bad)
    return {
      kind: 'error',
      ...fromProbe(r, hop, entry, 'fail', commonMsg('probe.other', { peer: r.url, error: bad })),
      cause: 'bad-response',
    };
  if (kind === 'ok') return { kind, ...fromProbe(r, hop, entry, 'ok', `${r.url}: ${r.status ?? 200}`) };
  if (kind === 'hang')
    return { kind, ...fromProbe(r, hop, entry, 'hang', hangWords(r, ask.timeoutMs, hop !== 'direct')) };
  return { kind, ...fromProbe(r, hop, entry, 'fail', failureWords(r)) };
}

/** `git ls-remote` over each scheme Go pings (vcs.go repoRootFromVCSPaths), or the one repository of a known host. */
async function gitWalk(ask: Asker, repos: string[], what: string): Promise<Walked> {
  if (!ask.git)
    return {
      outcome: 'ok',
      hop: 'direct',
      entry: 'direct',
      url: repos[0],
      message: verdictMsg('gitNotProbed', { what }),
    };
  let last: Walked = {
    outcome: 'fail',
    hop: 'direct',
    entry: 'direct',
    message: verdictMsg('noSecureProtocol'),
  };
  for (const repo of repos) {
    const a = await ask.git(repo);
    const url = redactUrl(repo);
    if (a.ok) return { outcome: 'ok', hop: 'direct', entry: 'direct', url, message: `git ls-remote ${url}: ok` };
    if (a.timedOut) {
      const message = verdictMsg('gitHang', { url, seconds: ask.timeoutMs / 1000 });
      return { outcome: 'hang', hop: 'direct', entry: 'direct', url, cause: 'timeout', message };
    }
    last = {
      outcome: 'fail',
      hop: 'direct',
      entry: 'direct',
      url,
      message: `git ls-remote ${url}: ${a.message ?? 'failed'}`,
    };
  }
  return last;
}

/** The direct step: repo.go lookupDirect → vcs.go RepoRootForImportPath (static table, else ?go-get=1), then git. */
async function directWalk(ask: Asker, need: Need): Promise<Walked> {
  const plan = directPlan(need.module);
  if (plan.kind === 'git') return gitWalk(ask, plan.repos, need.module);
  const host = need.module.split('/')[0]!;
  const r = await ask.get(`https://${host}`, plan.url, true);
  const kind = answerKind(r);
  const prefix = `unrecognized import path "${need.module}": https fetch:`;
  if (kind === 'hang') return fromProbe(r, 'direct', 'direct', 'hang', hangWords(r, ask.timeoutMs));
  const imports = parseMetaGoImports(r.body ?? '');
  if (kind !== 'ok' && imports.length === 0)
    return fromProbe(r, 'direct', 'direct', 'fail', `${prefix} ${failureWords(r)}`);
  const m = matchGoImport(imports, need.module);
  if (typeof m === 'string') return fromProbe(r, 'direct', 'direct', 'fail', m);
  if (m.vcs === 'mod') {
    const { kind: _k, ...w } = await proxyFetch(ask, m.repoRoot, need, 'direct');
    return { ...w, entry: 'direct' };
  }
  if (m.vcs === 'git') return gitWalk(ask, [m.repoRoot], need.module);
  return fromProbe(
    r,
    'direct',
    'direct',
    'ok',
    verdictMsg('vcsNotProbed', { vcs: m.vcs, repo: redactUrl(m.repoRoot) }),
  );
}

/** What a public proxy is asked for in place of a private-looking path: a public module it serves. */
const CANARY = { module: 'golang.org/x/text', what: 'list' } as const satisfies Partial<Need>;

/** Walks the download steps of a route (TryProxies) for one .info/.mod/.zip/list/latest need. */
async function downloadWalk(ask: Asker, model: ConfigModel, need: Need, steps: RouteStep[]): Promise<Walked> {
  const hop: OutcomeHop = need.why === 'toolchain' ? 'toolchain' : 'proxy';
  const priv = isPrivateLooking(model, need.module);
  let last: Walked | null = null;
  // Public proxies Go would send the private-looking path to: the first that answers (it gets the request and says
  // not found), and the first at all (it may fail before any request reaches it). The outcome says the leak.
  let delivered: string | null = null;
  let sentTo: string | null = null;
  /** A failure or a hang after the path went to a public proxy that answered: the leak first, then what Go meets. */
  const afterLeak = (w: Walked): Walked =>
    delivered ? { ...w, message: verdictMsg('leakThen', { leak: leakWords(need, delivered), next: w.message }) } : w;
  for (const step of steps) {
    if (step.kind === 'off') {
      const message = 'module lookup disabled by GOPROXY=off';
      const notFound = last === null || last.status === 404 || last.status === 410;
      if (!notFound) break;
      last = { outcome: 'fail', hop, entry: 'off', message };
      break;
    }
    let w: Walked;
    let kind: string;
    if (step.kind === 'proxy') {
      if (priv && isPublicProxyUrl(step.url!)) {
        // Go would send it: we do not. We ask for a public module instead: a proxy that cannot be reached, hangs or
        // refuses every path (a blocked host, a gateway) fails Go's request for this one the same way, and TryProxies
        // goes on only as that error allows. One that answers cannot fetch a private repository: it answers not found.
        const at = redactUrl(trim(step.url!));
        sentTo ??= at;
        const reach = await proxyFetch(ask, step.url!, { ...need, ...CANARY }, hop);
        if (reach.kind === 'ok' || reach.kind === 'not-found') {
          delivered ??= at;
          if (step.fallThrough === 'never') break;
          continue;
        }
        ({ kind, ...w } = reach);
        w.message = verdictMsg('leakAsked', { module: need.module, where: at, canary: CANARY.module, next: w.message });
      } else ({ kind, ...w } = await proxyFetch(ask, step.url!, need, hop));
    } else {
      w = await directWalk(ask, need);
      kind = w.outcome === 'ok' ? 'ok' : 'error';
    }
    const leaked = delivered ?? sentTo;
    if (kind === 'ok' && leaked) return { ...w, outcome: 'leak', message: leakWords(need, leaked), failing: false };
    if (kind === 'ok') return w;
    if (kind === 'hang') return afterLeak({ ...w, outcome: 'hang' });
    // TryProxies reports the direct error over proxy errors, a proxy error over a not-found.
    if (last === null || step.kind !== 'proxy' || kind !== 'not-found' || last.status === 404 || last.status === 410)
      last = w;
    const moveOn = step.fallThrough === 'on-any-error' || (step.fallThrough === 'on-404-410' && kind === 'not-found');
    if (!moveOn) break;
  }
  if (delivered) {
    // The path reached a public proxy (it answered not found); what failed after it is what Go reports.
    const leak = leakWords(need, delivered);
    return {
      ...last,
      outcome: 'leak',
      hop,
      entry: delivered,
      message: last ? verdictMsg('leakThen', { leak, next: last.message }) : leak,
      failing: true,
    };
  }
  // No public proxy answered: the failure Go meets (a proxy that fails for every path says the leak in its words).
  return last ?? { outcome: 'fail', hop, message: 'GOPROXY list is not the empty string, but contains no entries' };
}

function leakWords(need: Need, where: string): Text {
  return verdictMsg('leak', { module: need.module, where });
}

/** The checksum lookup of a module: sumdb.go initBase (proxies' /supported), then the lookup itself. */
async function sumdbWalk(ask: Asker, model: ConfigModel, need: Need): Promise<Walked> {
  const route = resolveRoute(model, need.module, need.version);
  const s = route.sumdb;
  if (!s.checked)
    return { outcome: 'ok', hop: 'sumdb', message: `checksum database not consulted (${String(s.reason)})` };
  if (!s.name)
    return {
      outcome: 'fail',
      hop: 'sumdb',
      message: typeof s.reason === 'string' ? s.reason : 'verifying module: no checksum database',
    };
  if (s.name === 'sum.golang.org' && isPrivateLooking(model, need.module) && need.module !== 'golang.org/toolchain')
    return { outcome: 'leak', hop: 'sumdb', entry: s.name, message: leakWords(need, s.name), failing: true };
  const lookupPath = `/lookup/${escapePath(need.module)}@${escapeVersion(need.version ?? '')}`;
  const direct = route.steps.find((x) => x.kind === 'sumdb')!;
  let base = trim(direct.url!);
  if (s.via !== 'url') {
    const found = await sumdbBase(ask, model, route.steps, s.name);
    if (typeof found !== 'string') return found;
    base = found;
  }
  const r = await ask.get(base, `${base}${lookupPath}`, true);
  const kind = answerKind(r);
  const entry = redactUrl(base);
  const bad = kind === 'ok' ? badBody(r, 'lookup') : null;
  if (bad) return { ...fromProbe(r, 'sumdb', entry, 'fail', `verifying ${need.module}@${need.version}: ${bad}`) };
  if (kind === 'ok') return fromProbe(r, 'sumdb', entry, 'ok', `${r.url}: ${r.status ?? 200}`);
  if (kind === 'hang') return fromProbe(r, 'sumdb', entry, 'hang', hangWords(r, ask.timeoutMs));
  const words = `verifying ${need.module}@${need.version}: ${failureWords(r)}`;
  return fromProbe(r, 'sumdb', entry, 'fail', words);
}

/** initBase: the first proxy whose /supported answers is the base; not-found everywhere (or direct/off) → the database. */
async function sumdbBase(ask: Asker, model: ConfigModel, steps: RouteStep[], name: string): Promise<string | Walked> {
  const parsed = parseGoproxy(getVar(model, 'GOPROXY'), getVar(model, 'GONOPROXY'));
  const endsDirect = parsed.ok && parsed.entries.some((e) => e.kind === 'direct' || e.kind === 'off');
  let err: Walked | null = null;
  for (const step of steps.filter((x) => x.kind === 'sumdb-supported')) {
    const base = step.url!.replace(/\/supported$/, '');
    const r = await ask.get(base, step.url!);
    const kind = answerKind(r);
    if (kind === 'ok') return base;
    if (kind === 'hang') return fromProbe(r, 'sumdb', redactUrl(base), 'hang', hangWords(r, ask.timeoutMs, true));
    if (kind !== 'not-found')
      err = fromProbe(r, 'sumdb', redactUrl(base), 'fail', `verifying module: ${failureWords(r)}`);
    if (kind !== 'not-found' && step.fallThrough !== 'on-any-error') return err!;
  }
  if (err && !endsDirect) return err;
  return `https://${name}`;
}

/** Walks one need's route; the outcome without the need itself. */
export async function walkNeed(ask: Asker, model: ConfigModel, need: Need): Promise<Walked> {
  if (need.what === 'sumdb-lookup') return sumdbWalk(ask, model, need);
  const parsed = parseGoproxy(getVar(model, 'GOPROXY'), getVar(model, 'GONOPROXY'));
  if (!parsed.ok) return { outcome: 'fail', hop: 'proxy', message: parsed.error };
  const route = resolveRoute(model, need.module, need.version);
  const steps = route.steps.filter(
    (x) => x.kind === 'proxy' || x.kind === 'direct' || x.kind === 'vcs' || x.kind === 'off',
  );
  return downloadWalk(ask, model, need, steps);
}

/**
 * Starts finding the checksum database base for `module` (initBase's /supported walk) without waiting for it: its
 * answer is cached by the Asker, so the lookups after the needs prediction do not wait a second probe bound.
 */
export function prefetchSumdbBase(ask: Asker, model: ConfigModel, module: string): void {
  const route = resolveRoute(model, module, 'v0.0.0');
  if (!route.sumdb.checked || !route.sumdb.name || route.sumdb.via === 'url') return;
  if (route.sumdb.name === 'sum.golang.org' && isPrivateLooking(model, module)) return;
  void sumdbBase(ask, model, route.steps, route.sumdb.name).catch(() => undefined);
}
