// Pure diagnosis of a tidy run: errors through the rule table, hanging requests, and private paths sent to proxies.
import { getVar } from '../config-model.js';
import { proxyUrls } from '../goproxy.js';
import { isPublicModulePath } from '../public-hosts.js';
import type { ConfigModel } from '../config-types.js';
import type { ProxyEntry } from '../goproxy.js';
import type { TidyProblem } from './report-model.js';
import type { ProbeHop } from '../probe-types.js';
import { matchPrefixPatterns } from '../patterns.js';
import { redactUrl } from '../redact.js';
import { modulePathHost, urlHost } from '../hosts.js';
import { goprivateFix } from './fixes.js';
import { explainError } from './rules.js';
import { stallProblems } from './stall.js';
import type { Timeline } from './timeline.js';
import { urlSubject } from './url-subject.js';

/** What an active probe found out about one URL (subset of ProbeResult). */
export interface ProbeFinding {
  url: string;
  ok: boolean;
  cause?: string;
  phase?: string;
  message?: string;
  status?: number;
  /** The hop that failed and its peer (the proxy, the name looked up, or the target). */
  hop?: ProbeHop;
  peer?: string;
  /** What Go itself does where the probe stalled (its bound, null = none). */
  go?: { limitMs?: number | null; error?: string };
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
  if (o.stalled) stallProblems(t, o).forEach(add);
  const finals = t.errors.filter((e) => e.kind === 'error');
  for (const e of [...finals, ...t.errors.filter((e) => e.kind === 'get-error')])
    add(explainError(e, o.model, o.proxies));
  leakProblems(t, o).forEach(add);
  for (const p of out) {
    if (p.cause !== 'toolchain' || p.url || !o.toolchainUrl) continue;
    p.url = redactUrl(o.toolchainUrl); // no -x trace for the switch itself: the route names the request
    const host = urlHost(o.toolchainUrl);
    if (host) p.host = host;
  }
  return out;
}

/**
 * A module not on a known public host, asked of a proxy that did not have it: its path left the company (go help
 * private).
 */
function leakProblems(t: Timeline, o: DiagnoseOptions): TidyProblem[] {
  const nonProxied = getVar(o.model, 'GONOPROXY') || getVar(o.model, 'GOPRIVATE');
  const resolved = t.resolvedModules();
  const candidates = new Map<string, string>();
  for (const m of t.modules.values()) {
    // Only paths the proxy evidently did not have (404/410): a served module is public on that proxy.
    for (const r of m.requests) {
      if (
        (r.status === 404 || r.status === 410) &&
        urlSubject(r.url, proxyUrls(o.proxies)).via === 'proxy' &&
        !candidates.has(m.path)
      )
        candidates.set(m.path, r.url);
    }
  }
  for (const e of t.errors) {
    const d = e.kind === 'error' ? e.detail : undefined; // Go < 1.21 prints no -x: the final error implies the request
    if (
      d &&
      d.phase === 'proxy' &&
      (d.cause === 'not-found' || d.cause === 'gone') &&
      d.module &&
      d.url &&
      !candidates.has(d.module)
    ) {
      candidates.set(d.module, d.url);
    }
  }
  const byHost = new Map<string, TidyProblem>();
  for (const [mod, url] of candidates) {
    if (isPublicModulePath(mod) || matchPrefixPatterns(nonProxied, mod)) continue;
    if (resolved.some((r) => r === mod || r.startsWith(mod + '/'))) continue; // served, or a prefix probe of a served module
    const host = modulePathHost(mod);
    if ((byHost.get(host)?.module?.length ?? -1) >= mod.length) continue; // keep the most specific path per host
    byHost.set(host, {
      rule: 'private-leak',
      cause: 'leak',
      module: mod,
      url: redactUrl(url),
      phase: 'proxy',
      message: `${mod} is not on a known public host but its path was sent to the proxy ${urlHost(url) ?? ''}: private module names leak to that proxy (and the checksum database)`,
      fix: [goprivateFix(o.model, mod)],
    });
  }
  return [...byHost.values()];
}
