// IP addresses, CIDRs and host:port as Go's net package sees them (16-byte form, IPv4 as ::ffff:a.b.c.d): ports of
// src/net/ip.go (ParseIP, IP.Equal, IP.IsLoopback, ParseCIDR, IPNet.Contains) and src/net/ipsock.go SplitHostPort,
// for the NO_PROXY rules in http-proxy-env.ts.

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
