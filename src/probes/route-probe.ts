// The verdict engine's network (core/verdict RouteProbe) over the one prober: GETs as Go sends them, answers cached
// per URL for the run (so a changed model is re-evaluated without asking again), the go-get page and go.mod files read
// (up to 1 MiB). Each TLS endpoint also gets the Go-shaped ClientHello check once (tls-hello.ts): where a middlebox
// swallows the running Go's large hello, the request fails as Go's would (TLS handshake timeout), even though our own
// small hello went through.
import type { ProbeResult } from '../core/probe-types.js';
import type { GitAnswer, RouteProbe } from '../core/verdict/types.js';
import type { GoProber } from './go-prober.js';
import { checkClientHello, type HelloCheckResult } from './tls-hello.js';

/** What a RouteProbe needs: the run's prober and, optionally, the hello check's facts and git. */
interface RouteProbeOptions {
  prober: GoProber;
  /**
   * The running Go ("go1.26.8"), the environment it runs with (GODEBUG, HTTPS_PROXY) and the bound, for the
   * ClientHello check; without `hello` the check is not made.
   */
  hello?: { goVersion: string | null; env: Record<string, string | undefined>; timeoutMs: number };
  gitLsRemote?: (repo: string) => Promise<GitAnswer>;
}

/** A RouteProbe whose answers are cached by URL for the life of the run. */
export function createRouteProbe(o: RouteProbeOptions): RouteProbe {
  const cache = new Map<string, Promise<ProbeResult>>();
  const hellos = new Map<string, Promise<HelloCheckResult | null>>();
  const hello = (url: string): Promise<HelloCheckResult | null> => {
    const h = o.hello;
    if (!h || !url.startsWith('https://')) return Promise.resolve(null);
    const endpoint = new URL(url).host;
    let p = hellos.get(endpoint);
    if (!p) {
      const opts = {
        goVersion: h.goVersion,
        godebug: h.env.GODEBUG,
        env: h.env,
        timeoutMs: h.timeoutMs,
        ca: o.prober.ca,
      };
      p = checkClientHello(url, opts).catch(() => null);
      hellos.set(endpoint, p);
    }
    return p;
  };
  const once = (key: string, url: string, readBody: number): Promise<ProbeResult> => {
    let p = cache.get(key);
    if (!p) {
      p = Promise.all([o.prober.probe(url, { readBody }), hello(url)]).then(([r, h]) => withHello(r, h));
      cache.set(key, p);
    }
    return p;
  };
  const probe: RouteProbe = {
    get: (url) => once(url, url, 512),
    getBody: (url) => once(`body ${url}`, url, 1 << 20),
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

/** A request that went through with our hello fails where the running Go's large hello is swallowed. */
function withHello(r: ProbeResult, h: HelloCheckResult | null): ProbeResult {
  if (h?.verdict !== 'large-dropped' || !h.failure) return r;
  const { body: _b, bytes: _y, status: _s, statusText: _t, ...rest } = r;
  return { ...rest, ok: false, ...h.failure };
}
