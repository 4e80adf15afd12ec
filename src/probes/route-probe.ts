// The RouteProbe of a fix search: one Go-shaped prober (go-prober.ts createGoProber) per distinct way of reaching the
// network, since a candidate may change HTTPS_PROXY, NO_PROXY, GODEBUG or the trusted roots; every prober shares
// the run's bound and cancellation. Answers are cached per request by core/verdict/probe-cache.ts.
import type { GoProbeOptions, GoProber } from './go-prober.js';
import { createGoProber } from './go-prober.js';
import { reachKey } from '../core/verdict/probe-cache.js';
import type { RouteProbe, RouteRequest } from '../core/verdict/types.js';

/** Whose Go to imitate, and the bound of each probe. */
export interface RouteProbeOptions {
  goVersion: string | null;
  platform: NodeJS.Platform;
  goauth?: string;
  timeoutMs: number;
}

/** A RouteProbe that can be closed (cancels every probe in flight). */
export interface ClosableRouteProbe {
  probe: RouteProbe;
  close(): void;
}

/** What a request of this hop reads (a proxy answer is checked as Go would: list/info/mod bodies). */
function probeOptions(req: RouteRequest): GoProbeOptions {
  if (req.hop !== 'proxy') return {};
  if (req.url.endsWith('/@v/list')) return { expect: 'list' };
  if (req.url.endsWith('.info')) return { expect: 'info' };
  if (req.url.endsWith('.mod')) return { expect: 'mod' };
  return {};
}

/** Creates the probe; each distinct proxy/trust environment gets its own prober, built once. */
export function createRouteProbe(o: RouteProbeOptions): ClosableRouteProbe {
  const probers = new Map<string, Promise<GoProber>>();
  const proberFor = (env: RouteRequest['env']): Promise<GoProber> => {
    const key = reachKey(env);
    let p = probers.get(key);
    if (!p) {
      p = createGoProber({
        env,
        goVersion: o.goVersion,
        platform: o.platform,
        goauth: o.goauth,
        timeoutMs: o.timeoutMs,
      });
      probers.set(key, p);
    }
    return p;
  };
  return {
    probe: async (req) => (await proberFor(req.env)).probe(req.url, probeOptions(req)),
    close: () => {
      for (const p of probers.values()) void p.then((x) => x.close());
    },
  };
}
