// Fixes for a failure at the proxy hop, as data (the shape of the coming shared Fix vocabulary: env-scoped settings,
// since HTTPS_PROXY and NO_PROXY live only in the environment — `go env -w` cannot hold them) plus a POSIX renderer for
// today's string fixes. Go sends proxy credentials only from the proxy URL's userinfo, as Basic
// (net/http/transport.go connectMethod.proxyAuth), and skips the proxy for NO_PROXY hosts (x/net/http/httpproxy).
import { isKnownPublicHost, isPublicProxyUrl } from './route.js';
import { shellQuote } from './shell-quote.js';
import type { ProbeResult } from './types.js';

/** One fix: set an environment variable (a shell `export`), or a comment when only a person can act. */
export type HopFix =
  | { kind: 'set'; variable: string; value: string; scope: 'env'; note: string; expand?: boolean }
  | { kind: 'comment'; note: string };

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
function noProxyFix(host: string): HopFix {
  return {
    kind: 'set',
    variable: 'NO_PROXY',
    value: `\${NO_PROXY:-$no_proxy},${host}`,
    expand: true,
    scope: 'env',
    note: `only if ${host} is on the intranet: Go then connects to it without the proxy`,
  };
}

/** Fixes for a probe that failed at the proxy hop; [] for any other hop. `variable`: the env var naming the proxy. */
export function proxyHopFixes(r: ProbeResult, variable = 'HTTPS_PROXY'): HopFix[] {
  const p = r.proxy;
  if (r.hop !== 'proxy' || !p) return [];
  const host = targetHost(r);
  const publicHost = isKnownPublicHost(host) || isPublicProxyUrl(r.url);
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
      return [{ kind: 'comment', note: `proxy ${p.url} ${what} (${p.status}${said}): ${ask}` }, ...intranet];
    }
    case 'tunnel-silent':
      return [
        {
          kind: 'comment',
          note: `proxy ${p.url} opens tunnels to ${host} but nothing comes back through them: ask its operator; a middlebox behind it may swallow the TLS handshake`,
        },
        ...intranet,
      ];
    default:
      return [
        {
          kind: 'comment',
          note: `the proxy in ${variable} (${p.url}) ${actionWords(p.action)}: fix or remove ${variable} (unset ${variable} if this network reaches ${host} directly)`,
        },
        ...intranet,
      ];
  }
}

function authFixes(url: string, challenge: string | undefined, realm: string | undefined, variable: string): HopFix[] {
  const realmWords = realm !== undefined ? ` (realm "${realm}")` : '';
  if (challenge && !/^basic\b/i.test(challenge)) {
    const scheme = challenge.split(/\s/)[0];
    return [
      {
        kind: 'comment',
        note: `proxy ${url} asks for ${scheme}${realmWords}, which Go cannot answer (only Basic, from the proxy URL): run a local authenticating proxy (e.g. cntlm or px) and point ${variable} at it`,
      },
    ];
  }
  if (hasUserinfo(url)) {
    return [
      {
        kind: 'comment',
        note: `proxy ${url} rejected the credentials in ${variable}${realmWords}: check them, and percent-encode special characters in the password (@ → %40, : → %3A)`,
      },
    ];
  }
  return [
    {
      kind: 'set',
      variable,
      value: placeholderProxyUrl(url),
      scope: 'env',
      note: `the proxy wants credentials${realmWords}: put your login in place of USER and xxxxx (percent-encode @ and : in it); Go sends them as Basic from this URL`,
    },
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

/** Renders a fix as one POSIX shell line (today's string fixes); `${…}` values are double-quoted so they expand. */
export function renderHopFix(f: HopFix): string {
  if (f.kind === 'comment') return `# ${f.note}`;
  const value = f.expand ? `"${f.value}"` : shellQuote(f.value);
  return `export ${f.variable}=${value}   # ${f.note}`;
}
