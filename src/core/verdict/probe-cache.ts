// One probe per distinct request for a whole run: the base verdict and every candidate's share the answers, so a
// candidate only probes the URLs its change adds. The key is the URL and what decides how Go reaches it.
import type { ProbeResult } from '../probe-types.js';
import type { Env, RouteProbe, RouteRequest } from './types.js';

// Variables that change the way Go reaches a URL (net/http proxies, crypto/tls and crypto/x509 settings).
const REACH_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'GODEBUG'];
const TRUST_VARS = ['SSL_CERT_FILE', 'SSL_CERT_DIR'];

/** The part of the environment that decides how a request travels. */
export function reachKey(env: Env): string {
  return [...REACH_VARS, ...TRUST_VARS].map((k) => `${k}=${env[k] ?? ''}`).join('\n');
}

/** Wraps a probe so each (URL, reach) pair is asked once; concurrent askers share the answer in flight. */
export function cachedRouteProbe(probe: RouteProbe): RouteProbe & { asked: () => string[] } {
  const answers = new Map<string, Promise<ProbeResult>>();
  const urls = new Set<string>();
  const cached = (req: RouteRequest): Promise<ProbeResult> => {
    const key = `${req.url}\n${reachKey(req.env)}`;
    urls.add(req.url);
    let answer = answers.get(key);
    if (!answer) {
      answer = probe(req);
      answers.set(key, answer);
    }
    return answer;
  };
  return Object.assign(cached, { asked: () => [...urls] });
}
