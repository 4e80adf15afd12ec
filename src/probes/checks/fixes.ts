// The exact fix commands for each probe failure cause, shared by the proxy, sumdb and toolchain checks.
// Every line is valid shell: a command to copy (with a trailing # comment), or a # comment when only a person can act.
import type { ProbeResult, ProxyEntry } from '../../core/types.js';
import { formatGoproxy } from '../../core/goproxy.js';
import { setVarCommand } from '../../core/set-command.js';
import type { ConfigModel } from '../../core/types.js';
import { redactUrl } from '../../core/redact.js';
import { proxyHopFixes, renderHopFix } from '../../core/proxy-hop-fixes.js';

/** Fix commands for an unreachable or misbehaving proxy entry, given the whole GOPROXY list. */
export function proxyFixes(
  r: ProbeResult,
  entries: ProxyEntry[],
  index: number,
  platform: NodeJS.Platform,
  model: ConfigModel | null = null,
): string[] {
  const fixes: string[] = [];
  const entry = entries[index];
  switch (r.cause) {
    case 'tls':
      fixes.push(...caFixes(r, platform));
      break;
    case 'auth':
      if (r.hop === 'proxy') fixes.push(...proxyHopFixes(r, r.proxy?.variable).map(renderHopFix));
      else fixes.push(`# add to ~/.netrc (chmod 600): machine ${hostName(r.url)} login USER password TOKEN`);
      break;
    case 'dns':
    case 'refused':
    case 'timeout':
    case 'reset':
    case 'proxy':
      fixes.push(...reachFixes(r));
      break;
    default:
      break;
  }
  const silent = r.cause === 'timeout' && (r.phase === 'first-byte' || r.phase === 'body');
  const hasPassword = (v: string) => /:\/\/[^/@]*:[^/@]*@/.test(v);
  if (silent && entries.length > 1) {
    // Go has no response timeout: a proxy that accepts and never answers raises no error, so "|" cannot help.
    const rest = formatGoproxy(entries.filter((_, i) => i !== index));
    fixes.push(
      hasPassword(rest)
        ? `# remove ${redactUrl(r.url.split('/').slice(0, 3).join('/'))} from GOPROXY: it accepts connections and never answers, and Go waits forever ("|" only helps on errors)`
        : setVarCommand(
            model,
            'GOPROXY',
            rest,
            'drop the silent proxy: Go waits forever on it, "|" only helps on errors',
          ),
    );
  } else if (entry && !entry.fallBackOnError && index < entries.length - 1) {
    const piped = formatGoproxy(entries.map((e, i) => (i === index ? { ...e, fallBackOnError: true } : e)));
    // Never print a command holding a password (redacted, it would break the config if copied).
    fixes.push(
      hasPassword(piped)
        ? `# in GOPROXY, replace the "," after ${redactUrl(r.url.split('/').slice(0, 3).join('/'))} with "|" so Go falls through on any error`
        : setVarCommand(model, 'GOPROXY', piped, '"|" falls through on any error, "," only on 404/410'),
    );
  }
  if (r.cause !== 'tls' && r.cause !== 'auth' && r.hop !== 'proxy') {
    const listed = new Set(entries.map((e) => (e.kind === 'url' ? hostOf(e.url) : e.kind)));
    const others = ['goproxy.cn', 'proxy.golang.org'].filter((h) => !listed.has(h));
    if (others.length > 0) {
      fixes.push(
        setVarCommand(
          model,
          'GOPROXY',
          `${others.map((h) => `https://${h}`).join('|')},direct`,
          'another mirror; compare them with: gomodctl init',
        ),
      );
    }
  }
  return fixes;
}

/** Fixes for a TLS failure: trust the inspecting gateway's CA the way Go does on this OS. */
export function caFixes(r: ProbeResult, platform: NodeJS.Platform): string[] {
  if (r.tls?.reason === 'unknown-authority' || r.tls?.reason === undefined) {
    const who = r.tls?.issuer ? ` (issuer: ${r.tls.issuer})` : '';
    if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') {
      return [`export SSL_CERT_FILE=/path/to/corporate-ca.pem   # the CA that signs the gateway's certificates${who}`];
    }
    return [
      `# import the corporate CA${who} into the ${platform === 'darwin' ? 'macOS keychain' : 'Windows certificate store'} (Go ≤1.26 ignores SSL_CERT_FILE on this OS)`,
    ];
  }
  if (r.tls.reason === 'name-mismatch')
    return [`# the certificate does not match ${hostOf(r.url)}: check the host name in the URL`];
  if (r.tls.reason === 'expired')
    return ['# the server certificate has expired (or this clock is wrong): check the date, then tell the operator'];
  return [];
}

/** Advice for a host that cannot be reached, by cause and phase; proxy settings only where Go would use them. */
function reachFixes(r: ProbeResult): string[] {
  const host = hostOf(r.url);
  if (r.cause === 'timeout' && (r.phase === 'first-byte' || r.phase === 'body')) {
    return [
      `# ${host} accepts connections but never answers: the service is hung, or a gateway on the path swallows requests`,
    ];
  }
  if (r.hop === 'proxy' && r.proxy) return proxyHopFixes(r, r.proxy.variable).map(renderHopFix);
  if (r.cause === 'proxy')
    return [
      `# the HTTP proxy ${r.via ?? ''} refused or failed the tunnel to ${host}: check HTTPS_PROXY/HTTP_PROXY and NO_PROXY`,
    ];
  const out = [
    `# ${host} cannot be reached from this network (${r.cause}${r.phase && r.phase !== r.cause ? ` in ${r.phase}` : ''})`,
  ];
  const name = hostName(r.url);
  const loopback = name === 'localhost' || /^127\.|^\[?::1\]?$/.test(name);
  if (!loopback && !r.via) {
    const v = r.url.startsWith('http://') ? 'HTTP_PROXY' : 'HTTPS_PROXY';
    out.push(`export ${v}=http://PROXY-HOST:PORT   # only if this network reaches the internet through a proxy`);
  }
  return out;
}

/** Host name (no port) of a URL. */
function hostName(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Host[:port] of a URL, or the input when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** "dns 3ms, connect 20ms, tls 41ms, first byte 110ms". */
export function timingText(r: ProbeResult): string {
  const t = r.timings;
  const parts: string[] = [];
  if (t.dnsMs !== undefined) parts.push(`dns ${Math.round(t.dnsMs)}ms`);
  if (t.connectMs !== undefined) parts.push(`connect ${Math.round(t.connectMs)}ms`);
  if (t.tlsMs !== undefined) parts.push(`tls ${Math.round(t.tlsMs)}ms`);
  if (t.ttfbMs !== undefined) parts.push(`first byte ${Math.round(t.ttfbMs)}ms`);
  return parts.join(', ');
}

/** Copies a probe's diagnostic fields into a check result. */
export function probeFields(r: ProbeResult) {
  return {
    ...(r.cause ? { cause: r.cause } : {}),
    ...(r.phase ? { phase: r.phase } : {}),
    ...(r.status !== undefined ? { httpStatus: r.status } : {}),
    ...(r.hop ? { hop: r.hop } : {}),
    ...(r.peer ? { peer: r.peer } : {}),
    timings: { ...r.timings },
  };
}
