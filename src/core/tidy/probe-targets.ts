// Pure: which URLs the watchdog may probe when Go is stuck, never sending a private path to a proxy.
import { getVar } from '../config-model.js';
import { proxyUrls } from '../goproxy.js';
import { matchPrefixPatterns } from '../patterns.js';
import { resolveRoute } from '../route.js';
import type { ConfigModel } from '../config-types.js';
import type { ProxyEntry } from '../goproxy.js';
import { waitingSubject } from './stall.js';
import type { Timeline } from './timeline.js';
import { matchProxyBase, urlSubject } from './url-subject.js';

const MAX_TARGETS = 6;

/** Whether probing `url` would reveal a GOPRIVATE/GONOPROXY path to a proxy or a GONOSUMDB path to the checksum DB. */
export function isPrivateLeakingUrl(url: string, model: ConfigModel, proxies: ProxyEntry[]): boolean {
  const s = urlSubject(url, proxyUrls(proxies));
  if (!s.module) return false;
  const patterns = (name: string) => getVar(model, name) || getVar(model, 'GOPRIVATE');
  if (s.via === 'proxy') return matchPrefixPatterns(patterns('GONOPROXY'), s.module);
  if (s.via === 'sumdb') return matchPrefixPatterns(patterns('GONOSUMDB'), s.module);
  return false; // direct requests go to the module's own host: nothing leaks
}

/**
 * URLs to probe: the pending `# get` requests (Go ≥ 1.21 -x), else the requests the route resolver predicts for
 * the module Go waits for (Go 1.19 has no `go mod tidy -x`). Bounded and privacy-filtered. `resolved` is the version
 * of that module the module cache shows Go resolved (go/module-cache.ts versionBeingChecked), when Go printed none.
 */
export function probeTargets(t: Timeline, model: ConfigModel, proxies: ProxyEntry[], resolved?: string): string[] {
  const pending = t.pending().map((p) => p.url);
  const urls = pending.length > 0 || t.sawTrace ? pending : predicted(t, model, resolved);
  return [...new Set(urls)].filter((u) => !isPrivateLeakingUrl(u, model, proxies)).slice(0, MAX_TARGETS);
}

/** The module whose requests probeTargets predicts (no -x trace, nothing pending), else undefined. */
export function predictedModule(t: Timeline): string | undefined {
  if (t.sawTrace || t.pending().length > 0) return undefined;
  return waitingSubject(t).module;
}

function predicted(t: Timeline, model: ConfigModel, resolved: string | undefined): string[] {
  const subject = waitingSubject(t);
  if (!subject.module) return [];
  const version = t.modules.get(subject.module)?.version ?? resolved;
  let route: ReturnType<typeof resolveRoute>;
  try {
    route = resolveRoute(model, subject.module, version);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const step of route.steps) {
    if (step.kind === 'vcs') continue; // git does that network traffic (and may rewrite it with insteadOf): not ours to probe
    // The checksum database is asked `/lookup/M@V` (and tiles): x/mod/sumdb/client.go reads /latest from its local
    // config, never from the server. With no version known there is no request of its to name: none is probed.
    if (step.requests?.length) out.push(...step.requests);
  }
  // `go: downloading M V` is printed just before the zip fetch (modfetch/fetch.go): then the zip (and its checksum)
  // come first.
  const downloading = version !== undefined && t.current === `${subject.module}@${version}`;
  const rank = (u: string): number =>
    downloading && /\.zip$/.test(u) ? 0 : downloading && /\/lookup\//.test(u) ? 1 : 2;
  return out
    .map((u, i) => ({ u, i }))
    .sort((a, b) => rank(a.u) - rank(b.u) || a.i - b.i)
    .map((x) => x.u);
}

/**
 * The URL to really probe for one Go printed: `go -x` redacts passwords (`user:xxxxx@`: url.URL.Redacted in
 * cmd/go/internal/web/http.go), so a redacted proxy URL is mapped back to its GOPROXY entry (same scheme, host, path
 * prefix); any other redacted userinfo is dropped (the probe then relies on .netrc, like Go). The result may hold a
 * secret: never print it.
 */
export function realProbeUrl(url: string, proxies: ProxyEntry[]): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@(.*)$/i.exec(url);
  if (!m || !/:(xxxxx|\*\*\*)$/.test(m[2]!)) return url;
  const entry = matchProxyBase(url, proxyUrls(proxies));
  if (entry && /@/.test(entry.base.split('/')[2] ?? '')) return entry.base.replace(/\/+$/, '') + entry.rest;
  return m[1]! + m[3]!;
}

/** The proxy URL of the toolchain zip Go was downloading (`go: downloading go1.X.Y (os/arch)`: modfetch/fetch.go). */
export function toolchainZipUrl(t: Timeline, model: ConfigModel): string | undefined {
  if (!t.toolchain) return undefined;
  const [goos, goarch] = t.toolchain.platform.split('/');
  const version = `v0.0.1-${t.toolchain.version}.${goos}-${goarch}`;
  try {
    const route = resolveRoute(model, 'golang.org/toolchain', version);
    return route.steps.flatMap((s) => s.requests ?? []).find((u) => u.endsWith('.zip'));
  } catch {
    return undefined;
  }
}

/**
 * Go < 1.21 prints no -x: when a module failed at the direct step, the proxies its route asked first and fell through
 * with `|` (any error: proxy.go TryProxies) are not in the log. Their first request, to probe after the run, so the
 * report can say what sent Go to direct (a 403, say). Never a path a proxy must not see.
 */
export function fallThroughTargets(
  t: Timeline,
  problems: Array<{ phase?: string; module?: string }>,
  model: ConfigModel,
  proxies: ProxyEntry[],
): string[] {
  if (t.sawTrace) return [];
  const out: string[] = [];
  for (const p of problems) {
    if (p.phase !== 'direct' || !p.module) continue;
    let route: ReturnType<typeof resolveRoute>;
    try {
      route = resolveRoute(model, p.module);
    } catch {
      continue;
    }
    for (const step of route.steps) {
      if (step.kind !== 'proxy') break; // only the proxies asked before direct
      if (step.fallThrough === 'on-any-error' && step.requests?.[0]) out.push(step.requests[0]);
    }
  }
  return [...new Set(out)].filter((u) => !isPrivateLeakingUrl(u, model, proxies)).slice(0, MAX_TARGETS);
}
