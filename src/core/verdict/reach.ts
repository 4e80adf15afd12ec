// Which network a configuration reaches: a fix that changes HTTPS_PROXY, NO_PROXY, GODEBUG or the trusted roots
// reaches the same URLs another way, so its candidate is probed with a prober built for its environment; every other
// candidate reuses the run's probe and its answers (one probe per URL for the whole run).
import type { RouteProbe } from './types.js';

/** The environment Go runs with. */
export type Env = Record<string, string | undefined>;

// net/http proxies (x/net/http/httpproxy FromEnvironment), crypto/tls settings, crypto/x509 roots.
const REACH_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'GODEBUG'];
const TRUST_VARS = ['SSL_CERT_FILE', 'SSL_CERT_DIR'];

/** The part of the environment that decides how a request travels. */
function reachKey(env: Env): string {
  return [...REACH_VARS, ...TRUST_VARS].map((k) => `${k}=${env[k] ?? ''}`).join('\n');
}

/**
 * The probe for a candidate's environment: the run's own when it reaches the network the same way, else one built by
 * `probeFor` (once per distinct environment); null when the environment differs and there is no `probeFor`.
 */
export function probeSelector(
  base: RouteProbe,
  baseEnv: Env,
  probeFor?: (env: Env) => RouteProbe,
): (env: Env) => RouteProbe | null {
  const baseKey = reachKey(baseEnv);
  const built = new Map<string, RouteProbe>();
  return (env) => {
    const key = reachKey(env);
    if (key === baseKey) return base;
    if (!probeFor) return null;
    let p = built.get(key);
    if (!p) {
      p = probeFor(env);
      built.set(key, p);
    }
    return p;
  };
}
