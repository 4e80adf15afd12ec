// Ranking of probed mirrors for the wizard's table: working first, then fastest; unreachable ones stay visible.
import type { ProbeResult } from '../probe-types.js';
import type { Mirror } from './mirrors.js';

/** What the wizard learned about one mirror (two bounded requests, run concurrently). */
export interface MirrorProbe {
  mirror: Mirror;
  /** The canary `@v/list` request. */
  list: ProbeResult;
  /** The `/sumdb/sum.golang.org/supported` request. */
  sumdb: ProbeResult;
}

/** Verdict for one mirror row. */
type MirrorVerdict = 'ok' | 'reachable' | 'unreachable';

/**
 * ok = the canary list came back 200; reachable = the server answered (404/410 is a proper "not here",
 * proxy.go TryProxies, other statuses are errors Go would not fall through on with ","); unreachable = no answer.
 */
export function mirrorVerdict(p: MirrorProbe): MirrorVerdict {
  if (p.list.ok && p.list.status === 200) return 'ok';
  return p.list.status !== undefined ? 'reachable' : 'unreachable';
}

/** Whether the mirror proxies the checksum database (200 on /supported: sumdb.go initBase). */
export function servesSumdb(p: MirrorProbe): boolean {
  return p.sumdb.status === 200;
}

const ORDER: Record<MirrorVerdict, number> = { ok: 0, reachable: 1, unreachable: 2 };

/**
 * Sorts probes: verdict, then total latency of the canary request among mirrors that answered. Unreachable mirrors
 * keep the catalogue's order: their "latency" is only when each gave up, which differs from run to run.
 */
export function rankMirrors(probes: MirrorProbe[]): MirrorProbe[] {
  const latency = (p: MirrorProbe) => (mirrorVerdict(p) === 'unreachable' ? 0 : p.list.timings.totalMs);
  return [...probes].sort((a, b) => ORDER[mirrorVerdict(a)] - ORDER[mirrorVerdict(b)] || latency(a) - latency(b));
}

/** Whether a mirror URL is one of the entries of a recommended GOPROXY list (whole entries, not substrings). */
export function isRecommended(recommended: string, url: string): boolean {
  return recommended.split(/[,|]/).includes(url);
}

/**
 * Recommended GOPROXY from ranked probes: working mirrors joined by "|" (fall through on any error: proxy.go
 * TryProxies), then direct if it works.
 */
export function recommendProxy(ranked: MirrorProbe[], directWorks: boolean): string {
  const ok = ranked
    .filter((p) => mirrorVerdict(p) === 'ok')
    .slice(0, 2)
    .map((p) => p.mirror.url);
  if (ok.length === 0) return directWorks ? 'direct' : 'off';
  return directWorks ? `${ok.join('|')},direct` : ok.join('|');
}
