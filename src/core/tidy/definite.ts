// Pure: a definite failure seen in Go's -x trace — a status on a request Go needs that no later GOPROXY entry can undo —
// reported as soon as it is seen, and first in a run that is killed while other requests are still in flight.
// Fall-through (cmd/go/internal/modfetch/proxy.go TryProxies): after `,` only 404/410 go on, after `|` any error does;
// the last entry's error is final.
import { proxyUrls, type ProxyEntry } from '../goproxy.js';
import { urlHost } from '../hosts.js';
import type { TidyEvent } from './classify.js';
import type { ErrorEvent, Timeline } from './timeline.js';
import { matchProxyBase, urlSubject } from './url-subject.js';

const VERSIONED = new Set(['info', 'mod', 'zip']);

/** True when no entry after the proxy serving `url` can answer instead (it is the last, or `,` and not 404/410). */
function isFinal(url: string, status: number, proxies: ProxyEntry[]): boolean {
  const base = matchProxyBase(url, proxyUrls(proxies))?.base;
  const i = base === undefined ? -1 : proxies.findIndex((e) => e.kind === 'url' && e.url === base);
  if (i < 0) return false;
  const next = proxies.slice(i + 1).some((e) => e.kind === 'url' || e.kind === 'direct');
  if (!next) return true;
  return !proxies[i]!.fallBackOnError && status !== 404 && status !== 410;
}

/**
 * The `-x` line `# get URL: 404 Not Found` as an error Go will end with: a version's .info/.mod/.zip refused
 * (401/403/404/410/5xx), or a @v/list refused other than 404/410 (those are Go's prefix probes), from the last
 * proxy that could answer. Undefined for anything else.
 */
export function definiteFailure(
  ev: TidyEvent,
  proxies: ProxyEntry[],
): Extract<ErrorEvent, { kind: 'error' }> | undefined {
  if (ev.kind !== 'get-done') return undefined;
  const st = ev.status;
  const s = urlSubject(ev.url, proxyUrls(proxies));
  if (s.via !== 'proxy' || !s.module) return undefined;
  const versioned = VERSIONED.has(s.kind);
  const refused = st === 401 || st === 403 || st >= 500 || (versioned && (st === 404 || st === 410));
  if (!refused || (!versioned && s.kind !== 'list') || !isFinal(ev.url, st, proxies)) return undefined;
  const text = `reading ${ev.url}: ${st} ${ev.statusText}`.trim();
  const cause = st === 404 ? 'not-found' : st === 410 ? 'gone' : st < 500 ? 'auth' : 'http-status';
  const host = urlHost(ev.url);
  return {
    kind: 'error',
    text,
    detail: {
      cause,
      phase: 'proxy',
      url: ev.url,
      httpStatus: st,
      module: s.module,
      ...(s.version ? { version: s.version } : {}),
      ...(host ? { host } : {}),
    },
  };
}

/**
 * Every definite failure of the run so far (from the requests the timeline kept), the most specific module path first:
 * Go asks a package's parent paths too and names the longest one in its error (modload/import.go queryImport).
 */
export function definiteFailures(t: Timeline, proxies: ProxyEntry[]): Array<Extract<ErrorEvent, { kind: 'error' }>> {
  const out: Array<Extract<ErrorEvent, { kind: 'error' }>> = [];
  for (const m of t.modules.values())
    for (const r of m.requests) {
      if (r.status === undefined) continue;
      const e = definiteFailure({ kind: 'get-done', url: r.url, status: r.status, statusText: '' }, proxies);
      if (e) out.push(e);
    }
  return out.sort((a, b) => (b.detail.module?.length ?? 0) - (a.detail.module?.length ?? 0));
}
