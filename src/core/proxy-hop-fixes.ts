// Fixes for a failure at the proxy hop (core/fix/fix.ts data; settings in the environment, since HTTPS_PROXY and
// NO_PROXY live only there — `go env -w` cannot hold them). Go sends proxy credentials only from the proxy URL's
// userinfo, as Basic (net/http/transport.go connectMethod.proxyAuth), and skips the proxy for NO_PROXY hosts
// (x/net/http/httpproxy config.useProxy).
import { appendFix, commentFix, setFix, type Fix } from './fix/fix.js';
import { isPublicModulePath, isPublicProxyUrl } from './public-hosts.js';
import type { ProbeResult } from './probe-types.js';

/**
 * The proxy URL with placeholder credentials, already in redacted form so every output prints it as it is:
 * http://USER:xxxxx@proxy:3128 (never the real ones).
 */
export function placeholderProxyUrl(proxyUrl: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)(?:[^@/?#]*@)?(.*)$/.exec(proxyUrl);
  return m ? `${m[1]}USER:xxxxx@${m[2]}` : proxyUrl;
}

function hasUserinfo(proxyUrl: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*@/.test(proxyUrl);
}

/** Host of the target (no port) from "host:port" or a URL. */
function targetHost(r: ProbeResult): string {
  const m = /^[a-z]+:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(r.url);
  return (m?.[1] ?? '').replace(/^\[|\]$/g, '');
}

/** NO_PROXY keeping what is there (Go reads NO_PROXY, else no_proxy: httpproxy FromEnvironment getEnvAny). */
function noProxyFix(host: string): Fix {
  return appendFix('NO_PROXY', host, `only if ${host} is on the intranet: Go then connects to it without the proxy`);
}

/** Fixes for a probe that failed at the proxy hop; [] for any other hop. `variable`: the env var naming the proxy. */
export function proxyHopFixes(r: ProbeResult, variable = 'HTTPS_PROXY'): Fix[] {
  const p = r.proxy;
  if (r.hop !== 'proxy' || !p) return [];
  const host = targetHost(r);
  const publicHost = isPublicModulePath(host) || isPublicProxyUrl(r.url);
  const intranet = host !== '' && !publicHost ? [noProxyFix(host)] : [];
  switch (p.action) {
    case 'auth-required':
      return [...authFixes(p.url, p.challenge, p.realm, variable), ...intranet];
    case 'denied':
    case 'error-status': {
      const said = p.firstLine ? ` ("${p.firstLine}")` : '';
      const what = p.action === 'denied' ? `blocks ${host}` : `could not reach ${host}`;
      const ask =
        p.action === 'denied'
          ? 'ask for it to be allowed, or use a mirror it allows'
          : 'the host may be down or blocked beyond the proxy';
      return [commentFix(`proxy ${p.url} ${what} (${p.status ?? p.reason}${said}): ${ask}`), ...intranet];
    }
    case 'tunnel-silent':
      return [
        commentFix(
          `proxy ${p.url} opens tunnels to ${host} but nothing comes back through them: ask its operator; a middlebox behind it may swallow the TLS handshake`,
        ),
        ...intranet,
      ];
    default:
      return [
        commentFix(
          `the proxy in ${variable} (${p.url}) ${actionWords(p.action)}: fix or remove ${variable} (unset ${variable} if this network reaches ${host} directly)`,
          variable,
        ),
        ...intranet,
      ];
  }
}

function authFixes(url: string, challenge: string | undefined, realm: string | undefined, variable: string): Fix[] {
  const realmWords = realm !== undefined ? ` (realm "${realm}")` : '';
  if (challenge && !/^basic\b/i.test(challenge)) {
    const scheme = challenge.split(/\s/)[0];
    return [
      commentFix(
        `proxy ${url} asks for ${scheme}${realmWords}, which Go cannot answer (only Basic, from the proxy URL): run a local authenticating proxy (e.g. cntlm or px) and point ${variable} at it`,
        variable,
      ),
    ];
  }
  if (hasUserinfo(url)) {
    return [
      commentFix(
        `proxy ${url} rejected the credentials in ${variable}${realmWords}: check them, and percent-encode special characters in the password (@ → %40, : → %3A)`,
        variable,
      ),
    ];
  }
  return [
    setFix(
      null,
      variable,
      placeholderProxyUrl(url),
      `the proxy wants credentials${realmWords}: put your login in place of USER and xxxxx (percent-encode @ and : in it); Go sends them as Basic from this URL`,
    ),
  ];
}

function actionWords(action: string): string {
  const words: Record<string, string> = {
    unresolved: 'does not resolve',
    refused: 'refuses connections',
    unreachable: 'cannot be reached',
    silent: 'accepts connections but never answers CONNECT',
    closed: 'closes the connection without answering',
    tls: 'fails its own TLS handshake',
    'bad-answer': 'does not answer like an HTTP proxy',
  };
  return words[action] ?? 'fails';
}
