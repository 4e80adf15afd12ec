// Probes for the fix search's candidates that change how the network is reached (HTTPS_PROXY, NO_PROXY, GODEBUG,
// SSL_CERT_FILE): one Go-shaped prober (go-prober.ts) per environment, built on first use, each behind the engine's
// RouteProbe (route-probe.ts: answers cached per URL).
import type { Env } from '../core/verdict/reach.js';
import type { GitAnswer, RouteProbe } from '../core/verdict/types.js';
import { createGoProber, type GoProber, type GoProberOptions } from './go-prober.js';
import { createRouteProbe } from './route-probe.js';

/** How the run's probers are made: the Go they imitate and the bound of each probe. */
interface ProberSpec {
  goVersion: string | null;
  goauth?: string;
  timeoutMs: number;
  gitLsRemote?: (repo: string) => Promise<GitAnswer>;
}

/** The prober options of a spec for one environment. */
function proberOptions(spec: ProberSpec, env: Env): GoProberOptions {
  const o: GoProberOptions = { env, goVersion: spec.goVersion, platform: process.platform, timeoutMs: spec.timeoutMs };
  if (spec.goauth !== undefined) o.goauth = spec.goauth;
  return o;
}

/**
 * A RouteProbe per environment, for candidates that change how the network is reached (HTTPS_PROXY, NO_PROXY,
 * GODEBUG, SSL_CERT_FILE): a prober for that environment, built on first use. `close` cancels them all.
 */
export function envRouteProbes(spec: ProberSpec): { probeFor: (env: Env) => RouteProbe; close(): void } {
  const probers: Array<Promise<GoProber>> = [];
  const probeFor = (env: Env): RouteProbe => {
    const prober = createGoProber(proberOptions(spec, env));
    probers.push(prober);
    const git = spec.gitLsRemote ? { gitLsRemote: spec.gitLsRemote } : {};
    const route = prober.then((p) => createRouteProbe({ prober: p, ...git }));
    return {
      get: async (url) => (await route).get(url),
      getBody: async (url) => {
        const r = await route;
        return r.getBody ? r.getBody(url) : r.get(url);
      },
      ...(spec.gitLsRemote ? { gitLsRemote: spec.gitLsRemote } : {}),
    };
  };
  return { probeFor, close: () => probers.forEach((p) => void p.then((x) => x.close())) };
}
