// Pure: the HTTP(S)_PROXY Go uses for a URL, read from the config model (HTTPS_PROXY, HTTP_PROXY and NO_PROXY live
// only in the process environment: config-model.ts ENV_ONLY_VARS), with x/net httpproxy's rules (http-proxy-env.ts).
import { getVar } from '../config-model.js';
import type { ConfigModel } from '../config-types.js';
import { proxyForUrl } from '../http-proxy-env.js';

/** The proxy URL Go would send a request for `url` through, and the variable it came from; null for a direct one. */
export function goProxyFor(model: ConfigModel, url: string): { url: string; variable: string } | null {
  const config = {
    httpProxy: getVar(model, 'HTTP_PROXY'),
    httpsProxy: getVar(model, 'HTTPS_PROXY'),
    noProxy: getVar(model, 'NO_PROXY'),
    cgi: false,
  };
  const proxy = proxyForUrl(config, url, model.goVersion);
  if (!proxy) return null;
  return { url: proxy, variable: url.startsWith('https:') ? 'HTTPS_PROXY' : 'HTTP_PROXY' };
}
