// The warnings of a route: a path that looks private would reach a public proxy or the public checksum database,
// or an explicit GONOPROXY/GONOSUMDB overrides GOPRIVATE (cmd/go/internal/cfg/cfg.go: they default to GOPRIVATE only
// when empty), each with the setting that prevents it.
import { getVar } from './config-model.js';
import type { ConfigModel } from './config-types.js';
import { setFix } from './fix/fix.js';
import { type ProxyEntry, proxyEntryLabel } from './goproxy.js';
import { modulePathHost } from './hosts.js';
import { routeMsg } from './i18n/messages/route.js';
import { matchingPattern } from './patterns.js';
import { isPublicModulePath, isPublicProxyUrl } from './public-hosts.js';
import type { Route, RouteWarning } from './route.js';

/** A GOPRIVATE module that an explicit GONOPROXY/GONOSUMDB still sends to a public proxy or checksum database. */
function overrideWarnings(route: Route, entries: ProxyEntry[], model: ConfigModel, pattern: string): RouteWarning[] {
  const out: RouteWarning[] = [];
  const widen = (name: string) => setFix(model, name, [getVar(model, name), pattern].filter(Boolean).join(','));
  const publicProxy = entries.find((e) => e.kind === 'url' && isPublicProxyUrl(e.url));
  const { module } = route;
  if (!route.private && publicProxy) {
    const [value, proxy] = [getVar(model, 'GONOPROXY'), proxyEntryLabel(publicProxy)];
    out.push({
      message: routeMsg('warn.gonoproxyOverrides', { module, pattern, value, proxy }),
      fix: widen('GONOPROXY'),
    });
  }
  if (route.sumdb.checked && route.sumdb.name === 'sum.golang.org' && route.module !== 'golang.org/toolchain') {
    const value = getVar(model, 'GONOSUMDB');
    out.push({ message: routeMsg('warn.gonosumdbOverrides', { module, pattern, value }), fix: widen('GONOSUMDB') });
  }
  return out;
}

/** Warnings when a path that looks private would reach a public proxy or a public checksum database. */
export function leakWarnings(route: Route, entries: ProxyEntry[], model: ConfigModel): RouteWarning[] {
  const privatePattern = matchingPattern(getVar(model, 'GOPRIVATE'), route.module);
  if (privatePattern !== null) return overrideWarnings(route, entries, model, privatePattern);
  if (route.private || isPublicModulePath(route.module)) return [];
  const out: RouteWarning[] = [];
  const host = modulePathHost(route.module);
  const publicProxy = entries.find((e) => e.kind === 'url' && isPublicProxyUrl(e.url));
  const { module } = route;
  if (publicProxy) {
    out.push({
      message: routeMsg('warn.publicProxy', { module, proxy: proxyEntryLabel(publicProxy) }),
      fix: setFix(model, 'GOPRIVATE', [getVar(model, 'GOPRIVATE'), host].filter(Boolean).join(',')),
    });
  }
  if (route.sumdb.checked && route.sumdb.name === 'sum.golang.org') {
    out.push({ message: routeMsg('warn.publicSumdb', { module, host }) });
  }
  return out;
}
