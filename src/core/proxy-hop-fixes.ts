// Fixes for a failure at the proxy hop (core/fix/fix.ts data; settings in the environment, since HTTPS_PROXY and
// NO_PROXY live only there — `go env -w` cannot hold them). Go sends proxy credentials only from the proxy URL's
// userinfo, as Basic (net/http/transport.go connectMethod.proxyAuth), and skips the proxy for NO_PROXY hosts
// (x/net/http/httpproxy config.useProxy).
import { appendFix, commentFix, setFix, type Fix } from './fix/fix.js';
import type { Message } from './i18n/message.js';
import { fixMsg } from './i18n/messages/fix.js';
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
  return appendFix('NO_PROXY', host, fixMsg('fix.note.noProxy', { host }));
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
      // The status (or the reason phrase Go printed), and the proxy's own words as it said them.
      const status = `${p.status ?? p.reason}${p.firstLine ? ` ("${p.firstLine}")` : ''}`;
      const key = p.action === 'denied' ? 'fix.note.proxyDenied' : 'fix.note.proxyErrorStatus';
      return [commentFix(fixMsg(key, { url: p.url, host, status })), ...intranet];
    }
    case 'tunnel-silent':
      return [commentFix(fixMsg('fix.note.tunnelSilent', { url: p.url, host })), ...intranet];
    default:
      return [
        commentFix(
          fixMsg('fix.note.proxyBroken', { variable, url: p.url, what: actionWords(p.action), host }),
          variable,
        ),
        ...intranet,
      ];
  }
}

function authFixes(url: string, challenge: string | undefined, realm: string | undefined, variable: string): Fix[] {
  const realmWords = realm !== undefined ? fixMsg('fix.note.realm', { realm }) : '';
  if (challenge && !/^basic\b/i.test(challenge)) {
    const scheme = challenge.split(/\s/)[0];
    return [
      commentFix(fixMsg('fix.note.authScheme', { url, scheme: scheme ?? '', realm: realmWords, variable }), variable),
    ];
  }
  if (hasUserinfo(url)) {
    return [commentFix(fixMsg('fix.note.authRejected', { url, variable, realm: realmWords }), variable)];
  }
  return [setFix(null, variable, placeholderProxyUrl(url), fixMsg('fix.note.authWanted', { realm: realmWords }))];
}

/** The words of the proxyBroken note for what the proxy did (probe-types ProxyAction); `other` for the rest. */
const ACTION_WORDS = {
  unresolved: 'fix.note.proxyAction.unresolved',
  refused: 'fix.note.proxyAction.refused',
  unreachable: 'fix.note.proxyAction.unreachable',
  silent: 'fix.note.proxyAction.silent',
  closed: 'fix.note.proxyAction.closed',
  tls: 'fix.note.proxyAction.tls',
  'bad-answer': 'fix.note.proxyAction.badAnswer',
} as const;

/** What the proxy did, as words of the proxyBroken note. */
function actionWords(action: string): Message {
  return fixMsg(
    Object.hasOwn(ACTION_WORDS, action)
      ? ACTION_WORDS[action as keyof typeof ACTION_WORDS]
      : 'fix.note.proxyAction.other',
  );
}
