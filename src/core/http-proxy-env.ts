// Which HTTP proxy Go uses for a URL: an exact port of golang.org/x/net/http/httpproxy as vendored in each Go release
// (src/vendor/golang.org/x/net/http/httpproxy/proxy.go FromEnvironment, ProxyFunc, useProxy, parseProxy), the code
// behind net/http ProxyFromEnvironment (net/http/transport.go envProxyFunc: identical in Go 1.19, 1.26 and 1.27).
import { goAtLeast } from './go-version.js';
import {
  cidrContains,
  type Cidr,
  type Ip,
  ipEqual,
  isLoopbackIp,
  parseCidr,
  parseIp,
  splitHostPort,
} from './net-ip.js';

/** Proxy settings read from the environment as Go reads them (upper case wins over lower case). */
export interface ProxyConfig {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
  /** REQUEST_METHOD is set: Go refuses HTTP_PROXY for http URLs (golang.org/s/cgihttpproxy). */
  cgi: boolean;
}

/** Reads HTTP_PROXY/HTTPS_PROXY/NO_PROXY like Go's FromEnvironment: an empty value counts as unset. */
export function getProxyConfig(env: Record<string, string | undefined>): ProxyConfig {
  const any = (...names: string[]): string => {
    for (const n of names) {
      const v = env[n];
      if (v !== undefined && v !== '') return v;
    }
    return '';
  };
  return {
    httpProxy: any('HTTP_PROXY', 'http_proxy'),
    httpsProxy: any('HTTPS_PROXY', 'https_proxy'),
    noProxy: any('NO_PROXY', 'no_proxy'),
    cgi: (env.REQUEST_METHOD ?? '') !== '',
  };
}

/** The variable Go takes a setting from: the upper-case name unless it is unset or empty (getEnvAny). */
export function proxyEnvSource(
  env: Record<string, string | undefined>,
  upper: 'HTTPS_PROXY' | 'HTTP_PROXY' | 'NO_PROXY',
): { name: string; value: string } | null {
  const lower = upper.toLowerCase();
  if (env[upper]) return { name: upper, value: env[upper]! };
  if (env[lower]) return { name: lower, value: env[lower]! };
  return null;
}

/**
 * Returns the proxy URL Go would use for `url`, or null for a direct connection.
 * https → HTTPS_PROXY only, http → HTTP_PROXY only (null under CGI, where Go returns an error), other schemes → null.
 * `goVersion` selects the rules of that Go release (see `httpProxyRules`); null/undefined = newest.
 */
export function proxyForUrl(config: ProxyConfig, url: string, goVersion?: string | null): string | null {
  const rules = httpProxyRules(goVersion);
  const req = splitRequestUrl(url);
  if (!req) return null;
  let proxy: string | null = null;
  if (req.scheme === 'https') proxy = parseProxy(config.httpsProxy, !rules.anyScheme);
  else if (req.scheme === 'http') {
    proxy = parseProxy(config.httpProxy, !rules.anyScheme);
    if (proxy !== null && config.cgi) return null;
  }
  if (proxy === null) return null;
  return useProxy(config.noProxy, req.host, req.port, !rules.netipHosts) ? proxy : null;
}

/** The two ways the x/net/http/httpproxy copies vendored in Go releases differ. */
interface HttpProxyRules {
  /** parseProxy keeps any `scheme://host` (else only http, https, socks5; the rest gets "http://" prepended). */
  anyScheme: boolean;
  /** useProxy parses hosts with netip.ParseAddr (IPv6 zones are IPs) and never matches domain entries against IPs. */
  netipHosts: boolean;
}

/**
 * The httpproxy rules of a Go release, from src/vendor/golang.org/x/net/http/httpproxy/proxy.go of each release read
 * (1.19.8, 1.21.0, 1.22.0: neither; 1.23.0, 1.24.0: anyScheme; 1.24.13, 1.25.0, 1.26.8, 1.27.3: both; 1.20 not read,
 * taken as 1.19). netipHosts is the fix of CVE-2025-22870 (golang/go#71984), backported to 1.23.7 and 1.24.1.
 * Unknown version = newest.
 */
export function httpProxyRules(goVersion: string | null | undefined): HttpProxyRules {
  const netipHosts =
    goAtLeast(goVersion, '1.24.1') || (goAtLeast(goVersion, '1.23.7') && !goAtLeast(goVersion, '1.24'));
  return { anyScheme: goAtLeast(goVersion, '1.23'), netipHosts };
}

/**
 * Normalises a proxy env value as Go's parseProxy: Go 1.23+ keeps any `scheme://host`; older Go keeps only
 * http/https/socks5 URLs (`legacy`). Anything else gets "http://" prepended (`cache.corp:3128` →
 * `http://cache.corp:3128`, and in old Go `foo://h` → `http://foo://h`; verified with Go 1.19 vs 1.26).
 */
export function parseProxy(value: string, legacy = false): string | null {
  if (value === '') return null;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/.exec(value);
  if (!legacy && m && m[2] !== '') return value;
  if (legacy && m && /^(https?|socks5)$/i.test(m[1]!)) return value;
  return 'http://' + value;
}

/** Scheme, host (brackets removed, lower case) and port (scheme default when absent) of a request URL. */
function splitRequestUrl(url: string): { scheme: string; host: string; port: string } | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/.exec(url);
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  let hostPort = m[2]!;
  const at = hostPort.lastIndexOf('@');
  if (at >= 0) hostPort = hostPort.slice(at + 1);
  // url.URL.Hostname()/Port(): split at the last colon when what follows is a (possibly empty) number.
  let host = hostPort;
  let port = '';
  const colon = hostPort.lastIndexOf(':');
  if (colon >= 0 && /^:\d*$/.test(hostPort.slice(colon))) {
    host = hostPort.slice(0, colon);
    port = hostPort.slice(colon + 1);
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  host = decodeZone(host);
  if (port === '') port = DEFAULT_PORTS[scheme] ?? '';
  return { scheme, host: toAsciiHost(host), port };
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', socks5: '1080' };

function decodeZone(host: string): string {
  return host.includes('%25') ? host.replace('%25', '%') : host;
}

/** Punycode for non-ASCII names (Go's idnaASCII); ASCII is returned unchanged. */
function toAsciiHost(host: string): string {
  if (/^[\x00-\x7f]*$/.test(host)) return host;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host;
  }
}

type Matcher =
  | { kind: 'all' }
  | { kind: 'cidr'; cidr: Cidr }
  | { kind: 'ip'; ip: Ip; port: string }
  | { kind: 'domain'; host: string; port: string; matchHost: boolean };

/** Parses NO_PROXY into IP and domain matchers (httpproxy config.init); malformed entries are ignored. */
function parseNoProxy(noProxy: string): { ip: Matcher[]; domain: Matcher[] } {
  const ip: Matcher[] = [];
  const domain: Matcher[] = [];
  for (const raw of noProxy.split(',')) {
    const p = raw.trim().toLowerCase();
    if (p === '') continue;
    if (p === '*') return { ip: [{ kind: 'all' }], domain: [{ kind: 'all' }] };
    const cidr = parseCidr(p);
    if (cidr) {
      ip.push({ kind: 'cidr', cidr });
      continue;
    }
    let phost = p;
    let pport = '';
    const split = splitHostPort(p);
    if (split) {
      if (split.host === '') continue;
      phost = split.host;
      pport = split.port;
      if (phost.startsWith('[') && phost.endsWith(']')) phost = phost.slice(1, -1);
    }
    const pip = parseIp(phost);
    if (pip) {
      ip.push({ kind: 'ip', ip: pip, port: pport });
      continue;
    }
    if (phost === '') continue;
    if (phost.startsWith('*.')) phost = phost.slice(1);
    const matchHost = !phost.startsWith('.');
    if (matchHost) phost = '.' + phost;
    domain.push({ kind: 'domain', host: toAsciiHost(phost), port: pport, matchHost });
  }
  return { ip, domain };
}

/**
 * Reports whether a request to host:port goes through the proxy under NO_PROXY (httpproxy config.useProxy). localhost
 * and loopback IPs never do. Go with the netip rules (see `httpProxyRules`) parses the host with netip.ParseAddr (IPv6
 * zones allowed) and never matches domain entries against IP hosts; older Go (`legacy`) used net.ParseIP and did.
 */
export function useProxy(noProxy: string, host: string, port: string, legacy = false): boolean {
  if (host === 'localhost') return false;
  const ip = parseIp(legacy ? host : host.replace(/^([^%]*:[^%]*)%.*$/, '$1'));
  if (ip && isLoopbackIp(ip)) return false;
  const addr = host.trim().toLowerCase();
  const m = parseNoProxy(noProxy);
  if (ip && m.ip.some((x) => matches(x, addr, port, ip))) return false;
  if (ip && !legacy) return !m.domain.some((x) => x.kind === 'all');
  return !m.domain.some((x) => matches(x, addr, port, ip));
}

function matches(m: Matcher, host: string, port: string, ip: Ip | null): boolean {
  switch (m.kind) {
    case 'all':
      return true;
    case 'cidr':
      return ip !== null && cidrContains(m.cidr, ip);
    case 'ip':
      return ip !== null && ipEqual(m.ip, ip) && (m.port === '' || m.port === port);
    case 'domain':
      return (host.endsWith(m.host) || (m.matchHost && host === m.host.slice(1))) && (m.port === '' || m.port === port);
  }
}
