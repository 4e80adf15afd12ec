// Go's host name check of a server certificate, per release: crypto/x509 verify.go Certificate.VerifyHostname,
// matchHostnames, validHostname, matchExactly and HostnameError.Error. IP literals match IP SANs only, no Common
// Name fallback (since Go 1.17), a wildcard only as the whole left-most label of a valid pattern.
import { ipEqual, parseIp } from '../net-ip.js';
import { goMinorVersion } from '../go-version.js';
import { ipString, type X509Facts } from './x509-der.js';

/** Why the name check failed, with Go's own error text. */
interface HostnameFailure {
  /** The certificate has no SAN but its Common Name would have matched (Go ≥ 1.17 ignores it). */
  legacyCommonName: boolean;
  /** What the certificate is valid for, as Go lists it (IPs for an IP host, DNS names otherwise). */
  validFor: string;
  goError: string;
}

const MAX_NAMES_INCLUDED = 100; // verify.go HostnameError.Error, Go ≥ 1.24

/** Null when `host` matches the certificate as Go checks it, else the failure. */
export function goVerifyHostname(c: X509Facts, host: string, goVersion?: string | null): HostnameFailure | null {
  const minor = goMinorVersion(goVersion) ?? 99;
  let candidateIP = host;
  if (host.length >= 3 && host.startsWith('[') && host.endsWith(']')) candidateIP = host.slice(1, -1);
  // 1.27 parses with netip.ParseAddr, which accepts an IPv6 zone; before, net.ParseIP does not.
  const zoneless = minor >= 27 && candidateIP.includes(':') ? candidateIP.replace(/%.*$/, '') : candidateIP;
  const ip = parseIp(zoneless);
  if (ip) {
    if (c.ipAddresses.some((s) => ipEqual(parseIp(s) ?? [], ip))) return null;
    return hostnameError(c, minor >= 27 ? ipString(Uint8Array.from(ip)) : candidateIP, minor);
  }
  const name = lowerAscii(host);
  const validName = validHostname(name, false, minor);
  const parts = lowerAscii(name.replace(/\.$/, '')).split('.');
  for (const match of c.dnsNames) {
    if (validName && validHostname(match, true, minor) ? matchHostnames(match, parts) : matchExactly(match, name)) {
      return null;
    }
  }
  return hostnameError(c, host, minor);
}

function hostnameError(c: X509Facts, host: string, minor: number): HostnameFailure {
  const failure = (goError: string, validFor = '', legacyCommonName = false): HostnameFailure => ({
    legacyCommonName,
    validFor,
    goError,
  });
  const hostParts = lowerAscii(host.replace(/\.$/, '')).split('.');
  if (!c.hasSAN && matchHostnames(c.subjectCN, hostParts)) {
    return failure('x509: certificate relies on legacy Common Name field, use SANs instead', '', true);
  }
  const isIp = parseIp(host) !== null;
  const names = isIp ? c.ipAddresses : c.dnsNames;
  if (isIp && names.length === 0) {
    return failure(`x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`);
  }
  if (minor >= 24 && names.length >= MAX_NAMES_INCLUDED) {
    const what = isIp ? 'IP SANs' : 'names';
    return failure(`x509: certificate is valid for ${names.length} ${what}, but none matched ${host}`);
  }
  const valid = names.join(', ');
  if (valid === '') return failure(`x509: certificate is not valid for any names, but wanted to match ${host}`);
  return failure(`x509: certificate is valid for ${valid}, not ${host}`, valid);
}

function matchHostnames(pattern: string, hostParts: string[]): boolean {
  const p = lowerAscii(pattern);
  if (p === '' || hostParts.length === 0) return false;
  const patternParts = p.split('.');
  if (patternParts.length !== hostParts.length) return false;
  return patternParts.every((part, i) => (i === 0 && part === '*') || part === hostParts[i]);
}

function matchExactly(a: string, b: string): boolean {
  if (a === '' || a === '.' || b === '' || b === '.') return false;
  return lowerAscii(a) === lowerAscii(b);
}

// RFC 6125 2.2 with Go's leniency (underscores); a bare "*" pattern is refused from 1.23.
function validHostname(host: string, isPattern: boolean, minor: number): boolean {
  const h = isPattern ? host : host.replace(/\.$/, '');
  if (h === '' || (minor >= 23 && h === '*')) return false;
  return h.split('.').every((part, i) => {
    if (part === '') return false;
    if (isPattern && i === 0 && part === '*') return true;
    return /^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(part);
  });
}

function lowerAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
