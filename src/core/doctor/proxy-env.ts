// Lint of the proxy variables as the running Go reads them (x/net/http/httpproxy FromEnvironment getEnvAny: upper
// case first, an empty value counts as unset; config.init for NO_PROXY; parseProxy per release, see
// core/http-proxy-env.ts httpProxyRules). Other tools read them differently — curl and git (libcurl) take the lower
// case first and ignore upper-case HTTP_PROXY — so two spellings with different values send tools different ways.
import { doctorMsg } from '../i18n/messages/doctor.js';
import { unsetFix, copyVarFix } from '../fix/fix.js';
import { fixMsg } from '../i18n/messages/fix.js';
import { httpProxyRules, parseProxy, proxyEnvSource } from '../http-proxy-env.js';
import { splitHostPort } from '../net-ip.js';
import { redactSecrets } from '../redact.js';
import type { Finding } from './lint.js';

const PAIRS = [
  ['HTTPS_PROXY', 'https_proxy'],
  ['HTTP_PROXY', 'http_proxy'],
  ['NO_PROXY', 'no_proxy'],
] as const;

/** Findings about HTTPS_PROXY/HTTP_PROXY/NO_PROXY and REQUEST_METHOD for this Go version; [] when all is well. */
export function lintProxyEnv(env: Record<string, string | undefined>, goVersion: string | null): Finding[] {
  return [...pairFindings(env), ...cgiFinding(env), ...schemeFindings(env, goVersion), ...noProxyFindings(env)];
}

function pairFindings(env: Record<string, string | undefined>): Finding[] {
  const out: Finding[] = [];
  for (const [upper, lower] of PAIRS) {
    const u = env[upper];
    const l = env[lower];
    if (u === undefined || l === undefined || u === l) continue; // one name only (or Windows: one variable)
    const shown = (v: string) => (v === '' ? doctorMsg('lint.empty') : `"${redactSecrets(v)}"`);
    const message =
      u === ''
        ? doctorMsg('lint.proxyEmpty', { upper, lower, value: shown(l) })
        : doctorMsg('lint.proxyDiffer', { upper, upperValue: shown(u), lower, lowerValue: shown(l) });
    out.push({
      id: `config.proxy-env.${upper.toLowerCase()}`,
      title: `${upper} / ${lower}`,
      status: 'warn',
      message,
      fix:
        u === ''
          ? [unsetFix(null, upper, fixMsg('fix.note.sameProxy')), unsetFix(null, lower)]
          : [copyVarFix(lower, upper, fixMsg('fix.note.oneValue'))],
    });
  }
  return out;
}

/** REQUEST_METHOD set (a CGI environment): Go refuses HTTP_PROXY for http:// requests (golang.org/s/cgihttpproxy). */
function cgiFinding(env: Record<string, string | undefined>): Finding[] {
  if (!env.REQUEST_METHOD || !proxyEnvSource(env, 'HTTP_PROXY')) return [];
  return [
    {
      id: 'config.proxy-env.cgi',
      title: 'REQUEST_METHOD',
      status: 'warn',
      message: doctorMsg('lint.cgi'),
      fix: [unsetFix(null, 'REQUEST_METHOD', fixMsg('fix.note.cgi'))],
    },
  ];
}

/** A proxy scheme Go ≤1.22 does not keep: it prepends "http://" and then fails to connect. */
function schemeFindings(env: Record<string, string | undefined>, goVersion: string | null): Finding[] {
  if (httpProxyRules(goVersion).anyScheme) return [];
  return (['HTTPS_PROXY', 'HTTP_PROXY'] as const).flatMap((upper) => {
    const src = proxyEnvSource(env, upper);
    if (!src) return [];
    const parsed = parseProxy(src.value, true);
    if (parsed === src.value || !/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(src.value)) return [];
    return [
      {
        id: `config.proxy-env.scheme.${upper.toLowerCase()}`,
        title: src.name,
        status: 'warn' as const,
        message: `${goVersion ?? 'this Go'} keeps only http, https and socks5 proxy URLs: it reads ${src.name} as ${redactSecrets(parsed ?? '')} and cannot connect (Go 1.23+ keeps any scheme)`,
      },
    ];
  });
}

/** NO_PROXY entries that can never match in Go: a scheme, a path, or a "*" anywhere but a leading "*.". */
export function deadNoProxyEntries(noProxy: string): Array<{ entry: string; why: string }> {
  const out: Array<{ entry: string; why: string }> = [];
  for (const raw of noProxy.split(',')) {
    const p = raw.trim().toLowerCase();
    if (p === '' || p === '*') continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(p)) out.push({ entry: raw.trim(), why: 'has a scheme (write the host only)' });
    else if (p.includes('/') && !/^[0-9a-f.:[\]]+\/\d+$/.test(p))
      out.push({ entry: raw.trim(), why: 'has a path (only hosts, domains and IP/CIDR are matched)' });
    else if (p.replace(/^\*\./, '.').includes('*'))
      out.push({ entry: raw.trim(), why: 'uses "*" inside a name (only a whole "*" or a leading "*." works)' });
    else if (splitHostPort(p)?.port === '*')
      out.push({ entry: raw.trim(), why: 'has port "*" (a port must be a number)' });
  }
  return out;
}

function noProxyFindings(env: Record<string, string | undefined>): Finding[] {
  const src = proxyEnvSource(env, 'NO_PROXY');
  const dead = src ? deadNoProxyEntries(src.value) : [];
  if (!src || dead.length === 0) return [];
  return [
    {
      id: 'config.proxy-env.no-proxy',
      title: src.name,
      status: 'warn',
      message: `${src.name} has entries Go never matches: ${dead.map((d) => `"${d.entry}" ${d.why}`).join('; ')}`,
    },
  ];
}
