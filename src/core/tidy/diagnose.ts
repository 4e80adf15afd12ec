// Pure diagnosis of a tidy run: errors through the rule table, hanging requests, and private paths sent to proxies.
import type { Text } from '../i18n/message.js';
import { tidyMsg } from '../i18n/messages/tidy.js';
import { getVar } from '../config-model.js';
import { proxyUrls } from '../goproxy.js';
import { isInternalLookingHost, isPublicModulePath } from '../public-hosts.js';
import type { ConfigModel } from '../config-types.js';
import type { ProxyEntry } from '../goproxy.js';
import type { TidyProblem } from './report-model.js';
import type { ProbeHop, ProxyFinding } from '../probe-types.js';
import type { GitRewrite } from '../git-insteadof.js';
import { matchPrefixPatterns } from '../patterns.js';
import { redactUrl } from '../redact.js';
import { modulePathHost, urlHost } from '../hosts.js';
import { fixesFor, goprivateFix } from './fixes.js';
import { commentFix } from '../fix/fix.js';
import { fixMsg } from '../i18n/messages/fix.js';
import { explainError } from './rules.js';
import { stallProblems } from './stall.js';
import { definiteFailures } from './definite.js';
import type { Timeline } from './timeline.js';
import { urlSubject } from './url-subject.js';

/** What an active probe found out about one URL (subset of ProbeResult). */
export interface ProbeFinding {
  url: string;
  ok: boolean;
  cause?: string;
  phase?: string;
  message?: Text;
  status?: number;
  /** The hop that failed and its peer (the proxy, the name looked up, or the target). */
  hop?: ProbeHop;
  peer?: string;
  /** What Go itself does where the probe stalled (its bound, null = none). */
  go?: { limitMs?: number | null; error?: string };
  /** What the HTTP(S)_PROXY did, when the proxy hop failed. */
  proxy?: ProxyFinding;
}

/** Everything the diagnosis needs besides the timeline. */
export interface DiagnoseOptions {
  /** The configuration as Go reports it (config-model.ts withGoReported). */
  model: ConfigModel;
  /** GOPROXY parsed once (goproxy.ts modelProxies). */
  proxies: ProxyEntry[];
  /** True when the watchdog fired and Go had not finished since (stalled or killed). */
  stalled: boolean;
  /** --stall: a request or download quiet for less than this is not blamed (it is what Go does next). */
  stallMs?: number;
  /** How long nothing progressed when the diagnosis ran. */
  stalledForMs?: number;
  now: number;
  probes?: ProbeFinding[];
  /** Where the toolchain zip was fetched from (toolchainZipUrl), when Go switched toolchains. */
  toolchainUrl?: string;
  /** git's url.<base>.insteadOf rewrites in the env go ran with: the server a hanging git really talks to. */
  gitRewrites?: GitRewrite[];
}

function problemKey(p: TidyProblem): string {
  return [p.cause, p.phase ?? '', p.host ?? '', p.host ? '' : (p.module ?? '')].join('|');
}

/** Orders the run's problems: hanging requests first, then errors (deduplicated), then leaks. */
export function diagnose(t: Timeline, o: DiagnoseOptions): TidyProblem[] {
  const out: TidyProblem[] = [];
  const seen = new Set<string>();
  const add = (p: TidyProblem): void => {
    const k = problemKey(p);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(p);
  };
  // A failure Go will end with, already in the trace, wins over whatever is still in flight when the run is killed.
  if (o.stalled) for (const e of definiteFailures(t, o.proxies)) add(explainError(e, o.model, o.proxies));
  if (o.stalled) stallProblems(t, o).forEach(add);
  const finals = t.errors.filter((e) => e.kind === 'error');
  for (const e of [...finals, ...t.errors.filter((e) => e.kind === 'get-error')])
    add(explainError(e, o.model, o.proxies));
  fellThrough(t, out, o).forEach(add);
  leakProblems(t, o).forEach(add);
  for (const p of out) p.fix = fixesFor(p, o); // the one switch point of tidy's fixes (fixes.ts)
  for (const p of out) {
    if (p.cause !== 'toolchain' || p.url || !o.toolchainUrl) continue;
    p.url = redactUrl(o.toolchainUrl); // no -x trace for the switch itself: the route names the request
    const host = urlHost(o.toolchainUrl);
    if (host) p.host = host;
  }
  return out;
}

/** Statuses by which a proxy says it will not serve a path: it was asked, so the path left the company. */
const REFUSED = new Set([400, 401, 403, 404, 410]);

/**
 * A 404/410 says the proxy does not have a non-public path; a 400/401/403 (a gateway's policy) counts only for a path
 * that looks internal (git.corp…), since gateways refuse public modules too.
 */
function refusedPrivate(mod: string, status: number | undefined): boolean {
  if (status === 404 || status === 410) return true;
  return status !== undefined && REFUSED.has(status) && isInternalLookingHost(modulePathHost(mod));
}

/**
 * Modules not on a known public host that a proxy refused (400/401/403/404/410): their paths left the company (go help
 * private). One problem naming every such path, whose one fix puts a pattern for each in GOPRIVATE.
 */
function leakProblems(t: Timeline, o: DiagnoseOptions): TidyProblem[] {
  const nonProxied = getVar(o.model, 'GONOPROXY') || getVar(o.model, 'GOPRIVATE');
  const resolved = t.resolvedModules();
  const candidates = new Map<string, string>();
  for (const m of t.modules.values()) {
    // Only paths the proxy evidently did not serve: a served module is public on that proxy.
    for (const r of m.requests) {
      if (
        refusedPrivate(m.path, r.status) &&
        urlSubject(r.url, proxyUrls(o.proxies)).via === 'proxy' &&
        !candidates.has(m.path)
      )
        candidates.set(m.path, r.url);
    }
  }
  for (const e of t.errors) {
    const d = e.kind === 'error' ? e.detail : undefined; // Go < 1.21 prints no -x: the final error implies the request
    const status = d?.httpStatus ?? (d?.cause === 'not-found' ? 404 : d?.cause === 'gone' ? 410 : undefined);
    if (d && d.phase === 'proxy' && d.module && refusedPrivate(d.module, status) && d.url && !candidates.has(d.module))
      candidates.set(d.module, d.url);
  }
  const byHost = new Map<string, [string, string]>();
  for (const [mod, url] of candidates) {
    if (isPublicModulePath(mod) || matchPrefixPatterns(nonProxied, mod)) continue;
    if (resolved.some((r) => r === mod || r.startsWith(mod + '/'))) continue; // served, or a prefix probe of a served module
    const host = modulePathHost(mod);
    if ((byHost.get(host)?.[0].length ?? -1) >= mod.length) continue; // keep the most specific path per host
    byHost.set(host, [mod, url]);
  }
  const leaks = [...byHost.values()];
  if (leaks.length === 0) return [];
  const [mod, url] = leaks[0]!;
  const paths = leaks.map(([m]) => m);
  const proxies = [...new Set(leaks.map(([, u]) => urlHost(u) ?? ''))].join(', ');
  return [
    {
      rule: 'private-leak',
      cause: 'leak',
      module: mod,
      url: redactUrl(url),
      phase: 'proxy',
      message: tidyMsg(paths.length === 1 ? 'leak.one' : 'leak.many', { paths: paths.join(', '), proxies }),
      fix: [goprivateFix(o.model, paths)],
    },
  ];
}

/**
 * Go < 1.21: the direct step failed after a proxy listed with `|` before it; a probe of that proxy (fallThroughTargets)
 * that answered an error says what sent Go to direct — not in Go's log, which only shows the last error.
 */
function fellThrough(t: Timeline, problems: TidyProblem[], o: DiagnoseOptions): TidyProblem[] {
  if (t.sawTrace || !o.probes?.length) return [];
  const direct = problems.find((p) => p.phase === 'direct' && p.module);
  if (!direct) return [];
  const out: TidyProblem[] = [];
  for (const f of o.probes) {
    const s = urlSubject(f.url, proxyUrls(o.proxies));
    if (s.via !== 'proxy' || s.module !== direct.module || f.status === undefined || f.status < 400) continue;
    const st = f.status;
    const cause = st === 404 ? 'not-found' : st === 410 ? 'gone' : st === 401 || st === 403 ? 'auth' : 'http-status';
    const host = urlHost(f.url);
    const p: TidyProblem = {
      rule: 'fell-through',
      cause,
      phase: 'proxy',
      module: direct.module!,
      url: redactUrl(f.url),
      message: tidyMsg('fellThrough', {
        host: host ?? '',
        module: direct.module!,
        status: st,
        probe: f.message ? tidyMsg('fellThroughProbe', { finding: f.message }) : '',
      }),
      fix: [
        commentFix(
          fixMsg('fix.note.askOperator', { host: host ?? fixMsg('fix.note.thatProxy'), module: direct.module! }),
        ),
      ],
    };
    if (host) p.host = host;
    out.push(p);
  }
  return out;
}
