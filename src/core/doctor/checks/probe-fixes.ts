// The fixes for each probe failure cause, shared by the proxy, sumdb and toolchain checks: a setting to change,
// a command, or advice when only a person can act (core/fix/fix.ts).
import { loginFix } from '../../netrc.js';
import { type Fix, commentFix, setFix } from '../../fix/fix.js';
import { code } from '../../i18n/message.js';
import { fixMsg } from '../../i18n/messages/fix.js';
import { formatGoproxy } from '../../goproxy.js';
import { proxyHopFixes } from '../../proxy-hop-fixes.js';
import { isPublicProxyUrl } from '../../public-hosts.js';
import { urlHost, urlHostname } from '../../hosts.js';
import { hasPassword, redactUrl } from '../../redact.js';
import type { ConfigModel } from '../../config-types.js';
import type { ProxyEntry } from '../../goproxy.js';
import type { ProbeResult } from '../../probe-types.js';

/** Public mirrors suggested when a proxy fails (compared and probed by `gomodctl init`). */
const OTHER_MIRRORS = ['goproxy.cn', 'proxy.golang.org'];

const origin = (url: string) => redactUrl(url.split('/').slice(0, 3).join('/'));

/** The GOPROXY edits for a failing entry: drop one that never answers, or make "," a "|" so Go falls through. */
function listFixes(r: ProbeResult, entries: ProxyEntry[], index: number, model: ConfigModel | null): Fix[] {
  const entry = entries[index];
  const silent = r.cause === 'timeout' && (r.phase === 'first-byte' || r.phase === 'body');
  if (silent && entries.length > 1) {
    // Go has no response timeout: a proxy that accepts and never answers raises no error, so "|" cannot help.
    const rest = formatGoproxy(entries.filter((_, i) => i !== index));
    return [
      hasPassword(rest)
        ? commentFix(fixMsg('fix.note.removeSilent', { origin: origin(r.url) }), 'GOPROXY')
        : setFix(model, 'GOPROXY', rest, fixMsg('fix.note.dropSilent')),
    ];
  }
  if (!entry || entry.fallBackOnError || index >= entries.length - 1) return [];
  const piped = formatGoproxy(entries.map((e, i) => (i === index ? { ...e, fallBackOnError: true } : e)));
  // Never print a command holding a password (redacted, it would break the config if copied).
  return [
    hasPassword(piped)
      ? commentFix(fixMsg('fix.note.pipeAfter', { origin: origin(r.url) }), 'GOPROXY')
      : setFix(model, 'GOPROXY', piped, fixMsg('fix.note.pipe')),
  ];
}

/** Fixes for an unreachable or misbehaving proxy entry, given the whole GOPROXY list. */
export function proxyFixes(
  r: ProbeResult,
  entries: ProxyEntry[],
  index: number,
  platform: NodeJS.Platform,
  model: ConfigModel | null = null,
): Fix[] {
  const fixes: Fix[] = [];
  if (r.cause === 'tls') fixes.push(...caFixes(r, platform));
  else if (r.cause === 'auth' && r.hop === 'proxy') fixes.push(...proxyHopFixes(r, r.proxy?.variable));
  // A public proxy takes no credentials: a 401/403 there comes from a gateway in front of it, not a missing login.
  else if (r.cause === 'auth' && !isPublicProxyUrl(r.url))
    fixes.push(loginFix(r.url, urlHostname(r.url), model?.goVersion ?? null));
  else if (['dns', 'refused', 'timeout', 'reset', 'proxy'].includes(r.cause ?? '')) fixes.push(...reachFixes(r));
  fixes.push(...listFixes(r, entries, index, model));
  if (r.cause !== 'tls' && r.cause !== 'auth' && r.hop !== 'proxy') {
    const listed = new Set(entries.map((e) => (e.kind === 'url' ? shownHost(e.url) : e.kind)));
    const others = OTHER_MIRRORS.filter((h) => !listed.has(h));
    if (others.length > 0) {
      const list = `${others.map((h) => `https://${h}`).join('|')},direct`;
      fixes.push(setFix(model, 'GOPROXY', list, fixMsg('fix.note.otherMirror', { command: code('gomodctl init') })));
    }
  }
  return fixes;
}

/** Fixes for a TLS failure: trust the inspecting gateway's CA the way Go does on this OS. */
export function caFixes(r: ProbeResult, platform: NodeJS.Platform): Fix[] {
  if (r.tls?.reason === 'unknown-authority' || r.tls?.reason === undefined) {
    const issuer = r.tls?.issuer;
    if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') {
      const note = issuer ? fixMsg('fix.note.gatewayCaIssuer', { issuer }) : fixMsg('fix.note.gatewayCa');
      return [setFix(null, 'SSL_CERT_FILE', '/path/to/corporate-ca.pem', note)];
    }
    const store = fixMsg(platform === 'darwin' ? 'fix.note.store.keychain' : 'fix.note.store.windows');
    const ca = issuer ? fixMsg('fix.note.corporateCaIssuer', { issuer }) : fixMsg('fix.note.corporateCa');
    return [commentFix(fixMsg('fix.note.importCa', { ca, store }))];
  }
  if (r.tls.reason === 'name-mismatch')
    return [commentFix(fixMsg('fix.note.nameMismatch', { host: shownHost(r.url) }))];
  if (r.tls.reason === 'expired') return [commentFix(fixMsg('fix.note.expired'))];
  return [];
}

/** Advice for a host that cannot be reached, by cause and phase; proxy settings only where Go would use them. */
function reachFixes(r: ProbeResult): Fix[] {
  const host = shownHost(r.url);
  if (r.cause === 'timeout' && (r.phase === 'first-byte' || r.phase === 'body')) {
    return [commentFix(fixMsg('fix.note.hung', { host }))];
  }
  if (r.hop === 'proxy' && r.proxy) return proxyHopFixes(r, r.proxy.variable);
  if (r.cause === 'proxy') return [commentFix(fixMsg('fix.note.tunnel', { via: r.via ?? '', host }))];
  const cause = fixMsg(`fix.cause.${r.cause ?? 'unknown'}`);
  const out = [
    commentFix(
      r.phase && r.phase !== r.cause && r.cause !== 'refused' // refused is always in connect
        ? fixMsg('fix.note.unreachableIn', { host, cause, phase: fixMsg(`fix.phase.${r.phase}`) })
        : fixMsg('fix.note.unreachable', { host, cause }),
    ),
  ];
  const name = urlHostname(r.url) ?? r.url;
  const loopback = name === 'localhost' || /^127\.|^::1$/.test(name);
  if (!loopback && !r.via) {
    const v = r.url.startsWith('http://') ? 'HTTP_PROXY' : 'HTTPS_PROXY';
    out.push(setFix(null, v, 'http://PROXY-HOST:PORT', fixMsg('fix.note.ifProxy')));
  }
  return out;
}

/** Host[:port] of a URL for messages, or the input when it is not a URL. */
function shownHost(url: string): string {
  return urlHost(url) ?? url;
}
