// The verdict engine's network (core/verdict RouteProbe) over the one prober: GETs as Go sends them, answers cached
// per URL for the run (so a changed model is re-evaluated without asking again), the go-get page read for its meta tags.
import type { ProbeResult } from '../core/probe-types.js';
import type { GitAnswer, RouteProbe } from '../core/verdict/types.js';
import type { GoProber } from './go-prober.js';

/** What a RouteProbe needs: the run's prober and, optionally, git. */
export interface RouteProbeOptions {
  prober: GoProber;
  gitLsRemote?: (repo: string) => Promise<GitAnswer>;
}

/** A RouteProbe whose answers are cached by URL for the life of the run. */
export function createRouteProbe(o: RouteProbeOptions): RouteProbe {
  const cache = new Map<string, Promise<ProbeResult>>();
  const once = (key: string, run: () => Promise<ProbeResult>): Promise<ProbeResult> => {
    let p = cache.get(key);
    if (!p) {
      p = run();
      cache.set(key, p);
    }
    return p;
  };
  const probe: RouteProbe = {
    get: (url) => once(url, () => o.prober.probe(url, { readBody: 512 })),
    getBody: (url) => once(`body ${url}`, () => o.prober.probe(url, { readBody: 64 * 1024 })),
  };
  if (o.gitLsRemote) {
    const git = new Map<string, Promise<GitAnswer>>();
    const ls = o.gitLsRemote;
    probe.gitLsRemote = (repo) => {
      let p = git.get(repo);
      if (!p) {
        p = ls(repo);
        git.set(repo, p);
      }
      return p;
    };
  }
  return probe;
}
