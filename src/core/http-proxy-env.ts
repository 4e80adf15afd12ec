// Which HTTP proxy Go uses for a URL: an exact port of golang.org/x/net/http/httpproxy as vendored in each Go release
// (src/vendor/golang.org/x/net/http/httpproxy/proxy.go FromEnvironment, ProxyFunc, useProxy, parseProxy), the code
// behind net/http ProxyFromEnvironment (net/http/transport.go envProxyFunc: identical in Go 1.19, 1.26 and 1.27).

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
export interface HttpProxyRules {
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
  const m = /(?:^|go)1\.(\d+)(?:\.(\d+))?/.exec(goVersion ?? '');
  const minor = m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
  const patch = m?.[2] ? Number(m[2]) : 0;
  const netip = minor >= 25 || (minor === 24 && patch >= 1) || (minor === 23 && patch >= 7);
  return { anyScheme: minor >= 23, netipHosts: netip };
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
export function splitRequestUrl(url: string): { scheme: string; host: string; port: string } | null {
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

/** Parses NO_PROXY into IP and domain matchers (config.init in X:); malformed entries are ignored. */
export function parseNoProxy(noProxy: string): { ip: Matcher[]; domain: Matcher[] } {
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
 * Reports whether a request to host:port goes through the proxy under NO_PROXY (useProxy in X:). localhost and
 * loopback IPs never do. Go 1.25+ parses the host with netip.ParseAddr (IPv6 zones allowed) and never matches
 * domain entries against IP hosts; older Go (`legacy`) used net.ParseIP and did.
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

/** Go's net.SplitHostPort; null where Go returns an error (missing port, too many colons, stray brackets). */
export function splitHostPort(hostport: string): { host: string; port: string } | null {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return null;
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0 || end + 1 !== i) return null;
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return null;
  }
  if (hostport.slice(j).includes('[') || hostport.slice(k).includes(']')) return null;
  return { host, port: hostport.slice(i + 1) };
}

// ---- IP addresses as Go's net package sees them (16-byte form, IPv4 as ::ffff:a.b.c.d) ----

/** An IP address: 16 bytes, IPv4 stored IPv4-mapped like Go's net.IP. */
export type Ip = number[];
/** A parsed CIDR: network bytes (4 or 16) and prefix length in bits. */
export interface Cidr {
  net: number[];
  bits: number;
}

const V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function parseIpv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    // Go 1.17+ rejects leading zeros (net.ParseIP).
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith('0')) || Number(p) > 255) return null;
    out.push(Number(p));
  }
  return out;
}

function parseIpv6(text: string): number[] | null {
  let s = text;
  const lastColon = s.lastIndexOf(':');
  if (lastColon >= 0 && s.slice(lastColon + 1).includes('.')) {
    // Embedded IPv4 tail ("::ffff:1.2.3.4") becomes two hex groups.
    const v4 = parseIpv4(s.slice(lastColon + 1));
    if (!v4) return null;
    const hex = (hi: number, lo: number): string => ((hi << 8) | lo).toString(16);
    s = `${s.slice(0, lastColon + 1)}${hex(v4[0]!, v4[1]!)}:${hex(v4[2]!, v4[3]!)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const a = hexGroups(halves[0]!);
  const b = halves.length === 2 ? hexGroups(halves[1]!) : [];
  if (!a || !b) return null;
  const fill = 16 - a.length - b.length;
  if (halves.length === 1 ? fill !== 0 : fill < 2) return null;
  return [...a, ...new Array<number>(fill).fill(0), ...b];
}

function hexGroups(h: string): number[] | null {
  if (h === '') return [];
  const out: number[] = [];
  for (const g of h.split(':')) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    out.push(n >> 8, n & 0xff);
  }
  return out;
}

/** Go's net.ParseIP: dotted IPv4 or IPv6 (no zone); null when not an IP literal. */
export function parseIp(s: string): Ip | null {
  const v4 = parseIpv4(s);
  if (v4) return [...V4_PREFIX, ...v4];
  return s.includes(':') ? parseIpv6(s) : null;
}

function to4(ip: Ip): number[] | null {
  return V4_PREFIX.every((b, i) => ip[i] === b) ? ip.slice(12) : null;
}

/** Go's net.IP.Equal. */
export function ipEqual(a: Ip, b: Ip): boolean {
  return a.every((x, i) => x === b[i]);
}

/** Go's IP.IsLoopback: 127.0.0.0/8 (also IPv4-mapped) or ::1. */
export function isLoopbackIp(ip: Ip): boolean {
  const v4 = to4(ip);
  if (v4) return v4[0] === 127;
  return ip.every((x, i) => x === (i === 15 ? 1 : 0));
}

/** Go's net.ParseCIDR ("10.0.0.0/8", "2001:db8::/32"); null when malformed. */
export function parseCidr(s: string): Cidr | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = s.slice(0, slash);
  const bitsText = s.slice(slash + 1);
  if (!/^\d+$/.test(bitsText) || (bitsText.length > 1 && bitsText.startsWith('0'))) return null;
  const bits = Number(bitsText);
  const v4 = parseIpv4(addr);
  if (v4) return bits <= 32 ? { net: v4, bits } : null;
  const v6 = addr.includes(':') ? parseIpv6(addr) : null;
  if (!v6 || bits > 128) return null;
  return { net: v6, bits };
}

/** Go's IPNet.Contains: an IPv4 network only contains IPv4 (or IPv4-mapped) addresses. */
export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  const addr = cidr.net.length === 4 ? to4(ip) : ip;
  if (!addr) return false;
  for (let bit = 0; bit < cidr.bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((addr[byte] ?? 0) & mask) !== ((cidr.net[byte] ?? 0) & mask)) return false;
  }
  return true;
}
